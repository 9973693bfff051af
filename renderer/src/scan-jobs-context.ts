import { createContext, useContext } from 'react';
import type { ScanJob } from '../../core/api/scans';

/** Live scan state for every repository, kept at the top so that navigating never loses it. */
export const ScanJobsContext = createContext<ReadonlyMap<number, ScanJob>>(new Map());

export const useScanJob = (repositoryId: number): ScanJob | undefined => useContext(ScanJobsContext).get(repositoryId);

import { createContext, useContext } from 'react';
import type { ScanJob } from '../../core/api/scans';

/** A job's place among the live ones: one scan and one backfill per repository at a time. */
export const jobKey = (repositoryId: number, purpose: ScanJob['purpose']): string => `${repositoryId}:${purpose}`;

/** Live scans and backfills of every repository (by `jobKey`), kept at the top so that navigating never loses them. */
export const ScanJobsContext = createContext<ReadonlyMap<string, ScanJob>>(new Map());

export const useScanJob = (repositoryId: number, purpose: ScanJob['purpose'] = 'scan'): ScanJob | undefined => useContext(ScanJobsContext).get(jobKey(repositoryId, purpose));

import { createContext } from 'react';

/**
 * The snapshot whose files the links of a page show in Steward's code view: the latest scan on a
 * repository's page, the snapshot itself on a past snapshot's; null where no snapshot is in view.
 */
export const CodeViewSnapshot = createContext<number | null>(null);

/** The app's address of the code view of a snapshot's file, at a line (the path's steps kept as steps of the address). */
export const codeViewHref = (snapshotId: number, path: string, line = 1): string => `#/snapshots/${snapshotId}/file/${line}/${encodeURI(path).replace(/[?#]/g, encodeURIComponent)}`;

import { z } from 'zod';
import { classifyCodeFiles } from '../../../analyzers/discover/code-files.js';
import { fileStats, fileStatsVersion } from '../../../analyzers/languages/file-stats.js';
import { findMarkers, markerTotals } from '../../../analyzers/markers/find-markers.js';
import { analysisDescriptor } from '../../api/analyses.js';
import type { MarkersReport } from '../../api/markers.js';
import { BlobMemo } from '../../git/read-blobs.js';
import { blobMemoStore } from '../../store/blob-memo-store.js';
import { getReportDocument, insertReportDocument } from '../../store/snapshot-reports.js';
import type { Analysis } from '../analysis.js';
import { markerItems } from './items.js';

interface FileMarkers {
  path: string;
  linesOfCode: number;
  markers: ReturnType<typeof findMarkers>;
}

const decoder = new TextDecoder();
/** A backfill reads each file once, however many of its commits have it. */
const markersOf = new BlobMemo<FileMarkers>((file, content) => ({ path: file.path, linesOfCode: fileStats(file.path, content).codeLines, markers: findMarkers(decoder.decode(content)) }));

/**
 * TODO/FIXME/HACK/XXX comments and checker-silencing directives per file and folder: debt the authors
 * wrote down themselves. Built as the example of a new analysis: this folder and one registry line.
 */
export const markersAnalysis: Analysis<'markers'> = {
  descriptor: analysisDescriptor('markers'),
  version: '1',
  weight: 0.1,
  options: z.object({}),
  async run({ cache, root, commit, treeFiles, signal, progress }) {
    const tree = await treeFiles();
    const { codeFiles } = classifyCodeFiles(
      tree.files.map((file) => file.path),
      [],
    );
    const wanted = new Set(codeFiles);
    const files = tree.files.filter((file) => wanted.has(file.path));
    const found: (FileMarkers | null)[] = Array.from(files, () => null);
    let done = 0;
    await markersOf.read(
      root,
      files,
      (index, markers) => {
        found[index] = markers;
        progress(++done, files.length, files[index]!.path);
      },
      signal,
      // Its values hold line counts too: a change to either makes them stale.
      blobMemoStore(cache, 'markers', `${markersAnalysis.version} lines ${fileStatsVersion}`),
    );
    const read = found.filter((file) => file !== null);
    const totals = markerTotals(read);
    const report: MarkersReport = {
      commit,
      markers: read.flatMap((file) => file.markers.map((marker) => ({ path: file.path, ...marker }))),
      files: totals.files,
      folders: totals.folders,
    };
    return { report };
  },
  save: (db, snapshotId, report) => insertReportDocument(db, snapshotId, 'markers', report),
  load: (db, snapshotId) => getReportDocument(db, snapshotId, 'markers', markersAnalysis.descriptor.report),
  items: markerItems,
};

import { z } from 'zod';
import { classifyCodeFiles } from '../../../analyzers/discover/code-files.js';
import { fileStats } from '../../../analyzers/languages/file-stats.js';
import { findMarkers, markerTotals } from '../../../analyzers/markers/find-markers.js';
import { analysisDescriptor } from '../../api/analyses.js';
import type { MarkersReport } from '../../api/markers.js';
import { readBlobs } from '../../git/read-blobs.js';
import { getReportDocument, insertReportDocument } from '../../store/snapshot-reports.js';
import type { Analysis } from '../analysis.js';
import { markerItems } from './items.js';

/**
 * TODO/FIXME/HACK/XXX comments and checker-silencing directives per file and folder: debt the authors
 * wrote down themselves. Built as the example of a new analysis: this folder and one registry line.
 */
export const markersAnalysis: Analysis<'markers'> = {
  descriptor: analysisDescriptor('markers'),
  version: '1',
  weight: 0.1,
  options: z.object({}),
  async run({ root, commit, treeFiles, signal, progress }) {
    const tree = await treeFiles();
    const { codeFiles } = classifyCodeFiles(
      tree.files.map((file) => file.path),
      [],
    );
    const wanted = new Set(codeFiles);
    const files = tree.files.filter((file) => wanted.has(file.path));
    const read: { path: string; linesOfCode: number; markers: ReturnType<typeof findMarkers> }[] = [];
    const decoder = new TextDecoder();
    await readBlobs(
      root,
      files.map((file) => file.blobSha),
      (index, content) => {
        const file = files[index]!;
        progress(index + 1, files.length, file.path);
        if (content) read.push({ path: file.path, linesOfCode: fileStats(file.path, content).codeLines, markers: findMarkers(decoder.decode(content)) });
      },
      signal,
    );
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

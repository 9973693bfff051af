import { fileStats, fileStatsVersion } from '../../analyzers/languages/file-stats.js';
import type { AnalysisContext } from '../analyses/analysis.js';
import { BlobMemo } from '../git/read-blobs.js';
import type { TreeFile } from '../git/tree-files.js';
import { blobMemoStore } from '../store/blob-memo-store.js';
import { type FileRow, insertFileRows } from '../store/snapshot-files.js';
import type { SaveResults } from '../store/snapshots.js';
import { plural, preview } from '../wording.js';

/** Files above this size are counted as files, but their lines are not read. */
const maxCountedBytes = 20 * 1024 * 1024;

/** A file that is counted but whose lines could not be (too large, or content missing). */
function uncounted(file: TreeFile): FileRow {
  return { path: file.path, blobSha: file.blobSha, language: null, bytes: file.size, codeLines: 0, commentLines: 0, blankLines: 0 };
}

/** A backfill counts each file's lines once, however many of its commits have the file. */
const counted = new BlobMemo<FileRow>((file, content) => ({ ...fileStats(file.path, content), blobSha: file.blobSha }));

/** Rough share of a scan's time, for the progress bar. */
export const countLinesWeight = 0.85;

/**
 * Files and lines of code, comments and blanks of every tracked file, by language (cloc's way): part
 * of every snapshot, whatever analyses it runs.
 */
export async function countLines({ cache, root, signal, treeFiles, progress, warn }: AnalysisContext): Promise<{ save: SaveResults; linesOfCode: number }> {
    const { files, submodules } = await treeFiles();
    if (submodules.length > 0) warn(`Skipped ${plural(submodules.length, 'submodule')}: ${preview(submodules)}`);

    const oversized = files.filter((file) => file.size > maxCountedBytes);
    if (oversized.length > 0) {
      warn(`Did not count lines in ${plural(oversized.length, 'file')} over 20 MB: ${preview(oversized.map((file) => file.path))}`);
    }
    const rows: FileRow[] = oversized.map(uncounted);
    const readable = files.filter((file) => file.size <= maxCountedBytes);
    const missing: string[] = [];

    progress(rows.length, files.length);
    await counted.read(
      root,
      readable,
      (index, row) => {
        const file = readable[index]!;
        if (!row) missing.push(file.path);
        rows.push(row ?? uncounted(file));
        progress(rows.length, files.length, file.path);
      },
      signal,
      blobMemoStore(cache, 'lines', fileStatsVersion),
    );
    if (missing.length > 0) {
      warn(
        `${plural(missing.length, 'file')} could not be read because git does not have their content (a partial or damaged clone): ${preview(missing)}`,
        { partial: true },
      );
    }
    return { save: (db, snapshotId) => insertFileRows(db, snapshotId, rows), linesOfCode: rows.reduce((sum, row) => sum + row.codeLines, 0) };
}

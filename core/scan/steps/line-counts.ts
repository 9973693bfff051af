import { fileStats } from '../../../analyzers/languages/file-stats.js';
import { readBlobs } from '../../git/read-blobs.js';
import type { TreeFile } from '../../git/tree-files.js';
import { type FileRow, insertFileRows } from '../../store/snapshot-files.js';
import type { ScanStep } from '../scan-step.js';
import { plural, preview } from '../../wording.js';

/** Files above this size are counted as files, but their lines are not read. */
const maxCountedBytes = 20 * 1024 * 1024;

/** A file that is counted but whose lines could not be (too large, or content missing). */
function uncounted(file: TreeFile): FileRow {
  return { path: file.path, blobSha: file.blobSha, language: null, bytes: file.size, codeLines: 0, commentLines: 0, blankLines: 0 };
}

export const lineCountsStep: ScanStep = {
  id: 'lines',
  title: 'Counting lines of code',
  version: '1',
  weight: 0.85,
  async run({ root, signal, treeFiles, progress, warn }) {
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
    await readBlobs(
      root,
      readable.map((file) => file.blobSha),
      (index, content) => {
        const file = readable[index]!;
        if (content) rows.push({ ...fileStats(file.path, content), blobSha: file.blobSha });
        else {
          missing.push(file.path);
          rows.push(uncounted(file));
        }
        progress(rows.length, files.length, file.path);
      },
      signal,
    );
    if (missing.length > 0) {
      warn(
        `${plural(missing.length, 'file')} could not be read because git does not have their content (a partial or damaged clone): ${preview(missing)}`,
        { partial: true },
      );
    }
    return (db, snapshotId) => insertFileRows(db, snapshotId, rows);
  },
};

import type { FileStats } from '../../analyzers/languages/file-stats.js';
import type { Database } from './database.js';

export type FileRow = FileStats & { blobSha: string };

export function insertFileRows(db: Database, snapshotId: number, rows: readonly FileRow[]): void {
  const insert = db.prepare(
    `INSERT INTO snapshot_files (snapshot_id, path, blob_sha, language, bytes, code_lines, comment_lines, blank_lines)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const row of rows) {
    insert.run(snapshotId, row.path, row.blobSha, row.language, row.bytes, row.codeLines, row.commentLines, row.blankLines);
  }
}

/** The lines of code of a snapshot's files in a folder and below ('' for all) that `counts`, by path. */
export function sumCodeLines(db: Database, snapshotId: number, folder: string, counts: (path: string) => boolean): number {
  const rows = db.prepare<[number], { path: string; code_lines: number }>('SELECT path, code_lines FROM snapshot_files WHERE snapshot_id = ?').all(snapshotId);
  return rows.filter(({ path }) => (folder === '' || path.startsWith(`${folder}/`)) && counts(path)).reduce((sum, row) => sum + row.code_lines, 0);
}

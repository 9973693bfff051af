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

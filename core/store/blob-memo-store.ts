import type { KeptValues } from '../git/read-blobs.js';
import type { Database } from './database.js';

/**
 * What one reader (`lines`, `markers`) made of each file content, kept in the database between
 * scans and processes, for `BlobMemo`. Rows of another version of the reader count as missing.
 */
export function blobMemoStore<T>(db: Database, reader: string, version: string): KeptValues<T> {
  // CROSS JOIN keeps the keys outside: SQLite would otherwise scan every row of the reader per key.
  const select = db.prepare<[string, string, string], { position: number; value: string }>(
    `SELECT k.key AS position, m.value
     FROM json_each(?) k
     CROSS JOIN blob_memo m ON m.reader = ? AND m.blob_sha = k.value ->> 0 AND m.path = k.value ->> 1 AND m.version = ?`,
  );
  const insert = db.prepare(`INSERT OR REPLACE INTO blob_memo (reader, blob_sha, path, version, value) VALUES (?, ?, ?, ?, ?)`);
  return {
    get(keys) {
      const rows = select.all(JSON.stringify(keys.map((key) => [key.blobSha, key.path])), reader, version);
      return new Map(rows.map((row) => [row.position, JSON.parse(row.value) as T]));
    },
    put(entries) {
      db.transaction(() => {
        for (const { key, value } of entries) insert.run(reader, key.blobSha, key.path, version, JSON.stringify(value));
      })();
    },
  };
}

import type { KeptValues } from '../git/read-blobs.js';
import type { Database } from './database.js';
import { valuesTables } from './values-table.js';

/**
 * What one reader (`lines`, `markers`) made of each file content, kept in the database between
 * scans and processes, for `BlobMemo`. Rows of another version of the reader count as missing.
 */
export function blobMemoStore<T>(db: Database, reader: string, version: string): KeptValues<T> {
  const insert = db.prepare(
    `INSERT INTO blob_memo (reader, blob_sha, path, version, value) VALUES (?, ?, ?, ?, ?) ON CONFLICT (reader, blob_sha, path) DO UPDATE SET version = excluded.version, value = excluded.value`,
  );
  return {
    get(keys) {
      const found = new Map<number, T>();
      for (const table of valuesTables(keys.map((key) => [key.blobSha, key.path]))) {
        // CROSS JOIN keeps the keys outside: SQLite would otherwise scan every row of the reader per key.
        const rows = db
          .prepare<unknown[], { position: number | string; value: string }>(
            `SELECT k.column1 AS position, m.value FROM ${table.sql}
             CROSS JOIN blob_memo m WHERE m.reader = ? AND m.blob_sha = k.column2 AND m.path = k.column3 AND m.version = ?`,
          )
          .all(...table.params, reader, version);
        for (const row of rows) found.set(Number(row.position), JSON.parse(row.value) as T);
      }
      return found;
    },
    put(entries) {
      db.transaction(() => {
        for (const { key, value } of entries) insert.run(reader, key.blobSha, key.path, version, JSON.stringify(value));
      })();
    },
  };
}

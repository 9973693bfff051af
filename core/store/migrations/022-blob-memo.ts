export const blobMemo = {
  version: 22,
  name: 'what a scan made of each file content (line counts, debt markers), kept between scans',
  sql: /* sql */ `
    -- By content and path (a path's extension decides the language): a re-scan, or a scan after a
    -- commit, reads from git only the files that changed. A new version of a reader replaces its rows.
    CREATE TABLE blob_memo (
      reader TEXT NOT NULL,
      blob_sha TEXT NOT NULL,
      path TEXT NOT NULL,
      version TEXT NOT NULL,
      value TEXT NOT NULL CHECK (json_valid(value)),
      PRIMARY KEY (reader, blob_sha, path)
    ) WITHOUT ROWID;
  `,
};

export const analysisRegistry = {
  version: 7,
  name: 'snapshots of commits with their inputs, reports by analysis, settings in the store',
  sql: /* sql */ `
    -- A snapshot is of a commit: which kind of scan took it ('head' now; later 'backfill' of a past
    -- commit and 'draft'), the commit's committer date (trends order by it), and every input taken
    -- from outside the commit (node_modules, registries, offline, the date used as "now").
    ALTER TABLE snapshots ADD COLUMN kind TEXT NOT NULL DEFAULT 'head' CHECK (kind IN ('head', 'backfill', 'draft'));
    ALTER TABLE snapshots ADD COLUMN commit_date TEXT;
    ALTER TABLE snapshots ADD COLUMN environment TEXT CHECK (environment IS NULL OR json_valid(environment));

    -- Reports of analyses that keep theirs as one document (analyses with tables of their own use those).
    CREATE TABLE snapshot_reports (
      snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
      analysis TEXT NOT NULL,
      report TEXT NOT NULL CHECK (json_valid(report)),
      PRIMARY KEY (snapshot_id, analysis)
    ) WITHOUT ROWID;

    -- Settings shared by the app, browser mode and the CLI (one JSON value per key).
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL CHECK (json_valid(value)),
      updated_at TEXT NOT NULL
    ) WITHOUT ROWID;
  `,
};

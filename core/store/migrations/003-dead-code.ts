export const deadCode = {
  version: 3,
  name: 'dead code',
  sql: /* sql */ `
    -- One row per snapshot that searched for dead code: how the search went and where it started.
    CREATE TABLE snapshot_dead_code (
      snapshot_id INTEGER PRIMARY KEY REFERENCES snapshots (id) ON DELETE CASCADE,
      production INTEGER NOT NULL CHECK (production IN (0, 1)),
      files INTEGER NOT NULL,
      reachable INTEGER NOT NULL,
      -- [{ path, reason }], the search's starting points and the files kept as possibly used.
      entries TEXT NOT NULL CHECK (json_valid(entries)),
      possibly_used TEXT NOT NULL CHECK (json_valid(possibly_used)),
      -- [{ dir, name, findings: { kind: count } }]
      workspaces TEXT NOT NULL CHECK (json_valid(workspaces))
    );

    CREATE TABLE snapshot_dead_code_findings (
      snapshot_id INTEGER NOT NULL REFERENCES snapshot_dead_code (snapshot_id) ON DELETE CASCADE,
      kind TEXT NOT NULL,
      path TEXT NOT NULL,
      line INTEGER NOT NULL,
      name TEXT NOT NULL,
      workspace TEXT NOT NULL,
      reason TEXT NOT NULL,
      importers TEXT NOT NULL CHECK (json_valid(importers)),
      lines INTEGER,
      last_commit TEXT,
      last_date TEXT,
      last_author TEXT,
      PRIMARY KEY (snapshot_id, kind, path, line, name)
    ) WITHOUT ROWID;
  `,
};

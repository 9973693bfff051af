export const initial = {
  version: 1,
  name: 'initial',
  sql: /* sql */ `
    CREATE TABLE repositories (
      id INTEGER PRIMARY KEY,
      path TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      added_at TEXT NOT NULL,
      -- Removing a repository hides it; adding the same path again brings its history back.
      removed_at TEXT
    );

    CREATE TABLE snapshots (
      id INTEGER PRIMARY KEY,
      repository_id INTEGER NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
      commit_sha TEXT NOT NULL,
      branch TEXT,
      status TEXT NOT NULL CHECK (status IN ('complete', 'partial')),
      started_at TEXT NOT NULL,
      finished_at TEXT NOT NULL,
      analyzer_versions TEXT NOT NULL CHECK (json_type(analyzer_versions) = 'object'),
      warnings TEXT NOT NULL CHECK (json_type(warnings) = 'array')
    );
    CREATE INDEX snapshots_by_repository ON snapshots (repository_id, finished_at);

    CREATE TABLE snapshot_files (
      snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
      path TEXT NOT NULL,
      blob_sha TEXT NOT NULL,
      language TEXT,
      bytes INTEGER NOT NULL,
      code_lines INTEGER NOT NULL,
      comment_lines INTEGER NOT NULL,
      blank_lines INTEGER NOT NULL,
      PRIMARY KEY (snapshot_id, path)
    ) WITHOUT ROWID;

    CREATE TABLE snapshot_git_history (
      snapshot_id INTEGER PRIMARY KEY REFERENCES snapshots (id) ON DELETE CASCADE,
      commits INTEGER NOT NULL,
      first_commit_at TEXT NOT NULL,
      last_commit_at TEXT NOT NULL,
      shallow INTEGER NOT NULL CHECK (shallow IN (0, 1))
    );

    CREATE TABLE snapshot_contributors (
      snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      email TEXT NOT NULL,
      commits INTEGER NOT NULL,
      PRIMARY KEY (snapshot_id, name, email)
    ) WITHOUT ROWID;

    -- At most one scan per repository across every Steward process (app, browser mode, CLI).
    CREATE TABLE scan_locks (
      repository_id INTEGER PRIMARY KEY REFERENCES repositories (id) ON DELETE CASCADE,
      job_id TEXT NOT NULL,
      owner_pid INTEGER NOT NULL,
      started_at TEXT NOT NULL
    );
  `,
};

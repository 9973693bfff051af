export const history = {
  version: 4,
  name: 'history engine',
  sql: /* sql */ `
    -- Commit logs read from git, kept across scans so that a re-scan reads only the new commits.
    -- One log per repository root; each read writes a staging log (the root plus a marker and an id) and
    -- moves it in when complete. settings name the reader's version and options (a change means a full re-read);
    -- read_at is when the log's read began (staging logs a day old were abandoned).
    CREATE TABLE history_logs (
      id INTEGER PRIMARY KEY,
      root TEXT NOT NULL UNIQUE,
      settings TEXT NOT NULL,
      -- The newest commit read; the log holds exactly the non-merge commits reachable from it.
      tip TEXT NOT NULL,
      read_at TEXT NOT NULL,
      -- Reads so far: each read's commits are positioned above the previous read's.
      reads INTEGER NOT NULL
    );

    CREATE TABLE history_commits (
      log_id INTEGER NOT NULL REFERENCES history_logs (id) ON DELETE CASCADE,
      sha TEXT NOT NULL,
      -- Newer commits have higher positions (git log's order, reversed).
      position INTEGER NOT NULL,
      author_name TEXT NOT NULL,
      author_email TEXT NOT NULL,
      author_date TEXT NOT NULL,
      -- Why the line counts are missing (git could not read the content), if they are.
      degraded TEXT,
      PRIMARY KEY (log_id, sha)
    ) WITHOUT ROWID;
    CREATE INDEX history_commits_position ON history_commits (log_id, position);

    CREATE TABLE history_file_changes (
      log_id INTEGER NOT NULL,
      sha TEXT NOT NULL,
      path TEXT NOT NULL,
      previous_path TEXT,
      added INTEGER NOT NULL,
      deleted INTEGER NOT NULL,
      binary INTEGER NOT NULL CHECK (binary IN (0, 1)),
      FOREIGN KEY (log_id, sha) REFERENCES history_commits (log_id, sha) ON DELETE CASCADE
    );
    CREATE INDEX history_file_changes_commit ON history_file_changes (log_id, sha);

    -- One row per snapshot that analysed history: the read, the window, and the small aggregates.
    CREATE TABLE snapshot_history (
      snapshot_id INTEGER PRIMARY KEY REFERENCES snapshots (id) ON DELETE CASCADE,
      as_of TEXT NOT NULL,
      window_months INTEGER NOT NULL,
      -- The change-coupling thresholds used: { minRevisions, minSharedRevisions, minDegree, maxDegree, maxChangesetSize }.
      coupling_thresholds TEXT NOT NULL CHECK (json_valid(coupling_thresholds)),
      -- { mode, read, stored, durationMs } of the log read that fed this snapshot.
      read TEXT NOT NULL CHECK (json_valid(read)),
      -- [{ sha, reason }]
      degraded TEXT NOT NULL CHECK (json_valid(degraded)),
      -- [{ folder, mainDeveloper, fragmentation, authors, files, knowledgeIslands, filesWithOwnersInactive }]
      folder_ownership TEXT NOT NULL CHECK (json_valid(folder_ownership)),
      -- [{ author, name, commits, added, deleted, firstCommit, lastCommit }] and [{ week, commits, authors, added, deleted }]
      authors TEXT NOT NULL CHECK (json_valid(authors)),
      weeks TEXT NOT NULL CHECK (json_valid(weeks))
    );

    CREATE TABLE snapshot_hotspots (
      snapshot_id INTEGER NOT NULL REFERENCES snapshot_history (snapshot_id) ON DELETE CASCADE,
      path TEXT NOT NULL,
      rank INTEGER NOT NULL,
      revisions INTEGER NOT NULL,
      complexity INTEGER NOT NULL,
      measure TEXT NOT NULL CHECK (measure IN ('cognitive', 'lines')),
      score INTEGER NOT NULL,
      added INTEGER NOT NULL,
      deleted INTEGER NOT NULL,
      authors INTEGER NOT NULL,
      last_changed TEXT NOT NULL,
      -- [{ commit, date, complexity }], oldest first, for the top hotspots.
      trend TEXT CHECK (trend IS NULL OR json_valid(trend)),
      PRIMARY KEY (snapshot_id, path)
    ) WITHOUT ROWID;

    CREATE TABLE snapshot_change_coupling (
      snapshot_id INTEGER NOT NULL REFERENCES snapshot_history (snapshot_id) ON DELETE CASCADE,
      first TEXT NOT NULL,
      second TEXT NOT NULL,
      degree INTEGER NOT NULL,
      shared_revisions INTEGER NOT NULL,
      first_revisions INTEGER NOT NULL,
      second_revisions INTEGER NOT NULL,
      average_revisions INTEGER NOT NULL,
      crosses_boundary INTEGER NOT NULL CHECK (crosses_boundary IN (0, 1)),
      PRIMARY KEY (snapshot_id, first, second)
    ) WITHOUT ROWID;

    -- Per file of the snapshot: its whole history in one row (revisions, churn, age, ownership).
    CREATE TABLE snapshot_file_history (
      snapshot_id INTEGER NOT NULL REFERENCES snapshot_history (snapshot_id) ON DELETE CASCADE,
      path TEXT NOT NULL,
      revisions INTEGER NOT NULL,
      added INTEGER NOT NULL,
      deleted INTEGER NOT NULL,
      authors INTEGER NOT NULL,
      last_changed TEXT NOT NULL,
      age_months INTEGER NOT NULL,
      main_developer TEXT,
      main_developer_share REAL,
      fragmentation REAL,
      knowledge_island INTEGER NOT NULL CHECK (knowledge_island IN (0, 1)),
      owners_inactive INTEGER NOT NULL CHECK (owners_inactive IN (0, 1)),
      PRIMARY KEY (snapshot_id, path)
    ) WITHOUT ROWID;
  `,
};

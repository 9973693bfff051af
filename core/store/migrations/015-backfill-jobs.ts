export const backfillJobs = {
  version: 15,
  name: 'backfill jobs that survive the process, and one scan lock per purpose (a backfill does not block a scan of HEAD)',
  sql: /* sql */ `
    CREATE TABLE scan_locks_new (
      repository_id INTEGER NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
      -- 'scan' (of HEAD) or 'backfill' (past commits): one of each per repository at a time.
      purpose TEXT NOT NULL DEFAULT 'scan' CHECK (purpose IN ('scan', 'backfill')),
      job_id TEXT NOT NULL,
      owner_pid INTEGER NOT NULL,
      started_at TEXT NOT NULL,
      owner_host TEXT NOT NULL DEFAULT '',
      heartbeat_at TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (repository_id, purpose)
    );
    INSERT INTO scan_locks_new (repository_id, purpose, job_id, owner_pid, started_at, owner_host, heartbeat_at)
      SELECT repository_id, 'scan', job_id, owner_pid, started_at, owner_host, heartbeat_at FROM scan_locks;
    DROP TABLE scan_locks;
    ALTER TABLE scan_locks_new RENAME TO scan_locks;

    -- The latest backfill asked for each repository: its plan, and whether it still has points to analyse.
    -- A point is done when a snapshot of kind 'backfill' of its commit exists; a run that stopped resumes from the plan.
    CREATE TABLE backfill_jobs (
      repository_id INTEGER PRIMARY KEY REFERENCES repositories (id) ON DELETE CASCADE,
      every_days INTEGER NOT NULL CHECK (every_days > 0),
      count INTEGER NOT NULL CHECK (count > 0),
      -- The commit the periods count back from.
      head_commit TEXT NOT NULL,
      -- [{ commit, committedAt, periodEnd }], newest first.
      points TEXT NOT NULL CHECK (json_valid(points)),
      -- What the plan could not do as asked (empty periods, where history begins), in words.
      notes TEXT NOT NULL CHECK (json_valid(notes)),
      state TEXT NOT NULL CHECK (state IN ('running', 'stopped', 'finished', 'cancelled', 'failed')),
      error TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
  `,
};

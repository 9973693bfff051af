export const drafts = {
  version: 17,
  name: 'maintenance drafts, their append-only audit log, and consent to run a repository’s code',
  sql: /* sql */ `
    -- A draft's scans (of its worktree) hold a lock of their own: they run beside a scan of HEAD and a backfill.
    CREATE TABLE scan_locks_new (
      repository_id INTEGER NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
      purpose TEXT NOT NULL DEFAULT 'scan' CHECK (purpose IN ('scan', 'backfill', 'draft')),
      job_id TEXT NOT NULL,
      owner_pid INTEGER NOT NULL,
      started_at TEXT NOT NULL,
      owner_host TEXT NOT NULL DEFAULT '',
      heartbeat_at TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (repository_id, purpose)
    );
    INSERT INTO scan_locks_new SELECT repository_id, purpose, job_id, owner_pid, started_at, owner_host, heartbeat_at FROM scan_locks;
    DROP TABLE scan_locks;
    ALTER TABLE scan_locks_new RENAME TO scan_locks;

    CREATE TABLE drafts (
      -- 8 letters and digits, in the branch name and on the command line.
      id TEXT PRIMARY KEY,
      repository_id INTEGER NOT NULL REFERENCES repositories (id),
      kind TEXT NOT NULL CHECK (kind IN ('deps', 'security', 'deadcode', 'deprecations')),
      state TEXT NOT NULL CHECK (state IN ('drafting', 'ready', 'failed', 'approved', 'rejected', 'discarded')),
      title TEXT NOT NULL,
      branch TEXT NOT NULL,
      base_commit TEXT NOT NULL,
      head_commit TEXT,
      -- The worktree's folder; null once removed.
      worktree TEXT,
      step TEXT,
      -- What was asked (items, target, confidence), as JSON.
      request TEXT NOT NULL CHECK (json_valid(request)),
      -- The plan (DraftPlan), once drafted.
      plan TEXT CHECK (plan IS NULL OR json_valid(plan)),
      risk TEXT CHECK (risk IS NULL OR json_valid(risk)),
      error TEXT,
      created_by TEXT NOT NULL,
      -- The process drafting it: a draft left 'drafting' by a process that is gone is recovered on the next start.
      owner_pid INTEGER,
      owner_host TEXT,
      -- The process group of the command it runs now (a gate): stopped by the recovery, since it outlives a killed owner.
      command_group INTEGER,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX drafts_repository ON drafts (repository_id, created_at);

    -- Every transition of every draft: who, what, when, where, how. Never updated or deleted.
    CREATE TABLE draft_audit (
      id INTEGER PRIMARY KEY,
      draft_id TEXT NOT NULL REFERENCES drafts (id),
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      what TEXT NOT NULL,
      place TEXT NOT NULL,
      how TEXT NOT NULL CHECK (json_valid(how)),
      note TEXT
    );
    CREATE INDEX draft_audit_draft ON draft_audit (draft_id, id);
    CREATE TRIGGER draft_audit_no_update BEFORE UPDATE ON draft_audit BEGIN SELECT RAISE(ABORT, 'the draft audit log is append-only'); END;
    CREATE TRIGGER draft_audit_no_delete BEFORE DELETE ON draft_audit BEGIN SELECT RAISE(ABORT, 'the draft audit log is append-only'); END;

    -- A person agreed that the repository's own code (install scripts, tests, build) may run in its drafts' worktrees.
    CREATE TABLE code_consents (
      repository_id INTEGER PRIMARY KEY REFERENCES repositories (id),
      granted_by TEXT NOT NULL,
      granted_at TEXT NOT NULL
    );
  `,
};

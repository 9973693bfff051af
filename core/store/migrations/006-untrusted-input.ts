export const untrustedInput = {
  version: 6,
  name: 'commit dates git cannot give, and scan locks that outlive their process',
  sql: /* sql */ `
    -- A repository can carry commits dated before 1970 or after 9999 (forged or broken); git then gives
    -- no date Steward can place, and the summary says "unknown" (NULL) instead of failing the scan.
    CREATE TABLE snapshot_git_history_new (
      snapshot_id INTEGER PRIMARY KEY REFERENCES snapshots (id) ON DELETE CASCADE,
      commits INTEGER NOT NULL,
      first_commit_at TEXT,
      last_commit_at TEXT,
      shallow INTEGER NOT NULL CHECK (shallow IN (0, 1))
    );
    INSERT INTO snapshot_git_history_new SELECT snapshot_id, commits, first_commit_at, last_commit_at, shallow FROM snapshot_git_history;
    DROP TABLE snapshot_git_history;
    ALTER TABLE snapshot_git_history_new RENAME TO snapshot_git_history;

    -- A lock names the host of its owner and when the owner last said it was alive: a pid alone can be
    -- reused by another program after the owner died, which would hold the lock forever.
    ALTER TABLE scan_locks ADD COLUMN owner_host TEXT NOT NULL DEFAULT '';
    ALTER TABLE scan_locks ADD COLUMN heartbeat_at TEXT NOT NULL DEFAULT '';
  `,
};

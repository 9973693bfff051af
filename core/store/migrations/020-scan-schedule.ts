export const scanSchedule = {
  version: 20,
  name: 'weekly scan schedule runs, and the health notifications scans raised',
  sql: /* sql */ `
    -- One row per weekly slot that was scanned: claiming the slot's row is what starts its scans, so a
    -- restart, or a second Steward process (the app beside steward serve), never scans a slot twice.
    CREATE TABLE scheduled_scans (
      slot TEXT PRIMARY KEY,
      started_at TEXT NOT NULL
    );

    -- What a scan told the user about, so that the same news is not told again after every scan.
    CREATE TABLE health_notifications (
      id INTEGER PRIMARY KEY,
      repository_id INTEGER NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
      snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('score-drop', 'forecast')),
      title TEXT NOT NULL,
      body TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE INDEX health_notifications_by_repository ON health_notifications (repository_id, kind, created_at);
  `,
};

export const lastSeenDerived = {
  version: 25,
  name: "an item's last sighting read from the snapshots that found it, not written to every item at every scan",
  // Dropping a column that refers to snapshots means rebuilding debt_items, which others refer to (foreign keys off).
  foreignKeysOff: true,
  sql: /* sql */ `
    CREATE TABLE debt_items_new (
      id INTEGER PRIMARY KEY,
      repository_id INTEGER NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
      -- Stable, shown and used by people and tools (SARIF partialFingerprints); never holds a line number.
      fingerprint TEXT NOT NULL,
      kind TEXT NOT NULL,
      analysis TEXT NOT NULL,
      -- What a finding of a later snapshot is matched on: kind, path and symbol (the path follows renames).
      match_key TEXT NOT NULL,
      -- When it was last seen is the newest of snapshot_items' rows for it (an index reads it).
      first_seen INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
      -- A person's decision; "resolved" is not one: it is told by the snapshots (no longer found).
      decision TEXT NOT NULL DEFAULT 'open' CHECK (decision IN ('open', 'accepted', 'dismissed')),
      decision_reason TEXT,
      decision_by TEXT,
      decision_at TEXT,
      -- The item's material when the decision was taken: when it changes, the item is open again.
      decision_material TEXT,
      UNIQUE (repository_id, fingerprint)
    );
    INSERT INTO debt_items_new (id, repository_id, fingerprint, kind, analysis, match_key, first_seen, decision, decision_reason, decision_by, decision_at, decision_material)
      SELECT id, repository_id, fingerprint, kind, analysis, match_key, first_seen, decision, decision_reason, decision_by, decision_at, decision_material FROM debt_items;
    DROP TABLE debt_items;
    ALTER TABLE debt_items_new RENAME TO debt_items;
    CREATE INDEX debt_items_match_key ON debt_items (repository_id, match_key);

    DROP INDEX snapshot_items_item;
    CREATE INDEX snapshot_items_item ON snapshot_items (item_id, snapshot_id);
  `,
  // Rewriting every item's row at every scan was a team store's dearest statement (and its dead rows, vacuum's work).
  postgres: /* sql */ `
    ALTER TABLE debt_items DROP COLUMN last_seen;
    DROP INDEX snapshot_items_item;
    CREATE INDEX snapshot_items_item ON snapshot_items (item_id, snapshot_id);
  `,
};

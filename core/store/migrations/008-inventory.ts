export const inventory = {
  version: 8,
  name: 'the debt inventory: items with identity, their state in each snapshot, and the decisions taken on them',
  sql: /* sql */ `
    -- A function's place among same-named functions of its file, so that its identity needs no line number.
    ALTER TABLE snapshot_functions ADD COLUMN ordinal INTEGER;

    -- One row per debt item of a repository, across every snapshot that found it.
    CREATE TABLE debt_items (
      id INTEGER PRIMARY KEY,
      repository_id INTEGER NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
      -- Stable, shown and used by people and tools (SARIF partialFingerprints); never holds a line number.
      fingerprint TEXT NOT NULL,
      kind TEXT NOT NULL,
      analysis TEXT NOT NULL,
      -- What a finding of a later snapshot is matched on: kind, path and symbol (the path follows renames).
      match_key TEXT NOT NULL,
      first_seen INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
      last_seen INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
      -- A person's decision; "resolved" is not one: it is told by the snapshots (no longer found).
      decision TEXT NOT NULL DEFAULT 'open' CHECK (decision IN ('open', 'accepted', 'dismissed')),
      decision_reason TEXT,
      decision_by TEXT,
      decision_at TEXT,
      -- The item's material when the decision was taken: when it changes, the item is open again.
      decision_material TEXT,
      UNIQUE (repository_id, fingerprint)
    );
    CREATE INDEX debt_items_last_seen ON debt_items (repository_id, last_seen);
    CREATE INDEX debt_items_match_key ON debt_items (repository_id, match_key);

    -- An item as one snapshot found it: where, the evidence, how sure, what it costs, who owns it, the fix.
    CREATE TABLE snapshot_items (
      snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
      item_id INTEGER NOT NULL REFERENCES debt_items (id) ON DELETE CASCADE,
      title TEXT NOT NULL,
      path TEXT,
      line INTEGER,
      symbol TEXT,
      evidence TEXT NOT NULL CHECK (json_valid(evidence)),
      severity TEXT NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info')),
      confidence TEXT NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
      confidence_reason TEXT NOT NULL,
      effort REAL NOT NULL,
      interest REAL NOT NULL,
      risk REAL NOT NULL,
      priority REAL NOT NULL,
      owner TEXT,
      owner_source TEXT CHECK (owner_source IN ('CODEOWNERS', 'history')),
      fix TEXT NOT NULL,
      draft TEXT CHECK (draft IN ('deps', 'security', 'deadcode', 'deprecations')),
      material TEXT NOT NULL,
      PRIMARY KEY (snapshot_id, item_id)
    ) WITHOUT ROWID;
    CREATE INDEX snapshot_items_item ON snapshot_items (item_id);

    -- Which snapshots have their items, from which analyses, and what their debt ratio is measured against.
    CREATE TABLE snapshot_inventory (
      snapshot_id INTEGER PRIMARY KEY REFERENCES snapshots (id) ON DELETE CASCADE,
      version TEXT NOT NULL,
      analyses TEXT NOT NULL CHECK (json_valid(analyses)),
      lines_of_code INTEGER NOT NULL,
      minutes_per_line REAL NOT NULL
    );

    -- Every decision on an item, and every reopening, with who, when and why.
    CREATE TABLE item_events (
      id INTEGER PRIMARY KEY,
      item_id INTEGER NOT NULL REFERENCES debt_items (id) ON DELETE CASCADE,
      at TEXT NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('accepted', 'dismissed', 'reopened', 'reopened by a change')),
      reason TEXT NOT NULL,
      by TEXT NOT NULL,
      snapshot_id INTEGER REFERENCES snapshots (id) ON DELETE SET NULL
    );
    CREATE INDEX item_events_item ON item_events (item_id);
  `,
};

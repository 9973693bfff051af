export const snapshotItemsRowid = {
  version: 11,
  name: "snapshot items in a rowid table: a scan's thousands of wide rows go in at half the cost",
  sql: /* sql */ `
    -- WITHOUT ROWID keeps whole rows in the primary key's b-tree, which suits small rows; an item's row
    -- (title, evidence, fix) is hundreds of bytes, so inserts split pages twice as often.
    CREATE TABLE snapshot_items_new (
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
      UNIQUE (snapshot_id, item_id)
    );
    INSERT INTO snapshot_items_new SELECT * FROM snapshot_items ORDER BY snapshot_id, item_id;
    DROP TABLE snapshot_items;
    ALTER TABLE snapshot_items_new RENAME TO snapshot_items;
    CREATE INDEX snapshot_items_item ON snapshot_items (item_id);
  `,
};

export const trendPointsPending = {
  version: 21,
  name: 'hotspot trend points still to be measured',
  sql: /* sql */ `
    -- A scan measures a bounded share of the hotspots' past versions; the rest fill in over later scans.
    ALTER TABLE snapshot_history ADD COLUMN trend_points_pending INTEGER NOT NULL DEFAULT 0;
  `,
};

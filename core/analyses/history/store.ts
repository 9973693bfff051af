import type { HistoryReport } from '../../api/history.js';
import type { Database } from '../../store/database.js';

/** Saves a snapshot's history report: hotspots, coupling and per-file history as rows, the small aggregates as JSON. */
export function insertHistoryReport(db: Database, snapshotId: number, report: HistoryReport): void {
  db.prepare(
    `INSERT INTO snapshot_history (snapshot_id, as_of, window_months, coupling_thresholds, read, degraded, folder_ownership, authors, bots, weeks, trend_points_pending)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    snapshotId,
    report.asOf,
    report.windowMonths,
    JSON.stringify(report.couplingThresholds),
    JSON.stringify(report.read),
    JSON.stringify(report.degraded),
    JSON.stringify(report.folders),
    JSON.stringify(report.authors),
    JSON.stringify(report.bots),
    JSON.stringify(report.weeks),
    report.trendPointsPending,
  );
  const hotspot = db.prepare(
    `INSERT INTO snapshot_hotspots (snapshot_id, path, rank, revisions, complexity, measure, score, added, deleted, authors, last_changed, trend)
     VALUES (@snapshotId, @path, @rank, @revisions, @complexity, @measure, @score, @added, @deleted, @authors, @lastChanged, @trend)`,
  );
  for (const spot of report.hotspots) hotspot.run({ ...spot, snapshotId, trend: spot.trend ? JSON.stringify(spot.trend) : null });
  const pair = db.prepare(
    `INSERT INTO snapshot_change_coupling (snapshot_id, first, second, degree, shared_revisions, first_revisions, second_revisions, average_revisions, crosses_boundary)
     VALUES (@snapshotId, @first, @second, @degree, @sharedRevisions, @firstRevisions, @secondRevisions, @averageRevisions, @crossesBoundary)`,
  );
  for (const coupled of report.coupling) pair.run({ ...coupled, snapshotId, crossesBoundary: coupled.crossesBoundary ? 1 : 0 });
  const file = db.prepare(
    `INSERT INTO snapshot_file_history (snapshot_id, path, revisions, added, deleted, authors, last_changed, age_months, main_developer, main_developer_share, fragmentation, knowledge_island, owners_inactive)
     VALUES (@snapshotId, @path, @revisions, @added, @deleted, @authors, @lastChanged, @ageMonths, @mainDeveloper, @mainDeveloperShare, @fragmentation, @knowledgeIsland, @ownersInactive)`,
  );
  for (const entry of report.files) file.run({ ...entry, snapshotId, knowledgeIsland: entry.knowledgeIsland ? 1 : 0, ownersInactive: entry.ownersInactive ? 1 : 0 });
}

interface HistoryRow {
  commit_sha: string;
  as_of: string;
  window_months: number;
  coupling_thresholds: string;
  read: string;
  degraded: string;
  folder_ownership: string;
  authors: string;
  bots: string | null;
  weeks: string;
  trend_points_pending: number;
}

/** The history report saved with a snapshot, or undefined when the snapshot has none. */
export function getHistoryReport(db: Database, snapshotId: number): HistoryReport | undefined {
  const row = db
    .prepare<[number], HistoryRow>(
      `SELECT s.commit_sha, h.as_of, h.window_months, h.coupling_thresholds, h.read, h.degraded, h.folder_ownership, h.authors, h.bots, h.weeks, h.trend_points_pending
       FROM snapshot_history h JOIN snapshots s ON s.id = h.snapshot_id WHERE h.snapshot_id = ?`,
    )
    .get(snapshotId);
  if (!row) return undefined;
  const hotspots = db
    .prepare<[number], Omit<HistoryReport['hotspots'][number], 'trend'> & { trend: string | null }>(
      `SELECT path, rank, revisions, complexity, measure, score, added, deleted, authors, last_changed AS "lastChanged", trend
       FROM snapshot_hotspots WHERE snapshot_id = ? ORDER BY rank`,
    )
    .all(snapshotId)
    .map((spot) => ({ ...spot, trend: spot.trend === null ? null : (JSON.parse(spot.trend) as HistoryReport['hotspots'][number]['trend']) }));
  const coupling = db
    .prepare<[number], Omit<HistoryReport['coupling'][number], 'crossesBoundary'> & { crossesBoundary: number }>(
      `SELECT first, second, degree, shared_revisions AS "sharedRevisions", first_revisions AS "firstRevisions", second_revisions AS "secondRevisions",
              average_revisions AS "averageRevisions", crosses_boundary AS "crossesBoundary"
       FROM snapshot_change_coupling WHERE snapshot_id = ? ORDER BY degree DESC, average_revisions DESC, first, second`,
    )
    .all(snapshotId)
    .map((pair) => ({ ...pair, crossesBoundary: pair.crossesBoundary === 1 }));
  const files = db
    .prepare<[number], Omit<HistoryReport['files'][number], 'knowledgeIsland' | 'ownersInactive'> & { knowledgeIsland: number; ownersInactive: number }>(
      `SELECT path, revisions, added, deleted, authors, last_changed AS "lastChanged", age_months AS "ageMonths", main_developer AS "mainDeveloper",
              main_developer_share AS "mainDeveloperShare", fragmentation, knowledge_island AS "knowledgeIsland", owners_inactive AS "ownersInactive"
       FROM snapshot_file_history WHERE snapshot_id = ? ORDER BY revisions DESC, path`,
    )
    .all(snapshotId)
    .map((file) => ({ ...file, knowledgeIsland: file.knowledgeIsland === 1, ownersInactive: file.ownersInactive === 1 }));
  return {
    commit: row.commit_sha,
    asOf: row.as_of,
    windowMonths: row.window_months,
    couplingThresholds: JSON.parse(row.coupling_thresholds) as HistoryReport['couplingThresholds'],
    read: JSON.parse(row.read) as HistoryReport['read'],
    degraded: JSON.parse(row.degraded) as HistoryReport['degraded'],
    hotspots,
    trendPointsPending: row.trend_points_pending,
    coupling,
    files,
    folders: JSON.parse(row.folder_ownership) as HistoryReport['folders'],
    authors: JSON.parse(row.authors) as HistoryReport['authors'],
    // Scanned before bots were set apart: they are among the authors.
    bots: row.bots === null ? [] : (JSON.parse(row.bots) as HistoryReport['bots']),
    weeks: JSON.parse(row.weeks) as HistoryReport['weeks'],
  };
}

import type { RepositoryHistory } from '../history/analyze-repository-history.js';
import type { Database } from './database.js';

/** Saves a snapshot's history analysis: hotspots, coupling and per-file history as rows, the small aggregates as JSON. */
export function insertHistoryAnalysis(db: Database, snapshotId: number, history: RepositoryHistory): void {
  const { analysis, read } = history;
  db.prepare(
    `INSERT INTO snapshot_history (snapshot_id, as_of, window_months, read, degraded, folder_ownership, authors, weeks) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    snapshotId,
    history.asOf,
    history.windowMonths,
    JSON.stringify({ mode: read.mode, read: read.read, dropped: read.dropped, stored: read.stored, durationMs: read.durationMs }),
    JSON.stringify(read.degraded),
    JSON.stringify(analysis.folderOwnership),
    JSON.stringify(analysis.authors),
    JSON.stringify(analysis.weeks),
  );
  const hotspot = db.prepare(
    `INSERT INTO snapshot_hotspots (snapshot_id, path, rank, revisions, complexity, measure, score, added, deleted, authors, last_changed, trend) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const spot of analysis.hotspots) {
    const trend = history.trends.get(spot.path);
    hotspot.run(snapshotId, spot.path, spot.rank, spot.revisions, spot.complexity, spot.measure, spot.score, spot.added, spot.deleted, spot.authors, spot.lastChanged, trend ? JSON.stringify(trend) : null);
  }
  const pair = db.prepare(
    `INSERT INTO snapshot_change_coupling (snapshot_id, first, second, degree, shared_revisions, first_revisions, second_revisions, average_revisions, crosses_boundary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const coupled of analysis.coupling) {
    pair.run(snapshotId, coupled.first, coupled.second, coupled.degree, coupled.sharedRevisions, coupled.firstRevisions, coupled.secondRevisions, coupled.averageRevisions, coupled.crossesBoundary ? 1 : 0);
  }
  const owners = new Map(analysis.ownership.map((file) => [file.path, file]));
  const ages = new Map(analysis.age.map((file) => [file.path, file.ageMonths]));
  const file = db.prepare(
    `INSERT INTO snapshot_file_history (snapshot_id, path, revisions, added, deleted, authors, last_changed, age_months, main_developer, main_developer_share, fragmentation, knowledge_island, owners_inactive)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const revisions of analysis.files) {
    const owner = owners.get(revisions.path);
    file.run(
      snapshotId,
      revisions.path,
      revisions.revisions,
      revisions.added,
      revisions.deleted,
      revisions.authors,
      revisions.lastChanged,
      ages.get(revisions.path) ?? 0,
      owner?.mainDeveloper.name ?? null,
      owner?.mainDeveloper.share ?? null,
      owner?.fragmentation ?? null,
      owner?.knowledgeIsland ? 1 : 0,
      owner?.ownersInactive ? 1 : 0,
    );
  }
}

import { healthFormula } from '../../analyzers/health/health-score.js';
import type { HealthScoreReport } from '../api/health.js';
import type { Database } from '../store/database.js';
import { scoreInventory } from './score-inventory.js';

/** Keeps a snapshot's health score and its breakdown, with the formula that made them. */
export function saveHealthScore(db: Database, report: HealthScoreReport): void {
  db.prepare(
    `INSERT OR REPLACE INTO health_scores (snapshot_id, formula, score, rating, reason, lines_of_code, breakdown) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(report.snapshotId, report.formula, report.score, report.rating, report.reason, report.linesOfCode, JSON.stringify(report.categories));
}

interface HealthPoint {
  readonly snapshotId: number;
  /** The scanned commit's date (the snapshot's finish when unknown). */
  readonly at: string;
  readonly score: number;
}

/**
 * A repository's health scores of the current formula, oldest first, one per scanned commit (its
 * latest HEAD snapshot with an inventory): as stored at its scan, or (for a snapshot scanned before
 * scores were kept) scored now from its items.
 */
export function readHealthSeries(db: Database, repositoryId: number, { except }: { except?: number } = {}): HealthPoint[] {
  const rows = db
    .prepare<[number], { id: number; commit_sha: string; at: string; formula: string | null; score: number | null }>(
      `SELECT s.id, s.commit_sha, COALESCE(s.commit_date, s.finished_at) AS at, h.formula, h.score
       FROM snapshots s JOIN snapshot_inventory i ON i.snapshot_id = s.id LEFT JOIN health_scores h ON h.snapshot_id = s.id
       WHERE s.repository_id = ? AND s.kind = 'head' ORDER BY at, s.id`,
    )
    .all(repositoryId);
  // A commit scanned again counts once, as its latest scan has it.
  const latest = new Map(rows.filter((row) => row.id !== except).map((row) => [row.commit_sha, row]));
  return [...latest.values()].flatMap((row) => {
    const score = row.formula === null ? scoreInventory(db, { repositoryId, snapshotId: row.id }) : row.formula === healthFormula ? { score: row.score } : null;
    return score?.score === null || score === null ? [] : [{ snapshotId: row.id, at: row.at, score: score.score }];
  });
}

/** When a snapshot's commit was made (its scan's finish when unknown), in ms; null for no such snapshot. */
export function snapshotDate(db: Database, snapshotId: number): number | null {
  const row = db.prepare<[number], { at: string }>('SELECT COALESCE(commit_date, finished_at) AS at FROM snapshots WHERE id = ?').get(snapshotId);
  return row ? Date.parse(row.at) : null;
}

import { groupBy } from '../../analyzers/collections/group-by.js';
import { healthFormula } from '../../analyzers/health/health-score.js';
import type { HealthScoreReport } from '../api/health.js';
import { type Database, placeholders } from '../store/database.js';

/** Keeps a snapshot's health score and its breakdown, with the formula that made them. */
export function saveHealthScore(db: Database, report: HealthScoreReport): void {
  db.prepare(
    `INSERT INTO health_scores (snapshot_id, formula, score, rating, reason, lines_of_code, breakdown) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (snapshot_id) DO UPDATE SET formula = excluded.formula, score = excluded.score, rating = excluded.rating, reason = excluded.reason, lines_of_code = excluded.lines_of_code, breakdown = excluded.breakdown`,
  ).run(report.snapshotId, report.formula, report.score, report.rating, report.reason, report.linesOfCode, JSON.stringify(report.categories));
}

/** A snapshot's stored score and the formula that made it, without the parts (a large repository's take long to read). */
export function readStoredScore(db: Database, snapshotId: number): { formula: string; score: number | null } | undefined {
  return db.prepare<[number], { formula: string; score: number | null }>('SELECT formula, score FROM health_scores WHERE snapshot_id = ?').get(snapshotId);
}

/** A snapshot's stored score with its parts and the formula that made it; undefined when none was kept (snapshots taken before scores were). */
export function readHealthScore(db: Database, snapshotId: number): HealthScoreReport | undefined {
  const row = db
    .prepare<[number], { formula: string; score: number | null; rating: HealthScoreReport['rating']; reason: string | null; lines_of_code: number; breakdown: string }>(
      'SELECT formula, score, rating, reason, lines_of_code, breakdown FROM health_scores WHERE snapshot_id = ?',
    )
    .get(snapshotId);
  if (!row) return undefined;
  return {
    snapshotId,
    folder: '',
    formula: row.formula,
    linesOfCode: row.lines_of_code,
    score: row.score,
    rating: row.rating,
    reason: row.reason,
    changeSinceWeek: null,
    categories: JSON.parse(row.breakdown) as HealthScoreReport['categories'],
  };
}

export interface HealthPoint {
  readonly snapshotId: number;
  /** The scanned commit's date (the snapshot's finish when unknown). */
  readonly at: string;
  readonly score: number;
}

/** A repository's stored scores of the current formula, oldest first by commit date, every snapshot of a commit (healthSeries keeps one). */
export type HealthHistory = readonly { readonly id: number; readonly commit_sha: string; readonly at: string; readonly score: number }[];

/**
 * A repository's health scores of the current formula as its scans and backfills stored them, oldest
 * first by commit date, one per commit (its latest snapshot with a score). Scans made before scores
 * were kept have none: without a backfill, a trend starts with the first scan that has one.
 */
export function readHealthSeries(db: Database, repositoryId: number, { except }: { except?: number } = {}): HealthPoint[] {
  return healthSeries(readHealthHistories(db, [repositoryId]).get(repositoryId), { except });
}

/** The stored score histories of the given repositories, in one query (the portfolio reads hundreds). */
export function readHealthHistories(db: Database, repositoryIds: readonly number[]): Map<number, HealthHistory> {
  if (repositoryIds.length === 0) return new Map();
  const rows = db
    .prepare<unknown[], { repository_id: number; id: number; commit_sha: string; at: string; score: number }>(
      `SELECT s.repository_id, s.id, s.commit_sha, COALESCE(s.commit_date, s.finished_at) AS at, h.score
       FROM snapshots s JOIN health_scores h ON h.snapshot_id = s.id
       WHERE s.repository_id IN (${placeholders(repositoryIds)}) AND s.kind IN ('head', 'backfill') AND h.formula = ? AND h.score IS NOT NULL
       ORDER BY s.repository_id, at, s.id`,
    )
    .all(...repositoryIds, healthFormula);
  return groupBy(rows, (row) => row.repository_id);
}

/** A history's series, one point per commit (its latest snapshot), leaving out one snapshot when asked. */
export function healthSeries(history: HealthHistory | undefined, { except }: { except?: number | undefined } = {}): HealthPoint[] {
  // A commit scanned again counts once, as its latest scan has it.
  const latest = new Map((history ?? []).filter((row) => row.id !== except).map((row) => [row.commit_sha, row]));
  return [...latest.values()].map((row) => ({ snapshotId: row.id, at: row.at, score: row.score }));
}

/** When a snapshot's commit was made (its scan's finish when unknown), in ms; null for no such snapshot. */
export function snapshotDate(db: Database, snapshotId: number): number | null {
  const row = db.prepare<[number], { at: string }>('SELECT COALESCE(commit_date, finished_at) AS at FROM snapshots WHERE id = ?').get(snapshotId);
  return row ? Date.parse(row.at) : null;
}

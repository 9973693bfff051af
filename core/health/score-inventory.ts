import { healthCategories, healthFormula, healthScore } from '../../analyzers/health/health-score.js';
import { holdsCode } from '../../analyzers/languages/language-table.js';
import type { HealthScoreReport } from '../api/health.js';
import { type ScorableItem, openItemsOf } from '../inventory/inventory-store.js';
import type { PreparedItem } from '../inventory/prepare-items.js';
import { fingerprintsFor } from '../inventory/update-inventory.js';
import { type Database, placeholders } from '../store/database.js';
import { sumCodeLines } from '../store/snapshot-files.js';
import { healthCategoryOf } from './health-categories.js';
import { readHealthScore, saveHealthScore } from './health-store.js';

/**
 * The health score of a HEAD snapshot's open items (of the repository, or of a folder and below)
 * against its lines of code — of programming and markup languages, which someone maintains; not data
 * or prose (JSON, YAML, Markdown) — scored by analyzers/health.
 */
export function scoreInventory(db: Database, { repositoryId, snapshotId, folder = '' }: { repositoryId: number; snapshotId?: number | undefined; folder?: string | undefined }): HealthScoreReport {
  const open = openItemsOf(db, { repositoryId, snapshotId, folder });
  return scoreItems(db, open.snapshotId, folder, open.items);
}

/**
 * The latest scan's score as stored, made again from its items as they stand (after a person's
 * decision, or when a scan stored none of the current formula): the portfolio and the trends read
 * the stored scores, and must read what the Health page shows. Null without an inventory.
 */
export function latestStoredScore(db: Database, repositoryId: number, { rescore }: { rescore: boolean }): HealthScoreReport | null {
  const latest = db
    .prepare<[number], { id: number }>(
      `SELECT s.id FROM snapshots s JOIN snapshot_inventory i ON i.snapshot_id = s.id WHERE s.repository_id = ? AND s.kind = 'head' ORDER BY s.finished_at DESC, s.id DESC LIMIT 1`,
    )
    .get(repositoryId);
  if (!latest) return null;
  const stored = rescore ? undefined : readHealthScore(db, latest.id);
  if (stored?.formula === healthFormula) return stored;
  const report = scoreInventory(db, { repositoryId, snapshotId: latest.id });
  saveHealthScore(db, report);
  return report;
}

/** What the portfolio shows of a repository's latest score: latestStoredScore without the parts, with its commit's date (ms). */
export interface LatestScore {
  snapshotId: number;
  at: number;
  score: number | null;
  rating: HealthScoreReport['rating'];
  reason: string | null;
}

/**
 * latestStoredScore of each repository, given the latest scan with an inventory of each (their
 * inventoryHistories' first), read in one query; only a score of an older formula is made again.
 */
export function latestStoredScores(db: Database, latestScans: readonly number[]): Map<number, LatestScore> {
  if (latestScans.length === 0) return new Map();
  const rows = db
    .prepare<unknown[], { repository_id: number; id: number; at: string; formula: string | null; score: number | null; rating: HealthScoreReport['rating']; reason: string | null }>(
      `SELECT s.repository_id, s.id, COALESCE(s.commit_date, s.finished_at) AS at, h.formula, h.score, h.rating, h.reason
       FROM snapshots s LEFT JOIN health_scores h ON h.snapshot_id = s.id WHERE s.id IN (${placeholders(latestScans)})`,
    )
    .all(...latestScans);
  return new Map(
    rows.map((row) => {
      const { score, rating, reason } = row.formula === healthFormula ? row : latestStoredScore(db, row.repository_id, { rescore: false })!;
      return [row.repository_id, { snapshotId: row.id, at: Date.parse(row.at), score, rating, reason }];
    }),
  );
}

/**
 * The health score of a past commit's findings (a backfilled snapshot, which has no inventory of its
 * own): each matched to the repository's item by identity, and left out when a person accepted or
 * dismissed that item — so that a trend counts what today's score counts.
 */
export function scoreFoundItems(db: Database, { repositoryId, snapshotId, items }: { repositoryId: number; snapshotId: number; items: readonly PreparedItem[] }): HealthScoreReport {
  const fingerprints = fingerprintsFor(db, repositoryId, items);
  const decided = new Set(
    db.prepare<[number], { fingerprint: string }>(`SELECT fingerprint FROM debt_items WHERE repository_id = ? AND decision <> 'open'`).all(repositoryId).map((row) => row.fingerprint),
  );
  const scorable = items.flatMap(({ kind, title, path, confidence, cost }, index) => {
    const fingerprint = fingerprints[index]!;
    return decided.has(fingerprint) ? [] : [{ fingerprint, kind, title, path, confidence, effortMinutes: cost.effortMinutes }];
  });
  return scoreItems(db, snapshotId, '', scorable);
}

function scoreItems(db: Database, snapshotId: number, folder: string, items: readonly ScorableItem[]): HealthScoreReport {
  const linesOfCode = sumCodeLines(db, snapshotId, folder.replace(/\/+$/, ''), holdsCode);
  const byFingerprint = new Map(items.map((item) => [item.fingerprint, item]));
  const result = healthScore(
    items.map((item) => ({ fingerprint: item.fingerprint, category: healthCategoryOf[item.kind], confidence: item.confidence, effortMinutes: item.effortMinutes })),
    linesOfCode,
  );
  const base = { snapshotId, folder, formula: result.formula, linesOfCode };
  if (result.score === null) return { ...base, score: null, rating: null, reason: result.reason, changeSinceWeek: null, categories: [] };
  return {
    ...base,
    score: result.score,
    rating: result.rating,
    reason: null,
    // Told by the route for the latest scan (forecast-health.ts): a past snapshot or a folder has none.
    changeSinceWeek: null,
    categories: result.categories.map((category) => ({
      ...category,
      title: healthCategories[category.category].title,
      items: category.items.map(({ fingerprint, points }) => {
        const { kind, title, path, confidence, effortMinutes } = byFingerprint.get(fingerprint)!;
        return { fingerprint, kind, title, path, confidence, effortMinutes, points };
      }),
    })),
  };
}

import { healthCategories, healthScore } from '../../analyzers/health/health-score.js';
import { holdsCode } from '../../analyzers/languages/language-table.js';
import type { HealthScoreReport } from '../api/health.js';
import type { DebtItem } from '../api/inventory.js';
import { listInventory } from '../inventory/inventory-store.js';
import type { Database } from '../store/database.js';
import { sumCodeLines } from '../store/snapshot-files.js';
import { healthCategoryOf } from './health-categories.js';

/** Items read per query while gathering a snapshot's open items. */
const pageSize = 20_000;

/**
 * The health score of a snapshot's open items (of the repository, or of a folder and below) against
 * its lines of code — of programming and markup languages, which someone maintains; not data or
 * prose (JSON, YAML, Markdown) — scored by analyzers/health.
 */
export function scoreInventory(db: Database, { repositoryId, snapshotId, folder = '' }: { repositoryId: number; snapshotId?: number | undefined; folder?: string | undefined }): HealthScoreReport {
  const query = { repositoryId, ...(snapshotId === undefined ? {} : { snapshotId }), folder, statuses: ['open' as const], sort: 'priority' as const, facets: false, offset: 0, limit: pageSize };
  const page = listInventory(db, query);
  while (page.items.length < page.total) {
    const next = listInventory(db, { ...query, snapshotId: page.snapshotId, offset: page.items.length });
    if (next.items.length === 0) break;
    page.items.push(...next.items);
  }
  const linesOfCode = sumCodeLines(db, page.snapshotId, folder.replace(/\/+$/, ''), holdsCode);
  const byFingerprint = new Map<string, DebtItem>(page.items.map((item) => [item.fingerprint, item]));
  const result = healthScore(
    page.items.map((item) => ({ fingerprint: item.fingerprint, category: healthCategoryOf[item.kind], confidence: item.confidence, effortMinutes: item.cost.effortMinutes })),
    linesOfCode,
  );
  const base = { snapshotId: page.snapshotId, folder, formula: result.formula, linesOfCode };
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
        const item = byFingerprint.get(fingerprint)!;
        return { fingerprint, kind: item.kind, title: item.title, path: item.path, confidence: item.confidence, effortMinutes: item.cost.effortMinutes, points };
      }),
    })),
  };
}

import { dependencyChanges } from '../../analyzers/compare/dependency-changes.js';
import { functionChanges } from '../../analyzers/compare/function-changes.js';
import { healthChanges } from '../../analyzers/compare/health-changes.js';
import { hotspotChanges } from '../../analyzers/compare/hotspot-changes.js';
import { type ItemChanges, itemChanges } from '../../analyzers/compare/item-changes.js';
import { type AnalysisId, type AnalysisReport, analysisDescriptor } from '../api/analyses.js';
import type { DependencyReport } from '../api/dependencies.js';
import { StewardError } from '../api/errors.js';
import type { SnapshotComparison } from '../api/snapshot-comparison.js';
import type { SnapshotSummary } from '../api/snapshots.js';
import { analyses } from '../analyses/registry.js';
import { readHealthScore } from '../health/health-store.js';
import { itemsFoundAt } from '../inventory/inventory-store.js';
import type { Database } from '../store/database.js';
import type { HealthScoreReport } from '../api/health.js';
import { getSnapshotSummary } from '../store/snapshots.js';

/** New and resolved items listed one by one (the counts per kind are complete). */
const listedItems = 200;
/** The hotspots compared: the later snapshot's top ones, and the earlier's that left them. */
const topHotspots = 10;

type Part<Changes> = { state: 'compared'; changes: Changes } | { state: 'missing'; reason: string };

/** Both snapshots' values of something, or the reason one has none, naming it. */
function both<T>(from: SnapshotSummary, to: SnapshotSummary, read: (snapshotId: number) => T | undefined, missing: (snapshotId: number) => string): { state: 'both'; from: T; to: T } | { state: 'missing'; reason: string } {
  const before = read(from.snapshot.id);
  if (before === undefined) return { state: 'missing', reason: missing(from.snapshot.id) };
  const after = read(to.snapshot.id);
  if (after === undefined) return { state: 'missing', reason: missing(to.snapshot.id) };
  return { state: 'both', from: before, to: after };
}

/** An analysis's part of the comparison, from both snapshots' reports. */
function compareReports<Id extends AnalysisId, Changes>(db: Database, id: Id, from: SnapshotSummary, to: SnapshotSummary, diff: (before: AnalysisReport<Id>, after: AnalysisReport<Id>) => Changes): Part<Changes> {
  const reports = both(from, to, (snapshotId) => analyses[id].load(db, snapshotId), (snapshotId) => `Snapshot ${snapshotId} has no report of this: Steward had not ${analysisDescriptor(id).done} in it.`);
  return reports.state === 'both' ? { state: 'compared', changes: diff(reports.from, reports.to) } : reports;
}

const firstItems = (changes: ItemChanges): ItemChanges => ({ ...changes, new: changes.new.slice(0, listedItems), resolved: changes.resolved.slice(0, listedItems) });

const dependencyFigures = (report: DependencyReport) => ({
  dependencies: report.summary.dependencies,
  outdated: report.summary.outdated,
  libyears: report.summary.libyears,
  vulnerabilities: report.summary.vulnerabilities,
});

/**
 * What changed between two snapshots of one repository, per analysis: the health score and its
 * parts, the debt items, the most complex functions, the dependencies and the hotspots. `from` is
 * the earlier of the two as the caller sees it; nothing is reordered.
 */
export function compareSnapshots(db: Database, fromId: number, toId: number): SnapshotComparison {
  const from = getSnapshotSummary(db, fromId);
  const to = getSnapshotSummary(db, toId);
  if (!from) throw new StewardError('not-found', `No snapshot with id ${fromId}`);
  if (!to) throw new StewardError('not-found', `No snapshot with id ${toId}`);
  if (from.snapshot.repositoryId !== to.snapshot.repositoryId) {
    throw new StewardError('invalid-input', `Snapshots ${fromId} and ${toId} are of two different repositories; compare two snapshots of the same one`);
  }
  const repositoryId = from.snapshot.repositoryId;

  const health = both(from, to, (id) => comparedHealth(readHealthScore(db, id)), (id) => `Snapshot ${id} has no health score: it was taken before Steward kept scores. Scan that commit again (or backfill) to score it.`);
  const items = both(from, to, (id) => itemsFoundAt(db, repositoryId, id), (id) => `Snapshot ${id} has no inventory: items are kept for scans of the checked-out commit, not for backfilled or drafted commits.`);
  return {
    from,
    to,
    health: health.state === 'both' ? { state: 'compared', changes: healthChanges(health.from, health.to) } : health,
    items: items.state === 'both' ? { state: 'compared', changes: firstItems(itemChanges(items.from, items.to)) } : items,
    complexity: compareReports(db, 'code', from, to, (before, after) => functionChanges(before.functions, after.functions)),
    dependencies: compareReports(db, 'dependencies', from, to, (before, after) => ({
      before: dependencyFigures(before),
      after: dependencyFigures(after),
      ...dependencyChanges(before, after),
    })),
    hotspots: compareReports(db, 'history', from, to, (before, after) => ({ windowMonths: after.windowMonths, ...hotspotChanges(before.hotspots, after.hotspots, topHotspots) })),
  };
}

/** What the comparison reads of a stored score: its formula, score, rating and each part's lost points. */
function comparedHealth(stored: HealthScoreReport | undefined) {
  return stored && { formula: stored.formula, score: stored.score, rating: stored.rating, parts: stored.categories.map(({ category, title, lost }) => ({ category, title, lost })) };
}

import { nextActions } from '../../analyzers/health/next-actions.js';
import { compareBreakdowns } from '../../analyzers/health/score-change.js';
import { healthFormula } from '../../analyzers/health/health-score.js';
import { hotspotItems } from '../analyses/history/items.js';
import { analyses } from '../analyses/registry.js';
import { StewardError } from '../api/errors.js';
import { type HealthForecastReport, type HealthScoreReport, forecastScoreThreshold } from '../api/health.js';
import type { ForecastAlert, RepositoryReport, ReportSnapshot, WeeklyReport } from '../api/reports.js';
import type { Repository } from '../api/repositories.js';
import { forecastHealth } from '../health/forecast-health.js';
import { readHealthSeries } from '../health/health-store.js';
import { listInventory } from '../inventory/inventory-store.js';
import type { Database } from '../store/database.js';
import { findRepository, listRepositories } from '../store/repositories.js';
import { readSettings } from '../store/settings.js';

const dayMs = 24 * 60 * 60 * 1000;
/** Hotspots listed with their trend. */
const topHotspots = 5;
/** A crossing further out than this is no news for this week: it is left to steward forecast. */
const forecastHorizon = 365 * dayMs;

interface ScoredSnapshot extends ReportSnapshot {
  score: number | null;
  rating: HealthScoreReport['rating'];
  reason: string | null;
  linesOfCode: number;
  breakdown: HealthScoreReport['categories'];
}

/**
 * The weekly health report of one repository or of every registered one: each one's latest scored
 * scan compared with its scored snapshot (scan or backfill) whose commit date is nearest to a week
 * before (or to `since`), with what changed and why, and what to do next.
 */
export function weeklyReport(db: Database, request: { repositoryId: number; since?: string | undefined } | { all: true; since?: string | undefined }, now: Date): WeeklyReport {
  const since = request.since === undefined ? null : Date.parse(`${request.since}T00:00:00Z`);
  const repositories = 'all' in request ? listRepositories(db) : [findRepository(db, request.repositoryId) ?? notFound(request.repositoryId)];
  const draftsSince = new Date(since ?? now.getTime() - 7 * dayMs).toISOString();
  return {
    generatedAt: now.toISOString(),
    draftsSince,
    repositories: repositories.map((repository) => repositoryReport(db, repository, since, draftsSince)),
  };
}

function notFound(id: number): never {
  throw new StewardError('not-found', `No repository with id ${id}; it may have been removed`);
}

function repositoryReport(db: Database, repository: Repository, since: number | null, draftsSince: string): RepositoryReport {
  const current = latestScored(db, repository.id);
  const identity = { id: repository.id, name: repository.name, path: repository.path };
  const drafts = draftsOf(db, repository.id, draftsSince);
  if (!current) {
    return {
      repository: identity,
      current: null,
      target: null,
      baseline: null,
      score: { now: null, rating: null, then: null, ratingThen: null, linesOfCode: 0, linesOfCodeThen: null, reason: 'not scanned yet with a health score' },
      series: [],
      parts: [],
      openItems: null,
      hotspots: [],
      hotspotItems,
      dependencies: { now: null, then: null },
      coverage: { percent: null, matchesCommit: null },
      flakiness: { percent: null, tests: null, flaky: [] },
      forecasts: [],
      drafts,
      actions: [],
    };
  }
  const series = readHealthSeries(db, repository.id);
  const target = since ?? Date.parse(current.at) - 7 * dayMs;
  const baseline = nearestEarlier(db, series, current, target);
  const totals = listInventory(db, { repositoryId: repository.id, snapshotId: current.snapshotId, statuses: ['open'], sort: 'priority', facets: false, offset: 0, limit: 1 }).totals;
  const hotspotsThen = baseline ? hotspotRanks(db, baseline.snapshotId) : new Map<string, number>();
  return {
    repository: identity,
    current: reference(current),
    target: new Date(target).toISOString(),
    baseline: baseline ? reference(baseline) : null,
    score: {
      now: current.score,
      rating: current.rating,
      then: baseline?.score ?? null,
      ratingThen: baseline?.rating ?? null,
      linesOfCode: current.linesOfCode,
      linesOfCodeThen: baseline?.linesOfCode ?? null,
      reason: current.reason,
    },
    series: series.map((point) => ({ snapshotId: point.snapshotId, at: point.at, score: point.score })),
    parts: compareBreakdowns(current.breakdown, baseline ? baseline.breakdown : null).map((part) => ({ ...part, added: part.added.map(reportItem), removed: part.removed.map(reportItem) })),
    openItems: { items: totals.items, effortMinutes: totals.effortMinutes },
    hotspots: readHotspots(db, current.snapshotId).map((hotspot) => ({ ...hotspot, rankThen: hotspotsThen.get(hotspot.path) ?? null })),
    hotspotItems,
    dependencies: { now: dependencyState(db, current.snapshotId), then: baseline ? dependencyState(db, baseline.snapshotId) : null },
    coverage: coverageOf(db, current.snapshotId),
    flakiness: flakinessOf(db, current.snapshotId),
    forecasts: forecastAlerts(forecastHealth(db, repository.id, { threshold: forecastScoreThreshold, complexityThreshold: readSettings(db).complexity.cognitive }), Date.parse(current.at) + forecastHorizon),
    drafts,
    actions: nextActions(current.breakdown, current.linesOfCode).map((action) => ({ ...action, items: action.items.map(reportItem) })),
  };
}

const reportItem = ({ fingerprint, kind, title, path, effortMinutes, points }: HealthScoreReport['categories'][number]['items'][number]) => ({ fingerprint, kind, title, path, effortMinutes, points });

const reference = ({ snapshotId, commit, at, kind }: ReportSnapshot): ReportSnapshot => ({ snapshotId, commit, at, kind });

interface ScoredRow {
  id: number;
  commit_sha: string;
  at: string;
  kind: 'head' | 'backfill';
  score: number | null;
  rating: ScoredSnapshot['rating'];
  reason: string | null;
  lines_of_code: number;
  breakdown: string;
}

const scoredColumns = `s.id, s.commit_sha, COALESCE(s.commit_date, s.finished_at) AS at, s.kind, h.score, h.rating, h.reason, h.lines_of_code, h.breakdown
  FROM snapshots s JOIN health_scores h ON h.snapshot_id = s.id`;

const scored = (row: ScoredRow): ScoredSnapshot => ({
  snapshotId: row.id,
  commit: row.commit_sha,
  at: row.at,
  kind: row.kind,
  score: row.score,
  rating: row.rating,
  reason: row.reason,
  linesOfCode: row.lines_of_code,
  breakdown: JSON.parse(row.breakdown) as HealthScoreReport['categories'],
});

/** The latest scan of HEAD scored by the current formula. */
function latestScored(db: Database, repositoryId: number): ScoredSnapshot | null {
  const row = db
    .prepare<[number, string], ScoredRow>(`SELECT ${scoredColumns} WHERE s.repository_id = ? AND s.kind = 'head' AND h.formula = ? ORDER BY s.finished_at DESC, s.id DESC LIMIT 1`)
    .get(repositoryId, healthFormula);
  return row ? scored(row) : null;
}

/** Of the scored commits made before the current one, the one whose date is nearest to `target` (the older on a tie). */
function nearestEarlier(db: Database, series: ReturnType<typeof readHealthSeries>, current: ScoredSnapshot, target: number): ScoredSnapshot | null {
  const at = Date.parse(current.at);
  const candidates = series.filter((point) => Date.parse(point.at) < at);
  if (candidates.length === 0) return null;
  const distance = (point: (typeof candidates)[number]) => Math.abs(Date.parse(point.at) - target);
  const nearest = candidates.reduce((best, point) => (distance(point) < distance(best) ? point : best));
  return scored(db.prepare<[number], ScoredRow>(`SELECT ${scoredColumns} WHERE s.id = ?`).get(nearest.snapshotId)!);
}

function readHotspots(db: Database, snapshotId: number): Omit<RepositoryReport['hotspots'][number], 'rankThen'>[] {
  return db
    .prepare<[number, number], { path: string; rank: number; revisions: number; complexity: number; measure: 'cognitive' | 'lines'; score: number; trend: string | null }>(
      'SELECT path, rank, revisions, complexity, measure, score, trend FROM snapshot_hotspots WHERE snapshot_id = ? ORDER BY rank LIMIT ?',
    )
    .all(snapshotId, topHotspots)
    .map(({ trend, ...hotspot }) => ({
      ...hotspot,
      trend: (JSON.parse(trend ?? '[]') as { date: string; complexity: number }[]).map((point) => ({ at: point.date, complexity: point.complexity })),
    }));
}

function hotspotRanks(db: Database, snapshotId: number): Map<string, number> {
  return new Map(db.prepare<[number], { path: string; rank: number }>('SELECT path, rank FROM snapshot_hotspots WHERE snapshot_id = ?').all(snapshotId).map((row) => [row.path, row.rank]));
}

function dependencyState(db: Database, snapshotId: number): RepositoryReport['dependencies']['now'] {
  const report = analyses.dependencies.load(db, snapshotId);
  if (!report) return null;
  const { dependencies, outdated, libyears, vulnerabilities, bySeverity } = report.summary;
  const { network, revalidated, cache, staleCache, failed } = report.metadata;
  const read = network + revalidated + cache + staleCache;
  return { dependencies, outdated: read === 0 ? null : outdated, unchecked: failed, libyears, vulnerabilities, bySeverity };
}

function coverageOf(db: Database, snapshotId: number): RepositoryReport['coverage'] {
  const report = analyses.coverage.load(db, snapshotId);
  if (!report || report.status !== 'read') return { percent: null, matchesCommit: null };
  const whole = report.folders.find((folder) => folder.path === '');
  const matches = report.sources.map((source) => source.matchesCommit);
  return { percent: whole?.percent ?? null, matchesCommit: matches.includes('no') ? 'no' : matches.includes('unknown') ? 'unknown' : 'yes' };
}

function flakinessOf(db: Database, snapshotId: number): RepositoryReport['flakiness'] {
  const report = analyses.tests.load(db, snapshotId);
  if (!report || report.status !== 'read') return { percent: null, tests: null, flaky: [] };
  return { percent: report.flakyPercent, tests: report.tests, flaky: report.flaky.map((test) => test.name) };
}

/** The forecasts that fire: the score on its way below the threshold within the horizon (or below it), parts losing points week after week, folders whose complexity crosses its threshold within the horizon. */
function forecastAlerts(forecast: HealthForecastReport, horizon: number): ForecastAlert[] {
  const alerts: ForecastAlert[] = [];
  const none = { at: null, earliest: null, latest: null };
  if (forecast.forecast.kind === 'crossing' && Date.parse(forecast.forecast.at) <= horizon) {
    const { at, earliest, latest, trend } = forecast.forecast;
    alerts.push({ subject: 'score', name: 'Health score', kind: 'crossing', threshold: forecast.threshold, at, earliest, latest, perWeek: trend.perWeek });
  } else if (forecast.forecast.kind === 'already-crossed') {
    alerts.push({ subject: 'score', name: 'Health score', kind: 'crossed', threshold: forecast.threshold, ...none, perWeek: forecast.forecast.trend.perWeek });
  }
  for (const part of forecast.parts) {
    // Getting worse for sure: even the interval's low end loses points every week.
    if (part.trend.kind === 'trend' && part.trend.trend.perWeekLow > 0) alerts.push({ subject: 'part', name: part.title, kind: 'worsening', threshold: null, ...none, perWeek: part.trend.trend.perWeek });
  }
  for (const folder of forecast.folders) {
    const crossing = folder.complexity.forecast;
    if (crossing.kind === 'crossing' && Date.parse(crossing.at) <= horizon) {
      alerts.push({ subject: 'folder', name: folder.folder, kind: 'crossing', threshold: forecast.complexityThreshold, at: crossing.at, earliest: crossing.earliest, latest: crossing.latest, perWeek: crossing.trend.perWeek });
    }
  }
  return alerts;
}

function draftsOf(db: Database, repositoryId: number, since: string): RepositoryReport['drafts'] {
  const rows = db
    .prepare<[number, string], { id: string; kind: string; title: string; at: string; by: string; action: 'initiate' | 'approve' | 'reject' }>(
      `SELECT d.id, d.kind, d.title, a.at, a.actor AS by, a.action FROM draft_audit a JOIN drafts d ON d.id = a.draft_id
       WHERE d.repository_id = ? AND a.at >= ? AND a.action IN ('initiate', 'approve', 'reject') ORDER BY a.at, a.id`,
    )
    .all(repositoryId, since);
  const of = (action: string) => rows.filter((row) => row.action === action).map(({ action: _action, ...mention }) => mention);
  return { opened: of('initiate'), approved: of('approve'), rejected: of('reject') };
}

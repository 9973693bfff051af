import { type SeriesPoint, changeOverWeek, fitTrend, forecastCrossing } from '../../analyzers/health/forecast.js';
import { healthCategories, healthFormula } from '../../analyzers/health/health-score.js';
import type { HealthForecastReport, HealthScoreReport } from '../api/health.js';
import type { Database } from '../store/database.js';
import { type HealthHistory, type HealthPoint, healthSeries, readHealthHistories, readHealthSeries, snapshotDate } from './health-store.js';

type Breakdown = HealthScoreReport['categories'];
type Forecast = ReturnType<typeof forecastCrossing>;

/** Folders with fewer functions than this now are too small for their trend to mean much. */
const minimumFunctions = 10;

/**
 * Where the repository's health leads, from the scores its scans and backfills stored: the score
 * against `threshold`, each part's lost points, and each top folder's complexity (against
 * `complexityThreshold`), debt effort and dependency drift — trends by commit date and their change
 * over the last week.
 */
export function forecastHealth(db: Database, repositoryId: number, { threshold, complexityThreshold }: { threshold: number; complexityThreshold: number }): HealthForecastReport {
  const points = readHealthSeries(db, repositoryId);
  const ids = points.map((point) => point.snapshotId);
  const dates = new Map(points.map((point) => [point.snapshotId, point.at]));
  const series = (values: ReadonlyMap<number, number>) =>
    ids.flatMap((snapshotId) => (values.has(snapshotId) ? [{ snapshotId, at: dates.get(snapshotId)!, value: values.get(snapshotId)! }] : []));
  const breakdowns = readBreakdowns(db, ids);

  const parts = Object.entries(healthCategories).map(([category, { title, weight }]) => {
    const lost = series(new Map([...breakdowns].map(([id, breakdown]) => [id, breakdown.find((part) => part.category === category)?.lost ?? 0])));
    return { category, title, weight, lost, trend: fitTrend(dated(lost)), changeSinceWeek: changeOverWeek(dated(lost)) };
  });

  const effortByFolder = new Map([...breakdowns].map(([id, breakdown]) => [id, effortHoursByFolder(breakdown)]));
  const complexity = readFolderComplexity(db, ids);
  const drifts = readDriftDays(db, ids);
  const latest = ids.at(-1);
  const folders = [...(latest === undefined ? [] : (complexity.get(latest) ?? new Map()))]
    .filter(([folder, { functions }]) => folder !== '' && folder.split('/').length <= 2 && functions >= minimumFunctions)
    .map(([folder]) => {
      const p90 = series(new Map([...complexity].flatMap(([id, byFolder]) => (byFolder.has(folder) ? [[id, byFolder.get(folder)!.p90] as const] : []))));
      const effort = series(new Map([...effortByFolder].map(([id, byFolder]) => [id, byFolder.get(folder) ?? 0])));
      const drift = series(new Map([...drifts].flatMap(([id, byWorkspace]) => (byWorkspace.has(folder) ? [[id, byWorkspace.get(folder)!] as const] : []))));
      return {
        folder,
        complexity: { series: p90, forecast: datedForecast(forecastCrossing(dated(p90), complexityThreshold, 'up')), changeSinceWeek: changeOverWeek(dated(p90)) },
        effortHours: { series: effort, trend: fitTrend(dated(effort)), changeSinceWeek: changeOverWeek(dated(effort)) },
        driftDays: drift.length === 0 ? null : { series: drift, trend: fitTrend(dated(drift)), changeSinceWeek: changeOverWeek(dated(drift)) },
      };
    })
    .sort((a, b) => urgency(a.complexity.forecast) - urgency(b.complexity.forecast) || a.folder.localeCompare(b.folder));

  const flaky = series(readFlakyPercent(db, ids));
  return {
    formula: healthFormula,
    threshold,
    points,
    forecast: forecastScore(points, threshold),
    changeSinceWeek: changeOverWeek(scoreSeries(points)),
    parts,
    complexityThreshold,
    folders,
    flakyPercent: { series: flaky, trend: fitTrend(dated(flaky)), changeSinceWeek: changeOverWeek(dated(flaky)) },
  };
}

/** When the score, on its way down, crosses `threshold`: the trend of its stored series (readHealthSeries). */
export function forecastScore(points: readonly HealthPoint[], threshold: number): HealthForecastReport['forecast'] {
  return datedForecast(forecastCrossing(scoreSeries(points), threshold, 'down'));
}

/** The latest scan's score with its change since the latest scored commit at least a week older (by commit date). */
export function withChangeSinceWeek(db: Database, repositoryId: number, report: HealthScoreReport): HealthScoreReport {
  return { ...report, changeSinceWeek: scoreChangeSinceWeek(db, repositoryId, report.snapshotId, report.score) };
}

/** A snapshot's score's change since the latest scored commit at least a week older (by commit date); null when none is. */
export function scoreChangeSinceWeek(db: Database, repositoryId: number, snapshotId: number, score: number | null): number | null {
  const at = snapshotDate(db, snapshotId);
  if (score === null || at === null) return null;
  return changeSinceWeekIn(readHealthHistories(db, [repositoryId]).get(repositoryId), { snapshotId, at, score });
}

/** scoreChangeSinceWeek of a snapshot (its commit's date in ms, its score) in a history already read. */
export function changeSinceWeekIn(history: HealthHistory | undefined, { snapshotId, at, score }: { snapshotId: number; at: number; score: number }): number | null {
  const others = healthSeries(history, { except: snapshotId }).filter((point) => Date.parse(point.at) <= at);
  const change = changeOverWeek([...scoreSeries(others), { at, value: score }]);
  return change === null ? null : Math.round(change * 1e6) / 1e6;
}

const scoreSeries = (points: readonly HealthPoint[]): SeriesPoint[] => points.map((point) => ({ at: Date.parse(point.at), value: point.score }));

const dated = (series: readonly { at: string; value: number }[]): SeriesPoint[] => series.map((point) => ({ at: Date.parse(point.at), value: point.value }));

export function datedForecast(forecast: Forecast): HealthForecastReport['forecast'] {
  const iso = (at: number) => new Date(at).toISOString();
  return forecast.kind === 'crossing' ? { ...forecast, at: iso(forecast.at), earliest: iso(forecast.earliest), latest: iso(forecast.latest) } : forecast;
}

/** Soonest crossing first, then those already past, then the rest. */
function urgency(forecast: HealthForecastReport['forecast']): number {
  if (forecast.kind === 'crossing') return Date.parse(forecast.at);
  return forecast.kind === 'already-crossed' ? Number.MAX_SAFE_INTEGER - 1 : Number.MAX_SAFE_INTEGER;
}

function readBreakdowns(db: Database, ids: readonly number[]): Map<number, Breakdown> {
  const read = db.prepare<[number], { breakdown: string }>('SELECT breakdown FROM health_scores WHERE snapshot_id = ?');
  return new Map(ids.map((id) => [id, JSON.parse(read.get(id)?.breakdown ?? '[]') as Breakdown]));
}

/**
 * The effort of a breakdown's items in each folder one or two levels deep, in hours. One pass over the
 * items (a large repository has tens of thousands and hundreds of folders; summing each folder's apart
 * held `steward serve` still for seconds after each scan).
 */
function effortHoursByFolder(breakdown: Breakdown): Map<string, number> {
  const minutes = new Map<string, number>();
  for (const item of breakdown.flatMap((part) => part.items)) {
    const folders = item.path?.split('/').slice(0, -1) ?? [];
    for (let depth = 1; depth <= Math.min(2, folders.length); depth += 1) {
      const folder = folders.slice(0, depth).join('/');
      minutes.set(folder, (minutes.get(folder) ?? 0) + item.effortMinutes);
    }
  }
  return new Map([...minutes].map(([folder, total]) => [folder, Math.round((total / 60) * 100) / 100]));
}

/** Per snapshot, per folder: its functions and the 90th percentile of their cognitive complexity. */
function readFolderComplexity(db: Database, ids: readonly number[]): Map<number, Map<string, { functions: number; p90: number }>> {
  const read = db.prepare<[number], { path: string; functions: number; cognitive_p90: number }>(
    `SELECT path, functions, cognitive_p90 FROM snapshot_complexity WHERE snapshot_id = ? AND scope = 'folder' AND functions > 0`,
  );
  return new Map(ids.map((id) => [id, new Map(read.all(id).map((row) => [row.path, { functions: row.functions, p90: row.cognitive_p90 }]))]));
}

/** Per snapshot, per workspace: the mean drift (days behind the newest release) of its dependencies where publish times told it. */
function readDriftDays(db: Database, ids: readonly number[]): Map<number, Map<string, number>> {
  const read = db.prepare<[number], { workspace: string; drift: number }>(
    'SELECT workspace, avg(drift_days) AS drift FROM snapshot_dependency_items WHERE snapshot_id = ? AND drift_days IS NOT NULL GROUP BY workspace',
  );
  return new Map(ids.map((id) => [id, new Map(read.all(id).map((row) => [row.workspace, Math.round(row.drift * 10) / 10]))]));
}

/** The share of flaky tests each scan saw in the test results imported by then (scans without results have none). */
function readFlakyPercent(db: Database, ids: readonly number[]): Map<number, number> {
  const read = db.prepare<[number], { percent: number | null }>(
    `SELECT report ->> 'flakyPercent' AS percent FROM snapshot_reports WHERE snapshot_id = ? AND analysis = 'tests' AND report ->> 'status' = 'read'`,
  );
  return new Map(ids.flatMap((id) => {
    const percent = read.get(id)?.percent;
    return percent === null || percent === undefined ? [] : [[id, percent] as const];
  }));
}

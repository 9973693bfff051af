import { forecastCrossing } from '../../analyzers/health/forecast.js';
import { healthFormula } from '../../analyzers/health/health-score.js';
import type { HealthForecastReport, HealthScoreReport } from '../api/health.js';
import type { Database } from '../store/database.js';
import { readHealthSeries, snapshotDate } from './health-store.js';

/** When the repository's health score falls below `threshold`, on the trend of its scans' scores. */
export function forecastHealth(db: Database, repositoryId: number, threshold: number): HealthForecastReport {
  const points = readHealthSeries(db, repositoryId);
  const forecast = forecastCrossing(
    points.map((point) => ({ at: Date.parse(point.at), value: point.score })),
    threshold,
    'down',
  );
  const iso = (at: number) => new Date(at).toISOString();
  return {
    formula: healthFormula,
    threshold,
    points,
    forecast: forecast.kind === 'crossing' ? { ...forecast, at: iso(forecast.at), earliest: iso(forecast.earliest), latest: iso(forecast.latest) } : forecast,
  };
}

const week = 7 * 24 * 3600 * 1000;

/** The latest scan's score with its change since the latest scanned commit at least a week older (by commit date). */
export function withChangeSinceWeek(db: Database, repositoryId: number, report: HealthScoreReport): HealthScoreReport {
  const at = snapshotDate(db, report.snapshotId);
  if (report.score === null || at === null) return report;
  const before = readHealthSeries(db, repositoryId, { except: report.snapshotId })
    .filter((point) => Date.parse(point.at) <= at - week)
    .at(-1);
  return { ...report, changeSinceWeek: before ? Math.round((report.score - before.score) * 1e6) / 1e6 : null };
}

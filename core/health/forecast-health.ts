import { forecastCrossing } from '../../analyzers/health/forecast.js';
import { healthFormula } from '../../analyzers/health/health-score.js';
import type { HealthForecastReport } from '../api/health.js';
import type { Database } from '../store/database.js';
import { readHealthSeries } from './health-store.js';

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

import { call } from '../../core/api/call.js';
import type { HealthForecastReport } from '../../core/api/health.js';
import type { Steward } from '../../core/steward.js';
import { type OutputOptions, printJson, printText } from '../output.js';

export interface ForecastOptions extends OutputOptions {
  threshold: number;
}

/** `steward forecast <path>`: when the health score falls below a threshold on the trend of its scans. */
export async function forecastCommand(steward: Steward, path: string, options: ForecastOptions): Promise<void> {
  const repository = await call(steward.handlers, 'repositories.find', { path });
  const report = await call(steward.handlers, 'health.forecast', { repositoryId: repository.id, threshold: options.threshold });
  if (options.json) printJson({ repository: { name: repository.name, path: repository.path }, ...report });
  else printText(describeForecast(path, report));
}

const day = (iso: string): string => iso.slice(0, 10);
const rate = (perWeek: number): string => `${perWeek >= 0 ? '+' : '−'}${Math.abs(perWeek).toFixed(2)}`;

function describeForecast(path: string, { threshold, points, forecast }: HealthForecastReport): string {
  const last = points.at(-1);
  const now = last ? `Health ${last.score.toFixed(1)} at ${day(last.at)}, from ${points.length} scanned commit${points.length === 1 ? '' : 's'}` : 'No health score yet';
  switch (forecast.kind) {
    case 'too-few-points':
      return `${now}: too few to tell a trend (${forecast.points} of the ${forecast.needed} needed). Scan again as the code changes, or ask for history at past commits (steward backfill ${path}), then run steward forecast ${path} again.`;
    case 'already-crossed':
      return `${now}: already below ${threshold} (trend ${rate(forecast.trend.perWeek)} a week).`;
    case 'not-on-trend':
      return `${now}: not on a trend below ${threshold} (${rate(forecast.trend.perWeek)} a week, between ${rate(forecast.trend.perWeekLow)} and ${rate(forecast.trend.perWeekHigh)}: not distinguishable from no change, or rising).`;
    case 'crossing':
      return `${now}: falling ${rate(forecast.trend.perWeek)} a week (${rate(forecast.trend.perWeekLow)} to ${rate(forecast.trend.perWeekHigh)}); at this rate it falls below ${threshold} around ${day(forecast.at)} (${day(forecast.earliest)} – ${day(forecast.latest)}).`;
  }
}

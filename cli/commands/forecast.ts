import { call } from '../../core/api/call.js';
import type { HealthForecastReport } from '../../core/api/health.js';
import type { Steward } from '../../core/steward.js';
import { signedChange } from '../../core/wording.js';
import { type OutputOptions, printJson, printTable, printText } from '../output.js';

export interface ForecastOptions extends OutputOptions {
  threshold: number;
  complexity?: number;
  /** How many folders to list (--json has them all). */
  top: number;
}

/** `steward forecast <path>`: when the health score falls below a threshold, and each folder's complexity crosses its own, on their trends. */
export async function forecastCommand(steward: Steward, path: string, options: ForecastOptions): Promise<void> {
  const repository = await call(steward.handlers, 'repositories.find', { path });
  const report = await call(steward.handlers, 'health.forecast', {
    repositoryId: repository.id,
    threshold: options.threshold,
    ...(options.complexity === undefined ? {} : { complexityThreshold: options.complexity }),
  });
  if (options.json) printJson({ repository: { name: repository.name, path: repository.path }, ...report });
  else printForecast(path, report, options.top);
}

type Forecast = HealthForecastReport['forecast'];

const day = (iso: string): string => iso.slice(0, 10);
const signed = (value: number, digits = 2): string => signedChange(value, digits);

function printForecast(path: string, report: HealthForecastReport, top: number): void {
  printText(describeScore(path, report));
  const moving = report.parts.filter((part) => part.trend.kind === 'trend' && part.trend.trend.perWeekLow > 0);
  if (moving.length > 0) printText(`Getting worse: ${moving.map((part) => `${part.title} (${signed(part.trend.kind === 'trend' ? part.trend.trend.perWeek : 0)} points lost a week)`).join(', ')}.`);
  const flaky = report.flakyPercent.series.at(-1);
  if (flaky) {
    const week = report.flakyPercent.changeSinceWeek === null ? '' : ` (${signed(report.flakyPercent.changeSinceWeek, 1)} over the last week)`;
    printText(`Flaky tests: ${flaky.value.toFixed(1)}% of the tests run${week}, at ${report.flakyPercent.series.length} scan${report.flakyPercent.series.length === 1 ? '' : 's'} with test results.`);
  }
  if (report.folders.length === 0) return;
  printText(`\nFolders: cognitive complexity per function (90th percentile of their functions) against ${report.complexityThreshold}, and the effort of their debt:`);
  printTable(
    ['Folder', 'Complexity', 'Last week', 'A week', `Crosses ${report.complexityThreshold}`, 'Debt (h)', 'Last week'],
    report.folders.slice(0, top).map(({ folder, complexity, effortHours }) => {
      const trend = 'trend' in complexity.forecast ? signed(complexity.forecast.trend.perWeek) : '';
      return [
        folder,
        complexity.series.at(-1)?.value.toFixed(1) ?? '',
        complexity.changeSinceWeek === null ? '' : signed(complexity.changeSinceWeek, 1),
        trend,
        describeCrossing(complexity.forecast),
        effortHours.series.at(-1)?.value.toFixed(1) ?? '',
        effortHours.changeSinceWeek === null ? '' : signed(effortHours.changeSinceWeek, 1),
      ];
    }),
  );
  if (report.folders.length > top) printText(`… and ${report.folders.length - top} more folders (--top, or --json for all).`);
}

function describeCrossing(forecast: Forecast): string {
  switch (forecast.kind) {
    case 'too-few-points':
      return `too few points (${forecast.points} of ${forecast.needed})`;
    case 'already-crossed':
      return 'already above';
    case 'not-on-trend':
      return 'not on current trend';
    case 'crossing':
      return `${day(forecast.at)} (${day(forecast.earliest)} – ${day(forecast.latest)})`;
  }
}

function describeScore(path: string, { threshold, points, forecast, changeSinceWeek }: HealthForecastReport): string {
  const last = points.at(-1);
  const week = changeSinceWeek === null ? '' : `, ${signed(changeSinceWeek, 1)} over the last week`;
  const now = last ? `Health ${last.score.toFixed(1)} at ${day(last.at)} (${points.length} scored commit${points.length === 1 ? '' : 's'}${week})` : 'No health score yet';
  const rate = (perWeek: number): string => signed(perWeek);
  switch (forecast.kind) {
    case 'too-few-points':
      return `${now}: too few to tell a trend (${forecast.points} of the ${forecast.needed} needed). Ask for history at past commits (steward backfill ${path}), or scan again as the code changes, then run steward forecast ${path} again.`;
    case 'already-crossed':
      return `${now}: already below ${threshold} (trend ${rate(forecast.trend.perWeek)} a week).`;
    case 'not-on-trend':
      return `${now}: not on a trend below ${threshold} (${rate(forecast.trend.perWeek)} a week, between ${rate(forecast.trend.perWeekLow)} and ${rate(forecast.trend.perWeekHigh)}: not distinguishable from no change, or rising).`;
    case 'crossing':
      return `${now}: falling ${rate(forecast.trend.perWeek)} a week (${rate(forecast.trend.perWeekLow)} to ${rate(forecast.trend.perWeekHigh)}); at this rate it falls below ${threshold} around ${day(forecast.at)} (${day(forecast.earliest)} – ${day(forecast.latest)}).`;
  }
}

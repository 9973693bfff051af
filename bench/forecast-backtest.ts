/**
 * Issue 17's backtest of the forecasts: on a repository's stored history (a scan plus a backfill),
 * fit the trend on the first two thirds of the points and predict the rest, for the health score and
 * for each top folder's complexity (90th percentile per function). Reports the mean and largest
 * absolute error, how many later points fall inside the interval's lines, and the error of the
 * simplest rival — "nothing changes" (the last fitted value) — on the same points.
 *
 *   STEWARD_HOME=… node bin/steward.js scan <repo> && STEWARD_HOME=… node bin/steward.js backfill <repo> --count 26
 *   STEWARD_HOME=… npx tsx bench/forecast-backtest.ts --repo <repo>
 */
import { join } from 'node:path';
import { type SeriesPoint, fitTrend } from '../analyzers/health/forecast.js';
import { inspectRepository } from '../core/git/inspect-repository.js';
import { readRepositoryIdentity } from '../core/git/repository-identity.js';
import { forecastHealth } from '../core/health/forecast-health.js';
import { stewardHome } from '../core/paths.js';
import { openDatabase } from '../core/store/database.js';
import { findRepositoryInFolder } from '../core/store/repositories.js';

const at = process.argv.indexOf('--repo');
const repo = at >= 0 ? process.argv[at + 1] : undefined;
if (!repo) throw new Error('--repo <path> is required (see the header of bench/forecast-backtest.ts)');
const week = 7 * 86_400_000;

const db = openDatabase(join(stewardHome(), 'steward.db'));
const { root, name } = await inspectRepository(repo);
const repository = findRepositoryInFolder(db, { path: root, name, identity: await readRepositoryIdentity(root) });
if (!repository) throw new Error(`${root} has not been scanned with STEWARD_HOME=${stewardHome()}`);
const report = forecastHealth(db, repository.id, { threshold: 75, complexityThreshold: 15 });

interface Backtest {
  points: number;
  predicted: number;
  meanError: number;
  maxError: number;
  insideInterval: number;
  naiveMeanError: number;
}

function backtest(series: readonly SeriesPoint[]): Backtest | null {
  const points = [...series].sort((a, b) => a.at - b.at);
  const cut = Math.ceil((points.length * 2) / 3);
  const fitted = points.slice(0, cut);
  const later = points.slice(cut);
  const fit = fitTrend(fitted);
  if (fit.kind !== 'trend' || later.length === 0) return null;
  const last = fitted.at(-1)!;
  const { current, perWeek, perWeekLow, perWeekHigh, spread } = fit.trend;
  const errors = later.map((point) => Math.abs(current + (perWeek * (point.at - last.at)) / week - point.value));
  const inside = later.filter((point) => {
    const weeks = (point.at - last.at) / week;
    const edges = [current + perWeekLow * weeks, current + perWeekHigh * weeks];
    return point.value >= Math.min(...edges) - spread - 1e-9 && point.value <= Math.max(...edges) + spread + 1e-9;
  }).length;
  const naive = later.map((point) => Math.abs(last.value - point.value));
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  return { points: points.length, predicted: later.length, meanError: mean(errors), maxError: Math.max(...errors), insideInterval: inside, naiveMeanError: mean(naive) };
}

const rows: string[] = [];
const row = (measure: string, result: Backtest | null) => {
  if (!result) return rows.push(`| ${measure} | too few points | | | | |`);
  rows.push(
    `| ${measure} | ${result.points} (${result.predicted} predicted) | ${result.meanError.toFixed(3)} | ${result.maxError.toFixed(3)} | ${result.insideInterval} of ${result.predicted} | ${result.naiveMeanError.toFixed(3)} |`,
  );
};
row('health score', backtest(report.points.map((point) => ({ at: Date.parse(point.at), value: point.score }))));
for (const folder of report.folders) row(`${folder.folder}: complexity p90`, backtest(folder.complexity.series.map((point) => ({ at: Date.parse(point.at), value: point.value }))));
console.log(`${repository.name}: ${report.points.length} scored commits, ${report.points[0]?.at.slice(0, 10)} to ${report.points.at(-1)?.at.slice(0, 10)}`);
console.log('| measure | points | mean abs. error | largest | inside the interval | "no change" mean error |');
console.log('|---|---|---|---|---|---|');
console.log(rows.join('\n'));

import { Command, InvalidArgumentError, Option } from 'commander';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describeMachine, machineLine } from './machine.js';
import { Interrupted, requireGnuTime, round, stopCleanlyOnInterrupt } from './measure.js';
import { positiveInteger } from './options.js';
import { median, writeJson } from './report.js';
import { freshHome, removeHome, runSteward, runStewardScan } from './steward.js';
import { type Shape, shapes } from './synthetic-graph.js';
import { type RepoParameters, generateRepo, parametersFile, parametersText } from './synthetic-repo.js';
import { type RunRecord, attempt } from './tools.js';

interface Options {
  sizes: number[];
  runs: number;
  commits: number;
  shape: Shape;
  seed: number;
  command: 'complexity' | 'scan';
  cache: string;
  out?: string;
}

interface Row {
  readonly files: number;
  readonly ok: number;
  readonly runs: number;
  readonly medianWallSeconds?: number;
  readonly medianPeakRssMb?: number;
  readonly mbPer1kFiles?: number;
  /** Growth from the previous size: (peak − previous peak) per 1,000 added files. */
  readonly marginalMbPer1kFiles?: number;
}

const program = new Command('memory-scaling')
  .description('steward cold on synthetic repositories of growing size: peak memory per 1,000 files.')
  .option('--sizes <list>', 'comma-separated file counts', sizeList, [1000, 5000, 20000])
  .option('--runs <n>', 'runs per size', positiveInteger, 3)
  .option('--commits <n>', 'commits after the initial import', positiveInteger, 200)
  .addOption(new Option('--shape <shape>', 'import shape').choices(shapes).default('layered'))
  .option('--seed <n>', 'generator seed', positiveInteger, 1)
  .addOption(new Option('--command <name>', 'what is measured: `complexity` (the code engine) or `scan` (a first scan, every analysis, saved)').choices(['complexity', 'scan']).default('complexity'))
  .option('--cache <dir>', 'where generated repositories are kept between runs', '/tmp/steward-bench')
  .option('--out <file>', 'write every run and the table as JSON here')
  .parse();

function sizeList(value: string): number[] {
  const sizes = value.split(',').map((size) => positiveInteger(size.trim()));
  if (sizes.some((size) => size < 10)) throw new InvalidArgumentError('every size must be at least 10 files');
  return [...new Set(sizes)].sort((a, b) => a - b);
}

async function main(options: Options): Promise<void> {
  requireGnuTime();
  stopCleanlyOnInterrupt();
  const repos = options.sizes.map((files) => ({ files, path: cachedRepo({ files, commits: options.commits, shape: options.shape, seed: options.seed }, options.cache) }));
  const records: (RunRecord & { files: number })[] = [];
  // Interleaved by size, for the same reason run.ts interleaves tools.
  for (let runNumber = 1; runNumber <= options.runs; runNumber += 1) {
    for (const repo of repos) {
      const home = freshHome();
      try {
        const record = await attempt('steward', options.command === 'scan' ? 'scan first' : 'cold', runNumber, () => (options.command === 'scan' ? runStewardScan(repo.path, home) : runSteward(repo.path, home)));
        records.push({ ...record, files: repo.files });
        console.error(`${repo.files} files, run ${runNumber}: ${record.ok ? `${record.wallSeconds ?? '?'} s, ${record.peakRssMb ?? '?'} MB` : `failed: ${record.error ?? record.stderrFirstLine ?? ''}`}`);
      } finally {
        removeHome(home);
      }
    }
  }
  const rows = tabulate(options.sizes, records);
  const machine = describeMachine({});
  console.log([`**Machine**: ${machineLine(machine)}`, '', table(rows), '', fitLine(rows)].join('\n'));
  if (options.out) writeJson(options.out, { machine, options, rows, fit: fit(rows), runs: records });
}

/** A generated repository under the cache folder, reused when its recorded parameters match. */
function cachedRepo(parameters: RepoParameters, cache: string): string {
  const path = resolve(cache, `${parameters.shape}-files${parameters.files}-commits${parameters.commits}-seed${parameters.seed}`);
  const recorded = join(path, '.git', parametersFile);
  if (existsSync(recorded) && readFileSync(recorded, 'utf8') === parametersText(parameters)) return path;
  rmSync(path, { recursive: true, force: true });
  console.error(`generating ${path} …`);
  generateRepo(parameters, path);
  return path;
}

function tabulate(sizes: readonly number[], records: readonly (RunRecord & { files: number })[]): Row[] {
  const rows: Row[] = [];
  for (const files of sizes) {
    const runs = records.filter((record) => record.files === files);
    const ok = runs.filter((record) => record.ok);
    const wall = median(ok.flatMap((record) => record.wallSeconds ?? []));
    const peak = median(ok.flatMap((record) => record.peakRssMb ?? []));
    const previous = rows.at(-1);
    rows.push({
      files,
      ok: ok.length,
      runs: runs.length,
      ...(wall === undefined ? {} : { medianWallSeconds: wall }),
      ...(peak === undefined ? {} : { medianPeakRssMb: peak, mbPer1kFiles: round((peak / files) * 1000) }),
      ...(peak === undefined || previous?.medianPeakRssMb === undefined
        ? {}
        : { marginalMbPer1kFiles: round(((peak - previous.medianPeakRssMb) / (files - previous.files)) * 1000) }),
    });
  }
  return rows;
}

function table(rows: readonly Row[]): string {
  const cell = (value: number | undefined, digits = 2) => (value === undefined ? '—' : value.toFixed(digits));
  return [
    '| files | runs ok | median wall s | median peak MB | MB per 1k files | added MB per added 1k files |',
    '|---:|---:|---:|---:|---:|---:|',
    ...rows.map((row) => `| ${row.files} | ${row.ok}/${row.runs} | ${cell(row.medianWallSeconds)} | ${cell(row.medianPeakRssMb, 0)} | ${cell(row.mbPer1kFiles, 1)} | ${cell(row.marginalMbPer1kFiles, 1)} |`),
  ].join('\n');
}

/** Least-squares line through (thousands of files, peak MB): a constant base plus a per-file cost; R² near 1 means linear. */
function fit(rows: readonly Row[]): { baseMb: number; mbPer1kFiles: number; r2: number } | undefined {
  const points = rows.flatMap((row) => (row.medianPeakRssMb === undefined ? [] : [{ x: row.files / 1000, y: row.medianPeakRssMb }]));
  if (points.length < 2) return undefined;
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const meanX = mean(points.map((point) => point.x));
  const meanY = mean(points.map((point) => point.y));
  const slope = points.reduce((sum, point) => sum + (point.x - meanX) * (point.y - meanY), 0) / points.reduce((sum, point) => sum + (point.x - meanX) ** 2, 0);
  const base = meanY - slope * meanX;
  const residual = points.reduce((sum, point) => sum + (point.y - (base + slope * point.x)) ** 2, 0);
  const total = points.reduce((sum, point) => sum + (point.y - meanY) ** 2, 0);
  return { baseMb: round(base, 1), mbPer1kFiles: round(slope, 1), r2: round(total === 0 ? 1 : 1 - residual / total, 4) };
}

function fitLine(rows: readonly Row[]): string {
  const line = fit(rows);
  return line === undefined ? 'Too few successful sizes for a fit.' : `Least-squares fit: peak ≈ ${line.baseMb} MB + ${line.mbPer1kFiles} MB per 1,000 files (R² = ${line.r2}).`;
}

main(program.opts<Options>()).catch((error: unknown) => {
  if (error instanceof Interrupted) process.exit(130);
  console.error(`memory-scaling: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});

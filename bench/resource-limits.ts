import { join } from 'node:path';
import { Command } from 'commander';
import { startServer } from '../test/e2e/browser-server.js';
import { type LimitsRepo, limitsRepo } from './limits-repos.js';
import { describeMachine, machineLine } from './machine.js';
import { Interrupted, measure, requireGnuTime, round, stopCleanlyOnInterrupt } from './measure.js';
import { positiveInteger } from './options.js';
import { TreeMemorySampler } from './process-memory.js';
import { median, writeJson } from './report.js';
import { freshHome, projectRoot, removeHome } from './steward.js';

interface Options {
  files: number;
  commits: number;
  seed: number;
  cache: string;
  scans: boolean;
  serve: boolean;
  out?: string;
}

const program = new Command('resource-limits')
  .description('A first scan of a repository of many files and of one of a long history: peak memory and wall time; API latency of `steward serve` while it scans the large one.')
  .option('--files <n>', 'TypeScript files of the large repository', positiveInteger, 100_000)
  .option('--commits <n>', 'commits of the long history (over 1,000 files)', positiveInteger, 200_000)
  .option('--seed <n>', 'generator seed', positiveInteger, 1)
  .option('--cache <dir>', 'where generated repositories are kept between runs', '/tmp/steward-bench')
  .option('--no-scans', 'skip the CLI scans (only the responsiveness run)')
  .option('--no-serve', 'skip the responsiveness run of `steward serve`')
  .option('--out <file>', 'write every figure as JSON here')
  .parse();

interface ScanFigures {
  readonly repository: string;
  readonly exitCode: number;
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
  /** GNU time: the largest single process (Node with its worker threads). */
  readonly peakProcessMb: number;
  /** Sampled: the sum over the process tree (Node and the git it runs). */
  readonly peakTreeMb: number;
  readonly message: string;
}

async function main(options: Options): Promise<void> {
  requireGnuTime();
  stopCleanlyOnInterrupt();
  const manyFiles: LimitsRepo = { kind: 'files', files: options.files, commits: 200, seed: options.seed };
  const longHistory: LimitsRepo = { kind: 'commits', files: 1000, commits: options.commits, seed: options.seed };
  const small: LimitsRepo = { kind: 'files', files: 500, commits: 200, seed: options.seed };
  const repos = { manyFiles: await limitsRepo(manyFiles, options.cache), longHistory: options.scans ? await limitsRepo(longHistory, options.cache) : undefined };
  const scans: ScanFigures[] = [];
  const scanned = repos.longHistory === undefined ? [] : [[`${options.files.toLocaleString('en')} files`, repos.manyFiles], [`${options.commits.toLocaleString('en')} commits`, repos.longHistory]] as const;
  for (const [label, path] of scanned) {
    const figures = await firstScan(label, path);
    console.error(`${label}: exit ${figures.exitCode}, ${figures.wallSeconds} s, ${figures.peakProcessMb} MB (tree ${figures.peakTreeMb} MB) ${figures.message}`);
    scans.push(figures);
  }
  const latency = options.serve ? await serveWhileScanning(await limitsRepo(small, options.cache), repos.manyFiles) : undefined;
  const machine = describeMachine({});
  console.log([`**Machine**: ${machineLine(machine)}`, '', scanTable(scans), ...(latency ? ['', latencyTable(latency)] : [])].join('\n'));
  if (options.out) writeJson(options.out, { machine, options, scans, latency });
}

/** `steward scan <repo> --offline --quiet --json` with an empty STEWARD_HOME. */
async function firstScan(repository: string, path: string): Promise<ScanFigures> {
  const home = freshHome();
  const sampler = new TreeMemorySampler(process.pid);
  try {
    const run = await measure(process.execPath, [join(projectRoot, 'bin', 'steward.js'), 'scan', path, '--offline', '--quiet', '--json'], { cwd: path, env: { ...process.env, STEWARD_HOME: home } });
    const peakTreeMb = sampler.stop();
    return { repository, exitCode: run.exitCode, wallSeconds: run.wallSeconds, cpuSeconds: run.cpuSeconds, peakProcessMb: round(run.peakRssMb, 0), peakTreeMb, message: run.stderrFirstLine };
  } finally {
    sampler.stop();
    removeHome(home);
  }
}

interface RouteLatency {
  readonly route: string;
  readonly phase: 'idle' | 'scanning';
  readonly calls: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly maxMs: number;
}

interface Latency {
  readonly routes: RouteLatency[];
  readonly scan: { state: string; wallSeconds: number; peakTreeMb: number; error: string | null };
}

/**
 * `steward serve` with a small repository scanned; then the large one scanned through the API while
 * other routes are called one after another, each timed (the scan runs in a worker thread, so each
 * answer should come as fast as when nothing runs). The same calls with nothing running give the baseline.
 */
async function serveWhileScanning(small: string, large: string): Promise<Latency> {
  const home = freshHome();
  const server = await startServer(home);
  const sampler = new TreeMemorySampler(server.pid);
  const scans = await server.watchScans();
  try {
    const { id: smallId } = await server.call<{ id: number }>('repositories.add', { path: small });
    const first = await scans.ended((await server.call<{ id: string }>('scans.start', { repositoryId: smallId })).id);
    if (first.state !== 'succeeded') throw new Error(`the small repository's scan ${first.state}: ${first.error?.message ?? ''}`);
    const [latest] = await server.call<{ snapshot: { id: number } }[]>('snapshots.list', { repositoryId: smallId });
    if (!latest) throw new Error('the small repository has no snapshot after its scan');
    const { snapshot } = latest;
    const probes: [string, unknown][] = [
      ['repositories.list', {}],
      ['scans.list', {}],
      ['snapshots.get', { id: snapshot.id }],
      ['inventory.list', { repositoryId: smallId, limit: 50 }],
      ['health.score', { repositoryId: smallId }],
    ];
    const samples = new Map<string, number[]>();
    const probe = async (phase: RouteLatency['phase']): Promise<void> => {
      for (const [route, input] of probes) {
        const started = performance.now();
        await server.call(route, input);
        const key = `${phase}\0${route}`;
        samples.set(key, [...(samples.get(key) ?? []), performance.now() - started]);
      }
    };
    for (let round = 0; round < 20; round += 1) await probe('idle');
    const { id: largeId } = await server.call<{ id: number }>('repositories.add', { path: large });
    const started = performance.now();
    const job = await server.call<{ id: string }>('scans.start', { repositoryId: largeId });
    let end: Awaited<ReturnType<typeof scans.ended>> | undefined;
    void scans.ended(job.id).then((ended) => (end = ended));
    while (end === undefined) {
      await probe('scanning');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const routes = [...samples].map(([key, values]) => {
      const [phase, route] = key.split('\0') as [RouteLatency['phase'], string];
      const sorted = [...values].sort((a, b) => a - b);
      return { route, phase, calls: values.length, medianMs: round(median(sorted) ?? 0, 1), p95Ms: round(sorted[Math.floor(sorted.length * 0.95)] ?? 0, 1), maxMs: round(sorted.at(-1) ?? 0, 1) };
    });
    return { routes, scan: { state: end.state, wallSeconds: round((performance.now() - started) / 1000, 1), peakTreeMb: sampler.stop(), error: end.error?.message ?? null } };
  } finally {
    scans.close();
    sampler.stop();
    await server.stop();
    removeHome(home);
  }
}

function scanTable(scans: readonly ScanFigures[]): string {
  return [
    '| repository | exit | wall s | CPU s | peak MB (Node process) | peak MB (process tree) | message |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...scans.map((scan) => `| ${scan.repository} | ${scan.exitCode} | ${scan.wallSeconds.toFixed(1)} | ${scan.cpuSeconds.toFixed(1)} | ${scan.peakProcessMb} | ${scan.peakTreeMb} | ${scan.message} |`),
  ].join('\n');
}

function latencyTable(latency: Latency): string {
  return [
    `Scan through \`steward serve\`: ${latency.scan.state}${latency.scan.error ? ` (${latency.scan.error})` : ''}, ${latency.scan.wallSeconds} s, serve's process tree peaked at ${latency.scan.peakTreeMb} MB.`,
    '',
    '| route | while | calls | median ms | p95 ms | max ms |',
    '|---|---|---:|---:|---:|---:|',
    ...latency.routes.map((row) => `| ${row.route} | ${row.phase} | ${row.calls} | ${row.medianMs} | ${row.p95Ms} | ${row.maxMs} |`),
  ].join('\n');
}

main(program.opts<Options>()).catch((error: unknown) => {
  if (error instanceof Interrupted) process.exit(130);
  console.error(`resource-limits: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});

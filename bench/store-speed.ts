/**
 * A team store against the embedded one (issue 22's target: storing a snapshot of a 1,000-file
 * repository in PostgreSQL adds ≤ 0.3 s over SQLite). Generates a `--files` synthetic repository,
 * starts a PostgreSQL server on 127.0.0.1 (test/support/postgres-server.ts), scans once into each
 * store (cold, not timed), then times `steward scan --offline --quiet` of the unchanged commit into
 * each, interleaved, `--runs` times. Each timed scan saves a whole new snapshot; its analyses read
 * their facts back from the store's cache, so the difference is what the store costs a scan.
 *
 * With `--writers N`, N runners at once, each scanning a repository of its own from a Steward home of
 * its own, into the one PostgreSQL store or into N SQLite files (issue 22's target: throughput within
 * 20 %).
 *
 *   npx tsx bench/store-speed.ts [--files 1000] [--runs 5] [--writers 1]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgres } from '../test/support/postgres-server.js';
import { describeMachine, machineLine } from './machine.js';
import { type Measurement, measure, requireGnuTime } from './measure.js';
import { median } from './report.js';
import { projectRoot } from './steward.js';
import { generateRepo } from './synthetic-repo.js';

const option = (name: string, fallback: number): number => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
const [files, runs, writers] = [option('--files', 1000), option('--runs', 5), option('--writers', 1)];
const engines = ['sqlite', 'postgres'] as const;
type Engine = (typeof engines)[number];

async function main(): Promise<void> {
  requireGnuTime();
  const scratch = mkdtempSync(join(tmpdir(), 'steward-store-speed-'));
  const server = await startPostgres();
  try {
    // One repository per writer, each its own; each writer a Steward home of its own (a runner).
    const repositories = Array.from({ length: writers }, (_, index) => {
      const repository = join(scratch, `repository-${index + 1}`);
      generateRepo({ files, commits: 100, shape: 'layered', seed: index + 1 }, repository);
      return repository;
    });
    const team = server.createDatabase('bench');
    const scan = async (engine: Engine, writer: number): Promise<Measurement> => {
      const result = await measure(process.execPath, [join(projectRoot, 'bin', 'steward.js'), 'scan', repositories[writer]!, '--offline', '--quiet', '--rescan'], {
        cwd: scratch,
        env: { ...process.env, STEWARD_HOME: join(scratch, `home-${engine}-${writer}`), ...(engine === 'postgres' ? { STEWARD_STORE: team } : {}) },
      });
      if (result.exitCode !== 0) throw new Error(`a scan into ${engine} failed: ${result.stderrFirstLine}`);
      return result;
    };
    /** Every writer's scan at once; the wall time of the whole. */
    const scanAll = async (engine: Engine): Promise<{ wallSeconds: number; cpuSeconds: number }> => {
      const started = performance.now();
      const results = await Promise.all(repositories.map((_, writer) => scan(engine, writer)));
      return { wallSeconds: (performance.now() - started) / 1000, cpuSeconds: results.reduce((sum, result) => sum + (result.cpuSeconds ?? 0), 0) };
    };
    for (const engine of engines) await scanAll(engine);
    const timed: Record<Engine, { wallSeconds: number; cpuSeconds: number }[]> = { sqlite: [], postgres: [] };
    for (let run = 0; run < runs; run++) {
      for (const engine of run % 2 === 0 ? engines : ([...engines].reverse() as Engine[])) {
        const result = await scanAll(engine);
        timed[engine].push(result);
        console.error(`run ${run + 1}, ${engine}: ${result.wallSeconds.toFixed(2)} s`);
      }
    }
    const wall = (engine: Engine) => median(timed[engine].map((result) => result.wallSeconds))!;
    const cpu = (engine: Engine) => median(timed[engine].map((result) => result.cpuSeconds))!;
    console.log(`**Machine**: ${machineLine(describeMachine({}))}`);
    console.log(
      writers === 1
        ? `A scan of an unchanged ${files.toLocaleString('en')}-file repository, median of ${runs} interleaved runs each:`
        : `${writers} scans at once, each of its own unchanged ${files.toLocaleString('en')}-file repository from its own Steward home, into one PostgreSQL store or into ${writers} SQLite files; median of ${runs} interleaved runs each:`,
    );
    console.log('| store | wall s | CPU s (Steward, all writers) |\n|---|---:|---:|');
    for (const engine of engines) console.log(`| ${engine} | ${wall(engine).toFixed(2)} | ${cpu(engine).toFixed(2)} |`);
    console.log(
      writers === 1
        ? `PostgreSQL adds ${(wall('postgres') - wall('sqlite')).toFixed(2)} s (target ≤ 0.3 s).`
        : `PostgreSQL's throughput is ${((wall('sqlite') / wall('postgres')) * 100).toFixed(0)} % of the SQLite files' (target ≥ 80 %).`,
    );
  } finally {
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();

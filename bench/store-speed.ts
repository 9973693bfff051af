/**
 * A team store against the embedded one (issue 22's target: storing a snapshot of a 1,000-file
 * repository in PostgreSQL adds ≤ 0.3 s over SQLite). Generates a `--files` synthetic repository,
 * starts a PostgreSQL server on 127.0.0.1 (test/support/postgres-server.ts), scans once into each
 * store (cold, not timed), then times `steward scan --offline --quiet` of the unchanged commit into
 * each, interleaved, `--runs` times. Each timed scan saves a whole new snapshot; its analyses read
 * their facts back from the store's cache, so the difference is what the store costs a scan.
 *
 *   npx tsx bench/store-speed.ts [--files 1000] [--runs 5]
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
const [files, runs] = [option('--files', 1000), option('--runs', 5)];

async function main(): Promise<void> {
  requireGnuTime();
  const scratch = mkdtempSync(join(tmpdir(), 'steward-store-speed-'));
  const server = await startPostgres();
  try {
    const repository = join(scratch, 'repository');
    generateRepo({ files, commits: 100, shape: 'layered', seed: 1 }, repository);
    const stores = { sqlite: {}, postgres: { STEWARD_STORE: server.createDatabase('bench') } } as const;
    const scan = async (engine: keyof typeof stores): Promise<Measurement> => {
      const result = await measure(process.execPath, [join(projectRoot, 'bin', 'steward.js'), 'scan', repository, '--offline', '--quiet'], {
        cwd: scratch,
        env: { ...process.env, STEWARD_HOME: join(scratch, `home-${engine}`), ...stores[engine] },
      });
      if (result.exitCode !== 0) throw new Error(`a scan into ${engine} failed: ${result.stderrFirstLine}`);
      return result;
    };
    for (const engine of ['sqlite', 'postgres'] as const) await scan(engine);
    const timed: Record<keyof typeof stores, Measurement[]> = { sqlite: [], postgres: [] };
    for (let run = 0; run < runs; run++) {
      for (const engine of run % 2 === 0 ? (['sqlite', 'postgres'] as const) : (['postgres', 'sqlite'] as const)) {
        const result = await scan(engine);
        timed[engine].push(result);
        console.error(`run ${run + 1}, ${engine}: ${result.wallSeconds} s`);
      }
    }
    const wall = (engine: keyof typeof stores) => median(timed[engine].map((result) => result.wallSeconds ?? 0))!;
    const cpu = (engine: keyof typeof stores) => median(timed[engine].map((result) => result.cpuSeconds ?? 0))!;
    console.log(`**Machine**: ${machineLine(describeMachine({}))}`);
    console.log(`A scan of an unchanged ${files.toLocaleString('en')}-file repository, median of ${runs} interleaved runs each:`);
    console.log('| store | wall s | CPU s (Steward) |\n|---|---:|---:|');
    for (const engine of ['sqlite', 'postgres'] as const) console.log(`| ${engine} | ${wall(engine)} | ${cpu(engine)} |`);
    console.log(`PostgreSQL adds ${(wall('postgres') - wall('sqlite')).toFixed(2)} s (target ≤ 0.3 s).`);
  } finally {
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();

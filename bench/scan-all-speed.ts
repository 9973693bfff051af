/**
 * "Scan all" of a lead's portfolio with nothing changed (issue 20's target: 20 repositories of about
 * 500 files in ≤ 10 s). Generates `--repositories` synthetic repositories of `--files` files (each
 * with its own seed), registers and scans them once (cold, not timed), then times `steward scan --all
 * --quiet` on the unchanged commits `--runs` times (median, with CPU and peak memory).
 *
 *   npx tsx bench/scan-all-speed.ts [--repositories 20] [--files 500] [--runs 5]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeMachine, machineLine } from './machine.js';
import { measure, requireGnuTime } from './measure.js';
import { median } from './report.js';
import { projectRoot } from './steward.js';
import { generateRepo } from './synthetic-repo.js';

const option = (name: string, fallback: number): number => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
const [repositories, files, runs] = [option('--repositories', 20), option('--files', 500), option('--runs', 5)];

async function main(): Promise<void> {
  requireGnuTime();
  const scratch = mkdtempSync(join(tmpdir(), 'steward-scan-all-'));
  try {
    const home = join(scratch, 'home');
    const steward = (args: string[], cwd = scratch) => measure(process.execPath, [join(projectRoot, 'bin', 'steward.js'), ...args], { cwd, env: { ...process.env, STEWARD_HOME: home } });
    for (let index = 0; index < repositories; index++) {
      const path = join(scratch, `repository-${index}`);
      generateRepo({ files, commits: 100, shape: 'layered', seed: index + 1 }, path);
      const first = await steward(['scan', path, '--offline', '--quiet', '--json']);
      if (first.exitCode !== 0) throw new Error(`the first scan of ${path} failed: ${first.stderrFirstLine}`);
    }
    const timed = [];
    for (let run = 0; run < runs; run++) {
      // --rescan: each run saves every snapshot again, as a scan of changed repositories would.
      const again = await steward(['scan', '--all', '--quiet', '--rescan']);
      if (again.exitCode !== 0) throw new Error(`scan --all failed: ${again.stderrFirstLine}`);
      timed.push(again);
      console.error(`run ${run + 1}: ${again.wallSeconds} s`);
    }
    console.log(`**Machine**: ${machineLine(describeMachine({}))}`);
    console.log(`scan --all of ${repositories} unchanged repositories of ${files} files, median of ${runs}: ${median(timed.map((run) => run.wallSeconds ?? 0))} s wall, ${median(timed.map((run) => run.cpuSeconds ?? 0))} s CPU, ${median(timed.map((run) => run.peakRssMb ?? 0))} MB peak`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();

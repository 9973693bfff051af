/**
 * Issue 17's target for history from day one: a backfill of 26 weekly snapshots costs at most 3 × one
 * cold scan of HEAD, on a ~1,000-file repository with a few thousand commits. Each round, side by
 * side on one machine: a cold scan of HEAD into an empty data folder, then (as a user would) the
 * backfill into that folder; medians over the rounds.
 *
 *   git clone https://github.com/reduxjs/redux-toolkit /tmp/real-redux-toolkit
 *   npm run build && npx tsx bench/backfill.ts --repo /tmp/real-redux-toolkit [--rounds 3]
 *
 * Both check dependencies offline (cached metadata only, none here): the registry's and the
 * network's speed are not what this measures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeMachine, machineLine } from './machine.js';
import { measure, requireGnuTime } from './measure.js';
import { median } from './report.js';
import { projectRoot } from './steward.js';

const option = (name: string, fallback?: string): string => {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? process.argv[at + 1] : fallback;
  if (value === undefined) throw new Error(`${name} is required (see the header of bench/backfill.ts)`);
  return value;
};
const repo = option('--repo');
const rounds = Number(option('--rounds', '3'));
requireGnuTime();

const stewardBin = join(projectRoot, 'bin', 'steward.js');
const run = async (home: string, args: string[]) => {
  const result = await measure(process.execPath, [stewardBin, ...args], { cwd: projectRoot, env: { ...process.env, STEWARD_HOME: home, CI: 'true' } });
  if (result.exitCode !== 0) throw new Error(`steward ${args.join(' ')} failed: ${result.stderrFirstLine}`);
  return result;
};

const scans: number[] = [];
const backfills: number[] = [];
let points = 0;
for (let round = 0; round < rounds; round++) {
  const home = mkdtempSync(join(tmpdir(), 'steward-backfill-'));
  try {
    // A cold scan: an empty data folder (no facts, no stored log).
    scans.push((await run(home, ['scan', repo, '--quiet', '--offline'])).wallSeconds);
    const backfill = await run(home, ['backfill', repo, '--every', '1w', '--count', '26', '--offline', '--json']);
    backfills.push(backfill.wallSeconds);
    points = (JSON.parse(backfill.stdout) as { done: number }).done;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
const scan = median(scans)!;
const backfill = median(backfills)!;
console.log(machineLine(describeMachine({})));
console.log(`repository: ${repo}; rounds: ${rounds}; backfilled points: ${points} (of 26 periods)`);
console.log(`cold scan of HEAD: ${scans.map((s) => s.toFixed(1)).join(', ')} s (median ${scan.toFixed(1)} s)`);
console.log(`backfill of 26 weeks: ${backfills.map((s) => s.toFixed(1)).join(', ')} s (median ${backfill.toFixed(1)} s) = ${(backfill / scan).toFixed(2)} × the cold scan (target ≤ 3)`);

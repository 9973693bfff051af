/**
 * The history engine's read against the `git log` it needs, side by side, and the incremental update.
 *
 *   npx tsx bench/history.ts --repo /tmp/real-electron [--runs 5] [--out r.json]
 *
 * Per run, interleaved: (1) the bare `git log` Steward runs, output to a file; (2) Steward's full read
 * of the same history into a fresh SQLite store (git log + parse + store), in its own process;
 * (3) after 10 new commits in a scratch clone, the incremental update. Wall time and peak memory
 * from GNU time; the read's own timing from the process. Repositories stay outside this checkout.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { commitLogArguments } from '../core/git/read-commit-log.js';
import { updateHistoryLog } from '../core/analyses/history/update-history-log.js';
import { openDatabase } from '../core/store/database.js';
import { benchRepoRoot } from './edit-one.js';
import { git, gitEnv } from './git.js';
import { describeMachine, machineLine } from './machine.js';
import { type Measurement, measure, requireGnuTime, round } from './measure.js';
import { positiveInteger } from './options.js';
import { median, writeJson } from './report.js';
import { freshHome, parseJson, projectRoot, removeHome } from './steward.js';

interface Options {
  repo?: string;
  runs: number;
  out?: string;
  /** Internal: read the history of this repository into `--home` and print the read's figures. */
  readInto?: string;
  home?: string;
}

const program = new Command('history')
  .description("Time Steward's history read against the git log it runs, and the incremental update after 10 commits.")
  .option('--repo <dir>', 'a git repository outside the Steward checkout')
  .option('--runs <n>', 'runs of each measurement (medians reported)', positiveInteger, 5)
  .option('--out <file>', 'write every run and the medians as JSON here')
  .option('--read-into <dir>', '(internal) read this repository into --home and print the figures')
  .option('--home <dir>', '(internal) the STEWARD_HOME for --read-into')
  .parse();

const incrementalCommits = 10;

async function readOnce(repo: string, home: string): Promise<void> {
  const db = openDatabase(join(home, 'steward.db'));
  try {
    const tip = git(repo, ['rev-parse', 'HEAD']);
    const started = performance.now();
    const { read } = await updateHistoryLog({ db, root: repo, repository: repo, tip, estimate: 0, signal: new AbortController().signal });
    const totalMs = performance.now() - started;
    // GNU time reports the largest process of the tree, which is git's; this is Node's own.
    const nodePeakMb = Math.round(process.resourceUsage().maxRSS / 1024);
    process.stdout.write(JSON.stringify({ mode: read.mode, read: read.read, stored: read.stored, updateMs: read.durationMs, withLoadMs: Math.round(totalMs), nodePeakMb }));
  } finally {
    db.close();
  }
}

interface ReadFigures {
  mode: string;
  read: number;
  stored: number;
  updateMs: number;
  withLoadMs: number;
  nodePeakMb: number;
}

async function stewardRead(repo: string, home: string): Promise<Measurement & { figures: ReadFigures | undefined }> {
  const run = await measure(process.execPath, ['--import', 'tsx', join(projectRoot, 'bench', 'history.ts'), '--read-into', repo, '--home', home], { cwd: projectRoot });
  return { ...run, figures: run.exitCode === 0 ? (parseJson(run.stdout) as ReadFigures) : undefined };
}

/** A scratch clone (sharing the objects) with 10 new commits on top, each changing one file. */
function cloneWithNewCommits(repo: string, scratch: string): string {
  const clone = join(scratch, 'clone');
  execFileSync('git', ['clone', '--quiet', '--shared', '--no-checkout', repo, clone]);
  let parent = git(clone, ['rev-parse', 'HEAD']);
  const tree = git(clone, ['rev-parse', 'HEAD^{tree}']);
  for (let index = 0; index < incrementalCommits; index++) {
    // Empty-tree changes need no checkout: each commit adds one small file to the tree.
    const blob = git(clone, ['hash-object', '-w', '--stdin'], { input: `bench ${index}\n` });
    const withFile = execFileSync('git', ['mktree'], { cwd: clone, input: `${git(clone, ['ls-tree', tree])}\n100644 blob ${blob}\tbench-${index}.txt\n`, encoding: 'utf8' }).trim();
    parent = git(clone, ['commit-tree', withFile, '-p', parent, '-m', `bench ${index}`], { env: gitEnv({ name: 'Steward Bench', email: 'bench@example.com' }, new Date(Date.UTC(2030, 0, index + 1))) });
  }
  git(clone, ['update-ref', 'HEAD', parent]);
  return clone;
}

async function main(options: Options): Promise<void> {
  if (options.readInto) return readOnce(options.readInto, options.home ?? freshHome());
  if (!options.repo) throw new Error('--repo is required');
  requireGnuTime();
  const repo = benchRepoRoot(options.repo);
  const commits = Number(git(repo, ['rev-list', '--count', 'HEAD']));
  const machine = describeMachine({});
  const records: Record<string, (Measurement & { figures?: ReadFigures | undefined })[]> = { gitLog: [], stewardFull: [], stewardIncremental: [] };
  for (let run = 1; run <= options.runs; run++) {
    const gitLog = await measure('git', commitLogArguments('HEAD'), { cwd: repo });
    records.gitLog!.push({ ...gitLog, stdout: '' });
    console.error(`run ${run}: git log ${gitLog.wallSeconds} s, ${gitLog.peakRssMb} MB`);

    const home = freshHome();
    const scratch = mkdtempSync(join(tmpdir(), 'steward-bench-history-'));
    try {
      const full = await stewardRead(repo, home);
      records.stewardFull!.push(full);
      console.error(`run ${run}: steward full read ${full.wallSeconds} s, ${full.peakRssMb} MB, ${JSON.stringify(full.figures)}`);
      // The clone has another root path, hence a log of its own: read it once, then add commits.
      const clone = cloneWithNewCommits(repo, scratch);
      const tip = git(clone, ['rev-parse', 'HEAD']);
      git(clone, ['update-ref', 'HEAD', git(clone, ['rev-parse', `HEAD~${incrementalCommits}`])]);
      await stewardRead(clone, home);
      git(clone, ['update-ref', 'HEAD', tip]);
      const incremental = await stewardRead(clone, home);
      records.stewardIncremental!.push(incremental);
      console.error(`run ${run}: steward incremental ${incremental.wallSeconds} s, ${JSON.stringify(incremental.figures)}`);
    } finally {
      removeHome(home);
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  const wall = (key: string): number | undefined => median(records[key]!.map((record) => record.wallSeconds));
  const peak = (key: string): number | undefined => median(records[key]!.map((record) => record.peakRssMb));
  const figure = (key: string, field: 'updateMs' | 'withLoadMs' | 'nodePeakMb'): number | undefined => median(records[key]!.flatMap((record) => (record.figures ? [record.figures[field]] : [])));
  const gitWall = wall('gitLog');
  const fullWall = wall('stewardFull');
  const summary = {
    repository: repo,
    commits,
    runs: options.runs,
    machine: machineLine(machine),
    gitLog: { wallSeconds: gitWall, peakRssMb: peak('gitLog') },
    stewardFull: {
      wallSeconds: fullWall,
      peakRssMb: peak('stewardFull'),
      nodePeakMb: figure('stewardFull', 'nodePeakMb'),
      updateMs: figure('stewardFull', 'updateMs'),
      withLoadMs: figure('stewardFull', 'withLoadMs'),
    },
    /** The read itself (in the process) and the whole process (Node and tsx start-up included), over git log alone. */
    readRatio: gitWall && figure('stewardFull', 'updateMs') ? round(figure('stewardFull', 'updateMs')! / 1000 / gitWall, 2) : undefined,
    processRatio: gitWall && fullWall ? round(fullWall / gitWall, 2) : undefined,
    stewardIncremental: { wallSeconds: wall('stewardIncremental'), updateMs: figure('stewardIncremental', 'updateMs'), withLoadMs: figure('stewardIncremental', 'withLoadMs') },
  };
  console.log(JSON.stringify(summary, null, 2));
  if (options.out) writeJson(options.out, { summary, records });
}

await main(program.opts<Options>());

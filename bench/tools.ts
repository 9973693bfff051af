import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { withOneFileEdited } from './edit-one.js';
import { Interrupted, type Measurement, measure } from './measure.js';
import { commitLogArguments } from '../core/git/read-commit-log.js';
import { type StewardRun, freshHome, parseJson, projectRoot, removeHome, runSteward, runStewardCommand, runStewardScan } from './steward.js';

export const toolNames = ['steward', 'fallow', 'knip', 'git'] as const;
export type ToolName = (typeof toolNames)[number];

/** Where fallow and knip are looked for, in order: a prefix install beside the project, then the project's own. */
export const defaultBinDirs = ['/tmp/bench-tools/node_modules/.bin', join(projectRoot, 'node_modules', '.bin')];

export interface RunRecord {
  readonly tool: ToolName;
  readonly variant: string;
  readonly round: number;
  readonly ok: boolean;
  readonly exitCode?: number;
  readonly wallSeconds?: number;
  readonly userSeconds?: number;
  readonly systemSeconds?: number;
  readonly cpuSeconds?: number;
  readonly peakRssMb?: number;
  readonly stderrFirstLine?: string;
  readonly stats?: unknown;
  /** Why there is no measurement at all (missing binary, git failure, …). */
  readonly error?: string;
}

export interface Target {
  /** Work tree root of the repository being measured. */
  readonly root: string;
  /** The file steward edit-one appends to; undefined when none qualifies. */
  readonly editFile: string | undefined;
  readonly binaries: Partial<Record<'fallow' | 'knip', string>>;
  /** Where the binaries were looked for, to say so when one is missing. */
  readonly binDirs: readonly string[];
}

/** One round of a tool: every variant once, in an order that matters for steward (cold, warm, edit-one share a cache). */
export function runRound(tool: ToolName, target: Target, round: number): Promise<RunRecord[]> {
  switch (tool) {
    case 'steward':
      return stewardRound(target, round);
    case 'fallow':
      return fallowRound(target, round);
    case 'knip':
      return knipRound(target, round);
    case 'git':
      return gitRound(target, round);
  }
}

/** The `git log` a history read runs (its floor: a read is to cost at most 1.2 × this). */
async function gitRound(target: Target, round: number): Promise<RunRecord[]> {
  return [await attempt('git', 'log --numstat', round, async () => ({ ...(await measure('git', commitLogArguments('HEAD'), { cwd: target.root })), ok: true }))];
}

/**
 * Steward's commands as a user meets them, each home fresh where the variant says cold or first:
 * `complexity` cold, warm and after one edited commit; `deadcode` cold; `scan` first (when the code
 * results were in, and the snapshot saved), again on the unchanged commit, and after one new commit.
 */
async function stewardRound(target: Target, round: number): Promise<RunRecord[]> {
  const { editFile } = target;
  const editOne = (variant: string, run: () => Promise<StewardRun>): Promise<RunRecord> =>
    editFile === undefined
      ? Promise.resolve(failure('steward', variant, round, 'no unmodified tracked .ts file to edit'))
      : attempt('steward', variant, round, () => withOneFileEdited(target.root, editFile, round, run));
  const records: RunRecord[] = [];
  await inFreshHome(async (home) => {
    const complexity = () => runSteward(target.root, home);
    records.push(await attempt('steward', 'cold', round, complexity), await attempt('steward', 'warm', round, complexity), await editOne('edit-one', complexity));
  });
  await inFreshHome(async (home) => {
    records.push(await attempt('steward', 'deadcode cold', round, () => runStewardCommand(['deadcode', target.root, '--json'], target.root, home)));
  });
  await inFreshHome(async (home) => {
    const scan = () => runStewardScan(target.root, home);
    records.push(await attempt('steward', 'scan first', round, scan), await attempt('steward', 'scan again', round, scan), await editOne('scan after one commit', scan));
  });
  return records;
}

async function inFreshHome(use: (home: string) => Promise<void>): Promise<void> {
  const home = freshHome();
  try {
    await use(home);
  } finally {
    removeHome(home);
  }
}

async function fallowRound(target: Target, round: number): Promise<RunRecord[]> {
  const fallow = target.binaries.fallow;
  if (fallow === undefined) return ['full', 'dead-code'].map((variant) => failure('fallow', variant, round, notFound('fallow', target)));
  // Cold like steward cold: fallow keeps a parse cache in .fallow/ (which it git-ignores itself).
  const cold = (args: readonly string[]) => () => {
    rmSync(join(target.root, '.fallow'), { recursive: true, force: true });
    return measureJson(fallow, args, target.root);
  };
  return [await attempt('fallow', 'full', round, cold(['--format', 'json'])), await attempt('fallow', 'dead-code', round, cold(['dead-code', '--format', 'json']))];
}

async function knipRound(target: Target, round: number): Promise<RunRecord[]> {
  const knip = target.binaries.knip;
  if (knip === undefined) return [failure('knip', 'default', round, notFound('knip', target))];
  return [await attempt('knip', 'default', round, () => measureJson(knip, ['--reporter', 'json'], target.root))];
}

/** fallow and knip exit non-zero when they find issues: a run counts when it printed a JSON report. */
async function measureJson(command: string, args: readonly string[], cwd: string): Promise<Measurement & { ok: boolean }> {
  const run = await measure(command, args, { cwd });
  return { ...run, ok: parseJson(run.stdout) !== undefined };
}

/** Runs one measurement; anything but an interrupt becomes a failed record instead of ending the benchmark. */
export async function attempt(tool: ToolName, variant: string, round: number, run: () => Promise<Measurement & { ok: boolean; stats?: unknown }>): Promise<RunRecord> {
  try {
    const { stdout: _stdout, ...result } = await run();
    return { tool, variant, round, ...result };
  } catch (error) {
    if (error instanceof Interrupted) throw error;
    return failure(tool, variant, round, error instanceof Error ? error.message.split('\n')[0] ?? error.message : String(error));
  }
}

function failure(tool: ToolName, variant: string, round: number, error: string): RunRecord {
  return { tool, variant, round, ok: false, error };
}

function notFound(name: string, target: Target): string {
  return `${name} not found in ${target.binDirs.join(' or ')} (npm install --prefix /tmp/bench-tools fallow knip)`;
}

export function findBinary(name: string, dirs: readonly string[]): string | undefined {
  return dirs.map((dir) => join(dir, name)).find((path) => existsSync(path));
}

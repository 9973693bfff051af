import type { DraftPlan, GateResult } from '../api/drafts.js';
import { readGit } from '../git/git-runner.js';
import type { ManagerCommands } from './package-manager.js';
import { runCommand } from './run-command.js';
import { addScratchWorktree, removeWorktree } from './worktree.js';

type Rollback = DraftPlan['rollback'];

interface RollbackInput {
  baseCommit: string;
  /** Oldest first. */
  commits: readonly { sha: string; title: string }[];
  branch: string;
  manager: ManagerCommands;
  /** The draft changed package.json files (and so the lockfile and node_modules). */
  changesDependencies: boolean;
  /** The gates that passed on the base: they verify the rollback. */
  baseline: readonly GateResult[];
  sideEffects: readonly string[];
}

/**
 * How to undo the draft once merged: revert its commits newest first, reinstall from the restored
 * lockfile, run the checks that passed before. The time is what those commands took on the base.
 */
export function rollbackPlan(input: RollbackInput): Omit<Rollback, 'rehearsal'> {
  const reverts = [...input.commits].reverse().map((commit) => ({ command: `git revert --no-edit ${commit.sha}`, why: `undoes "${commit.title}"` }));
  const reinstall = input.changesDependencies ? [{ command: input.manager.cleanInstall.join(' '), why: 'installs node_modules again exactly as the restored lockfile says' }] : [];
  const verification = input.baseline.filter((gate) => gate.status === 'passed' && gate.command && gate.gate !== 'install').map((gate) => gate.command!);
  const measuredMs = input.baseline.filter((gate) => gate.status === 'passed').reduce((sum, gate) => sum + gate.durationMs, 0);
  return {
    baseCommit: input.baseCommit,
    steps: [...reverts, ...reinstall],
    verification,
    sideEffects: input.sideEffects.length > 0 ? [...input.sideEffects] : ['none'],
    // A few minutes for a person to revert and review, plus what the commands took here.
    estimatedMinutes: Math.round((5 + measuredMs / 60_000) * 10) / 10,
  };
}

interface RehearsalInput {
  root: string;
  /** A folder for the scratch worktree (removed afterwards). */
  folder: string;
  headCommit: string;
  baseCommit: string;
  commits: readonly { sha: string }[];
  manager: ManagerCommands;
  changesDependencies: boolean;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  logFile: string;
  signal: AbortSignal;
  onGroup?: ((group: number | null) => void) | undefined;
}

/**
 * Rehearses the rollback: in a scratch worktree at the draft's head, reverts its commits newest
 * first and checks that the tree is the base's tree, byte for byte; then, when the draft changed
 * dependencies, that the restored lockfile installs cleanly. The scratch worktree is removed after.
 */
export async function rehearseRollback(input: RehearsalInput): Promise<Rollback['rehearsal']> {
  const started = Date.now();
  const done = (status: Rollback['rehearsal']['status'], detail: string): Rollback['rehearsal'] => ({ status, detail, durationMs: Date.now() - started });
  try {
    await addScratchWorktree(input.root, input.folder, input.headCommit);
    for (const commit of [...input.commits].reverse()) await readGit(input.folder, ['revert', '--no-commit', commit.sha], { signal: input.signal });
    const [reverted, base] = await Promise.all([readGit(input.folder, ['write-tree']), readGit(input.folder, ['rev-parse', `${input.baseCommit}^{tree}`])]);
    if (reverted.trim() !== base.trim()) return done('failed', `After the reverts the tree is ${reverted.trim().slice(0, 12)}, not the base's ${base.trim().slice(0, 12)}`);
    if (!input.changesDependencies) return done('passed', `Reverting ${input.commits.length} commit${input.commits.length === 1 ? '' : 's'} gives exactly the base tree`);
    const install = await runCommand({ command: input.manager.cleanInstall, cwd: input.folder, env: input.env, timeoutMs: input.timeoutMs, logFile: input.logFile, signal: input.signal, onGroup: input.onGroup });
    if (install.exitCode !== 0) return done('failed', `The reverts give the base tree, but ${input.manager.cleanInstall.join(' ')} ${install.timedOut ? 'ran out of time' : `failed (exit code ${install.exitCode ?? 'none'})`}: ${install.logTail.split('\n').slice(-3).join(' ')}`);
    return done('passed', `Reverting ${input.commits.length} commit${input.commits.length === 1 ? '' : 's'} gives exactly the base tree, and ${input.manager.cleanInstall.join(' ')} installs it cleanly (${Math.round(install.durationMs / 1000)} s)`);
  } catch (error) {
    input.signal.throwIfAborted();
    return done('failed', `The rehearsal could not be run: ${(error as Error).message}`);
  } finally {
    await removeWorktree(input.root, input.folder).catch(() => {});
  }
}

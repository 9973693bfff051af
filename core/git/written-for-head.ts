import { GitError, readGit } from './git-runner.js';
import { hasUncommittedChanges } from './working-tree.js';

/**
 * Whether a file the repository's tools wrote into the work tree (coverage, test results) describes
 * the checked-out commit, judged by its time: `yes` when written after HEAD came to the commit with
 * no uncommitted changes, `no` when written before, `unknown` otherwise.
 */
export interface WrittenForHead {
  matchesCommit: 'yes' | 'no' | 'unknown';
  reason: string;
}

/** Judges files' times against HEAD; reads the reflog and the working tree's state once. */
export async function judgeAgainstHead(root: string, committedAt: string | null, signal: AbortSignal): Promise<(modified: Date) => WrittenForHead> {
  const since = await headMovedAt(root, committedAt, signal);
  const dirty = await hasUncommittedChanges(root, signal);
  return (modified) => {
    if (since && modified < since) return { matchesCommit: 'no', reason: `written ${modified.toISOString().slice(0, 16).replace('T', ' ')}, before HEAD came to the scanned commit` };
    if (dirty) return { matchesCommit: 'unknown', reason: 'the working tree has uncommitted changes: the tests may have run on them' };
    return since
      ? { matchesCommit: 'yes', reason: 'written after HEAD came to the scanned commit, with no uncommitted changes' }
      : { matchesCommit: 'unknown', reason: 'when HEAD came to the scanned commit is unknown' };
  };
}

/** When HEAD last moved to its commit (the reflog), else when the commit was made; null when neither is known. */
async function headMovedAt(root: string, committedAt: string | null, signal: AbortSignal): Promise<Date | null> {
  const reflog = await readGit(root, ['reflog', '-1', '--date=unix', '--format=%gd', 'HEAD', '--'], { signal }).catch((error: unknown) => {
    if (error instanceof GitError) return '';
    throw error;
  });
  const seconds = /\{(\d+)\}/.exec(reflog)?.[1];
  const moved = seconds ? new Date(Number(seconds) * 1000) : null;
  const made = committedAt ? new Date(committedAt) : null;
  return moved && made ? (moved > made ? moved : made) : (moved ?? made);
}

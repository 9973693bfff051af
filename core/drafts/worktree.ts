import { readFile, rm } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { GitError, readGit } from '../git/git-runner.js';

/**
 * A draft's git worktree: its own folder and branch, made from a recorded base commit. Only
 * `git worktree add`, `commit` and `branch -D` touch the repository, and only its object store,
 * refs and worktree records: never the user's working tree, index, stash or checked-out branch.
 */
export async function addWorktree(root: string, folder: string, branch: string, base: string): Promise<void> {
  await readGit(root, ['worktree', 'add', '--quiet', '--no-track', '-b', branch, folder, base]);
}

/** Whether a local branch of that name exists. */
export async function branchExists(root: string, branch: string): Promise<boolean> {
  try {
    await readGit(root, ['show-ref', '--verify', '--quiet', `refs/heads/${branch}`]);
    return true;
  } catch (error) {
    if (error instanceof GitError && error.exitCode === 1) return false;
    throw error;
  }
}

/** A scratch worktree at a commit, without a branch (for the rollback rehearsal). */
export async function addScratchWorktree(root: string, folder: string, commit: string): Promise<void> {
  await readGit(root, ['worktree', 'add', '--quiet', '--detach', folder, commit]);
}

/** Removes a worktree and its folder; a folder already gone (a crash, a user) is pruned from git's records instead. */
export async function removeWorktree(root: string, folder: string): Promise<void> {
  try {
    await readGit(root, ['worktree', 'remove', '--force', '--force', folder]);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
  }
  await rm(folder, { recursive: true, force: true });
  await unlockHalfMadeRecord(root, folder);
  await readGit(root, ['worktree', 'prune']);
}

/**
 * `git worktree add` locks the worktree's record ("initializing") before it writes where the worktree
 * is and fills the folder: killed in between, the record stays locked, `worktree remove` cannot
 * validate it and `prune` keeps every locked record, so it would stay in .git/worktrees for good. The
 * folder is gone by now: the lock of its record (one naming no folder, or this one) is lifted, and prune takes it.
 */
async function unlockHalfMadeRecord(root: string, folder: string): Promise<void> {
  const record = join(await commonDir(root), 'worktrees', basename(folder));
  const gitdir = await readFile(join(record, 'gitdir'), 'utf8').then((text) => text.trim(), () => null);
  if (gitdir === null || resolve(record, gitdir) === join(folder, '.git')) await rm(join(record, 'locked'), { force: true });
}

/** The repository's own .git folder (shared by its worktrees). */
async function commonDir(root: string): Promise<string> {
  return resolve(root, (await readGit(root, ['rev-parse', '--git-common-dir'])).trim());
}

/**
 * Deletes a draft's branch. `ownerGone`: the process that drafted it is dead (a recovery), so a lock
 * that git, killed with it while committing, left on this branch's ref is removed first, as git itself
 * asks; else `branch -D` fails on it and the branch stays for good.
 */
export async function deleteBranch(root: string, branch: string, { ownerGone = false } = {}): Promise<void> {
  if (ownerGone) await rm(join(await commonDir(root), 'refs', 'heads', `${branch}.lock`), { force: true });
  if (await branchExists(root, branch)) await readGit(root, ['branch', '-D', '--', branch]);
}

/** Sets the worktree back to a commit: tracked files as committed, untracked files removed (ignored ones, such as node_modules, kept). */
export async function resetWorktree(folder: string, commit: string): Promise<void> {
  await readGit(folder, ['reset', '--quiet', '--hard', commit]);
  await readGit(folder, ['clean', '--quiet', '-d', '--force']);
}

/**
 * Commits exactly these paths (added, changed or deleted) in the worktree, never what a gate left
 * behind (build output, node_modules); as the user's git identity, else as Steward. Returns the commit.
 */
export async function commitPaths(folder: string, paths: readonly string[], message: string): Promise<string> {
  await readGit(folder, ['add', '--all', '--', ...paths]);
  const identity = (await gitIdentity(folder)) === null ? ['-c', 'user.name=Steward', '-c', 'user.email=steward@localhost'] : [];
  await readGit(folder, [...identity, 'commit', '--quiet', '--no-verify', '--file', '-'], { input: message });
  return (await readGit(folder, ['rev-parse', 'HEAD'])).trim();
}

/** `Name <email>` as the repository's git configuration gives it; null when unset. */
async function gitIdentity(root: string): Promise<string | null> {
  const read = (key: string) => readGit(root, ['config', '--get', key]).then((value) => value.trim(), () => '');
  const [name, email] = await Promise.all([read('user.name'), read('user.email')]);
  return name && email ? `${name} <${email}>` : null;
}

/** Who acts, for the audit log: the git identity, else the OS user. */
export async function actorOf(root: string): Promise<string> {
  return (await gitIdentity(root)) ?? userInfo().username;
}

import { realpath, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { StewardError } from '../api/errors.js';
import { GitError, readGit } from './git-runner.js';

export interface Head {
  commit: string;
  /** Null when HEAD is detached. */
  branch: string | null;
}

interface InspectedRepository {
  /** Absolute, symlink-free path of the work tree's top-level folder. */
  root: string;
  name: string;
  head: Head;
}

/**
 * Checks that a path is the work tree of a git repository with at least one commit, and says
 * precisely what is wrong when it is not. Reads only; never writes to the repository.
 */
export async function inspectRepository(path: string, signal: AbortSignal = new AbortController().signal): Promise<InspectedRepository> {
  // One operation: git's view of the repository's configuration is read once for all of its calls.
  const options = { signal };
  const absolute = resolve(path);
  const info = await stat(absolute).catch(() => undefined);
  if (!info) throw new StewardError('invalid-input', `No such folder: ${absolute}`);
  if (!info.isDirectory()) throw new StewardError('invalid-input', `${absolute} is a file, not a folder`);

  let flags: string[];
  try {
    flags = (await readGit(absolute, ['rev-parse', '--is-bare-repository', '--is-inside-git-dir'], options)).trim().split('\n');
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    if (/not a git repository/i.test(error.reason)) {
      throw new StewardError('invalid-input', `${absolute} is not a git repository (no .git folder here or above)`);
    }
    throw new StewardError('invalid-input', `${absolute} cannot be read by git: ${error.reason}`);
  }
  if (flags[0] === 'true') {
    throw new StewardError('invalid-input', `${absolute} is a bare git repository; Steward needs a checked-out work tree (clone it first)`);
  }
  if (flags[1] === 'true') {
    throw new StewardError('invalid-input', `${absolute} is inside a .git folder; choose the repository's work tree instead`);
  }

  const root = await realpath((await readGit(absolute, ['rev-parse', '--show-toplevel'], options)).trim());
  return { root, name: basename(root), head: await readHead(root, signal) };
}

async function readHead(root: string, signal: AbortSignal): Promise<Head> {
  let commit: string;
  try {
    commit = (await readGit(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { signal })).trim();
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    commit = '';
  }
  if (!commit) throw new StewardError('invalid-input', `${root} has no commits yet; commit something, then scan it`);
  const branch = (
    await readGit(root, ['symbolic-ref', '--quiet', '--short', 'HEAD'], { signal }).catch((error: unknown) => {
      if (error instanceof GitError) return '';
      throw error;
    })
  ).trim();
  return { commit, branch: branch || null };
}

import { readGit } from './git-runner.js';

/**
 * Whether tracked files differ from HEAD (untracked files are ignored). Never refreshes the index
 * (GIT_OPTIONAL_LOCKS=0), never runs the repository's fsmonitor or filters (see safe-config.ts).
 */
export async function hasUncommittedChanges(root: string, signal?: AbortSignal): Promise<boolean> {
  const output = await readGit(root, ['status', '--porcelain', '--untracked-files=no', '--ignore-submodules'], { signal });
  return output.trim() !== '';
}

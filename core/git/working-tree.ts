import { keptForOperation, readGit } from './git-runner.js';

const answers = new WeakMap<AbortSignal, Map<string, Promise<boolean>>>();

/**
 * Whether tracked files differ from HEAD (untracked files are ignored), asked once per operation (a
 * scan's head warnings and its coverage and test-result files share the answer). Never refreshes
 * the index (GIT_OPTIONAL_LOCKS=0), never runs the repository's fsmonitor or filters (see safe-config.ts).
 */
export function hasUncommittedChanges(root: string, signal?: AbortSignal): Promise<boolean> {
  return keptForOperation(answers, root, signal, async () => {
    const output = await readGit(root, ['status', '--porcelain', '--untracked-files=no', '--ignore-submodules'], { signal });
    return output.trim() !== '';
  });
}

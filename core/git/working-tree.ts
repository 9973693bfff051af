import { gitClient } from './git-client.js';

/** Whether tracked files differ from HEAD (untracked files are ignored). Never refreshes the index. */
export async function hasUncommittedChanges(root: string, signal?: AbortSignal): Promise<boolean> {
  const output = await gitClient(root, signal).raw(['status', '--porcelain', '--untracked-files=no', '--ignore-submodules']);
  return output.trim() !== '';
}

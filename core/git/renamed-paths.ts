import { GitError, readGit } from './git-runner.js';

/**
 * Files renamed (or moved) between two commits, old path → new, as git's rename detection sees them
 * (`-M`, content at least 50 % alike). Empty when the older commit is gone (history rewritten and
 * collected): then nothing can be said about renames.
 */
export async function renamedPaths(root: string, from: string, to: string, signal?: AbortSignal): Promise<Map<string, string>> {
  let output: string;
  try {
    output = await readGit(root, ['diff', '--no-ext-diff', '--no-textconv', '-M', '--name-status', '-z', '--diff-filter=R', from, to, '--'], { signal });
  } catch (error) {
    if (error instanceof GitError) return new Map();
    throw error;
  }
  const renames = new Map<string, string>();
  const fields = output.split('\0');
  // `R<score>\0old\0new\0` per rename.
  for (let index = 0; index + 2 < fields.length; index += 3) {
    if (fields[index]!.startsWith('R')) renames.set(fields[index + 1]!, fields[index + 2]!);
  }
  return renames;
}

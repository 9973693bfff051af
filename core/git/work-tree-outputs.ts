import { lstat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Files the repository's tools write into the work tree at conventional places (coverage, test
 * results), untracked: for each package folder ('' the root), the names that exist as regular files —
 * all of them, or only the first in `names`' order of preference.
 */
export async function findToolOutputs(root: string, packageDirs: readonly string[], names: readonly string[], { firstOnly }: { firstOnly: boolean }): Promise<string[]> {
  const found: string[] = [];
  for (const dir of new Set(['', ...packageDirs])) {
    for (const name of names) {
      const file = dir === '' ? name : `${dir}/${name}`;
      if (!(await lstat(join(root, file)).catch(() => undefined))?.isFile()) continue;
      found.push(file);
      if (firstOnly) break;
    }
  }
  return found;
}

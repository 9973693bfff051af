import { StewardError } from '../api/errors.js';
import { GitError, readGit } from './git-runner.js';

export interface TreeFile {
  path: string;
  blobSha: string;
  size: number;
}

export interface TreeListing {
  /** The commit whose tree this is. */
  commit: string;
  files: TreeFile[];
  /** Paths of submodules, which are other repositories and are not scanned. */
  submodules: string[];
  /** Paths of symbolic links, which are never followed (so a link loop cannot trap a scan). */
  symlinks: string[];
}

/**
 * Every file of a commit's tree (so exactly what git tracks; ignored and untracked files never
 * appear), without reading the working tree. Symbolic links are listed apart and never followed:
 * their target is counted where it lives.
 */
export async function listTreeFiles(root: string, commit: string, signal?: AbortSignal): Promise<TreeListing> {
  let output: string;
  try {
    output = await readGit(root, ['ls-tree', '-r', '-z', '-l', '--full-tree', commit], { signal });
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    throw new StewardError('invalid-input', `The files of commit ${commit.slice(0, 7)} cannot be listed (${error.message}); the repository may be damaged (git fsck says more)`);
  }
  const files: TreeFile[] = [];
  const submodules: string[] = [];
  const symlinks: string[] = [];
  for (const entry of output.split('\0')) {
    if (!entry) continue;
    // "<mode> SP <type> SP <object> SP+ <size> TAB <path>"
    const tab = entry.indexOf('\t');
    const [mode, type, sha, size] = entry.slice(0, tab).split(/ +/);
    const path = entry.slice(tab + 1);
    if (type === 'commit') submodules.push(path);
    else if (mode === '120000') symlinks.push(path);
    else if (type === 'blob' && sha) files.push({ path, blobSha: sha, size: Number(size) });
  }
  return { commit, files, submodules, symlinks };
}

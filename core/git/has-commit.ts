import { GitError, readGit } from './git-runner.js';

/** Whether the repository at `root` holds `commit` (as a commit object): the same history, wherever its folder is now. */
export async function hasCommit(root: string, commit: string): Promise<boolean> {
  try {
    await readGit(root, ['cat-file', '-e', `${commit}^{commit}`]);
    return true;
  } catch (error) {
    if (error instanceof GitError) return false;
    throw error;
  }
}

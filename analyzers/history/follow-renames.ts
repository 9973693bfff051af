import type { CommitRecord } from './commit-record.js';

/**
 * Gives every change the file's name at the newest commit, following renames back through history,
 * so that a file renamed twice keeps one identity. Commits come newest first, as `git log` gives them.
 */
export function followRenames(commits: readonly CommitRecord[]): CommitRecord[] {
  const newestName = new Map<string, string>();
  const nameOf = (path: string): string => newestName.get(path) ?? path;
  return commits.map((commit) => {
    const files = commit.files.map((change) => {
      const path = nameOf(change.path);
      if (change.previousPath !== undefined && change.previousPath !== change.path) newestName.set(change.previousPath, path);
      return path === change.path ? change : { ...change, path };
    });
    return { ...commit, files };
  });
}

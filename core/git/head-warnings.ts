import { GitError } from './git-runner.js';
import type { Head } from './inspect-repository.js';
import { hasUncommittedChanges } from './working-tree.js';

/** What a user should know about analysing HEAD: a detached HEAD, and edits that are not in it. */
export async function headWarnings(root: string, head: Head, signal: AbortSignal): Promise<string[]> {
  const warnings: string[] = [];
  const shortCommit = head.commit.slice(0, 7);
  if (!head.branch) warnings.push(`HEAD is detached at ${shortCommit}; the snapshot is of that commit`);
  try {
    if (await hasUncommittedChanges(root, signal)) {
      warnings.push(`The working tree has uncommitted changes; the snapshot is of commit ${shortCommit} and does not include them`);
    }
  } catch (error) {
    // The snapshot reads the commit, not the working tree: a damaged index only hides this note.
    if (!(error instanceof GitError)) throw error;
    warnings.push(`Whether the working tree has uncommitted changes is unknown (${error.message}); the snapshot is of commit ${shortCommit}`);
  }
  return warnings;
}

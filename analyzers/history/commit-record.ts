/**
 * One commit as the history engine reads it from `git log --numstat`: who, when, and which files
 * changed by how many lines. Plain data, stored in SQLite and fed to every history analysis.
 */
export interface CommitRecord {
  sha: string;
  /**
   * Name and email as the commit gives them (before .mailmap: the stored log keeps what git holds,
   * and identities are resolved when the analyses run, see commitsByPerson).
   */
  authorName: string;
  authorEmail: string;
  /** Author date, ISO 8601 with the author's offset. */
  authorDate: string;
  files: FileChange[];
  /** Why line counts are missing for this commit (git could not read its content), if they are. */
  degraded?: string;
  /** Set by identity resolution, never read from git nor stored: the author is a bot, not a person. */
  bot?: boolean;
}

export interface FileChange {
  /** The path after the commit. */
  path: string;
  /** The path before, when the commit renamed (or moved) the file. */
  previousPath?: string;
  added: number;
  deleted: number;
  /** Binary files count as changed, with 0 lines. */
  binary: boolean;
}

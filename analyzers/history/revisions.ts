import { foldersOf } from '../discover/repo-paths.js';
import type { CommitRecord } from './commit-record.js';
import { authorKey } from './history-window.js';

export interface FileRevisions {
  path: string;
  /** Commits that changed the file (code-maat's `revisions`). */
  revisions: number;
  added: number;
  deleted: number;
  /** Distinct authors who are people (bots change files too, but know nothing of them). */
  authors: number;
  /** Author date of the newest change. */
  lastChanged: string;
}

/** Revisions and churn per file over the given commits (newest first, names already followed). */
export function revisionsByFile(commits: readonly CommitRecord[]): Map<string, FileRevisions> {
  const files = new Map<string, FileRevisions & { authorKeys: Set<string> }>();
  for (const commit of commits) {
    const author = authorKey(commit);
    const seen = new Set<string>();
    for (const change of commit.files) {
      let file = files.get(change.path);
      if (!file) {
        file = { path: change.path, revisions: 0, added: 0, deleted: 0, authors: 0, lastChanged: commit.authorDate, authorKeys: new Set() };
        files.set(change.path, file);
      }
      if (!seen.has(change.path)) file.revisions++;
      seen.add(change.path);
      file.added += change.added;
      file.deleted += change.deleted;
      if (!commit.bot) file.authorKeys.add(author);
      if (Date.parse(commit.authorDate) > Date.parse(file.lastChanged)) file.lastChanged = commit.authorDate;
    }
  }
  return new Map(
    [...files].map(([path, { authorKeys, ...file }]) => [path, { ...file, authors: authorKeys.size }]),
  );
}

export interface FolderChurn {
  /** '' for the repository root. */
  folder: string;
  revisions: number;
  added: number;
  deleted: number;
  files: number;
}

/** Churn per folder, each folder counting everything below it; a commit counts once per folder it touches. */
export function churnByFolder(commits: readonly CommitRecord[]): FolderChurn[] {
  const folders = new Map<string, FolderChurn & { paths: Set<string> }>();
  for (const commit of commits) {
    const touched = new Set<string>();
    for (const change of commit.files) {
      for (const folder of foldersOf(change.path)) {
        let entry = folders.get(folder);
        if (!entry) {
          entry = { folder, revisions: 0, added: 0, deleted: 0, files: 0, paths: new Set() };
          folders.set(folder, entry);
        }
        if (!touched.has(folder)) entry.revisions++;
        touched.add(folder);
        entry.added += change.added;
        entry.deleted += change.deleted;
        entry.paths.add(change.path);
      }
    }
  }
  return [...folders.values()]
    .map(({ paths, ...entry }) => ({ ...entry, files: paths.size }))
    .sort((a, b) => a.folder.localeCompare(b.folder));
}

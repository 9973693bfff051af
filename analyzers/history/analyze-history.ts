import { type AuthorActivity, type WeekActivity, activityByAuthor, activityByWeek } from './activity.js';
import { type CoupledPair, type CouplingOptions, changeCoupling, defaultCouplingOptions } from './change-coupling.js';
import { type FileAge, codeAge } from './code-age.js';
import type { AuthorIdentity } from '../identities/mailmap.js';
import type { ResolvedAuthor } from '../identities/resolve-identities.js';
import type { CommitRecord } from './commit-record.js';
import { commitsByPerson } from './commits-by-person.js';
import { commitsSince, monthsBefore } from './history-window.js';
import { type FileComplexity, type Hotspot, rankHotspots } from './hotspots.js';
import { type FileOwnership, type FolderOwnership, ownershipByFile, ownershipByFolder, tallyAuthors } from './ownership.js';
import { type FileRevisions, type FolderChurn, churnByFolder, revisionsByFile } from './revisions.js';

export interface HistoryOptions {
  /** Hotspots and change coupling look back this many months from the scanned commit. */
  windowMonths: number;
  coupling: CouplingOptions;
}

export const defaultHistoryOptions: HistoryOptions = { windowMonths: 12, coupling: defaultCouplingOptions };

interface HistoryInput {
  /** Every commit read, newest first, with file names followed across renames (followRenames), authors as git gives them. */
  commits: readonly CommitRecord[];
  /** Who an author is (after .mailmap and the user's identity map) and whether a bot. */
  identify(author: AuthorIdentity): ResolvedAuthor;
  /** The files of the scanned commit: results are about them (a deleted file's history only counts for activity). */
  currentFiles: ReadonlySet<string>;
  complexity: ReadonlyMap<string, FileComplexity>;
  /** The scanned commit's date: windows end here, "active" means active before it. */
  asOf: Date;
  /** Commits left out of change coupling (bulk reformatting named in .git-blame-ignore-revs). */
  excludedFromCoupling: ReadonlySet<string>;
  /** The package or top-level folder of a path, to flag coupling across boundaries. */
  boundaryOf(path: string): string;
  options: HistoryOptions;
}

export interface HistoryAnalysis {
  hotspots: Hotspot[];
  coupling: CoupledPair[];
  /** Revisions and churn over the whole history, per current file. */
  files: FileRevisions[];
  folders: FolderChurn[];
  ownership: FileOwnership[];
  folderOwnership: FolderOwnership[];
  age: FileAge[];
  /** People, each once whatever emails they used; bots are apart. */
  authors: AuthorActivity[];
  bots: AuthorActivity[];
  weeks: WeekActivity[];
}

/** Every history analysis over one read of the log: each is a small function, this is their table. */
export function analyzeHistory(input: HistoryInput): HistoryAnalysis {
  const commits = commitsByPerson(input.commits, input.identify);
  const currentOnly = (commit: CommitRecord): CommitRecord => ({ ...commit, files: commit.files.filter((change) => input.currentFiles.has(change.path)) });
  const current = commits.map(currentOnly);
  const since = monthsBefore(input.asOf, input.options.windowMonths);
  // A commit's size is that of the whole change set, deleted files included.
  const couplingCommits = commitsSince(commits, since)
    .filter((commit) => !input.excludedFromCoupling.has(commit.sha) && commit.files.length <= input.options.coupling.maxChangesetSize)
    .map(currentOnly);
  const allTime = revisionsByFile(current);
  const tally = tallyAuthors(commits, input.asOf);
  const ownership = ownershipByFile(tally).filter((file) => input.currentFiles.has(file.path));
  return {
    hotspots: rankHotspots(revisionsByFile(commitsSince(current, since)), input.complexity),
    coupling: changeCoupling(couplingCommits, input.boundaryOf, input.options.coupling),
    files: [...allTime.values()].sort((a, b) => b.revisions - a.revisions || a.path.localeCompare(b.path)),
    folders: churnByFolder(current),
    ownership,
    folderOwnership: ownershipByFolder(tally, ownership),
    age: codeAge(allTime.values(), input.asOf),
    authors: activityByAuthor(commits.filter((commit) => !commit.bot)),
    bots: activityByAuthor(commits.filter((commit) => commit.bot)),
    weeks: activityByWeek(commits),
  };
}

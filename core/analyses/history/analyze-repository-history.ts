import { type HistoryAnalysis, analyzeHistory } from '../../../analyzers/history/analyze-history.js';
import type { CouplingOptions } from '../../../analyzers/history/change-coupling.js';
import type { FileComplexity } from '../../../analyzers/history/hotspots.js';
import { workspaceLocator } from '../../../analyzers/deadcode/workspace-of.js';
import { usableDate } from '../../../analyzers/history/commit-date.js';
import { followRenames } from '../../../analyzers/history/follow-renames.js';
import type { AuthorIdentity } from '../../../analyzers/identities/mailmap.js';
import type { ResolvedAuthor } from '../../../analyzers/identities/resolve-identities.js';
import type { CodeAnalysis } from '../../code/analyze-code.js';
import type { HistorySummary } from '../../git/history-summary.js';
import { readTreeFile } from '../../git/read-tree-file.js';
import type { TreeListing } from '../../git/tree-files.js';
import type { Database } from '../../store/database.js';
import { plural, preview } from '../../wording.js';
import { type HotspotTrends, hotspotTrends } from './hotspot-trends.js';
import { type HistoryLogRead, historyLogAsOf, updateHistoryLog } from './update-history-log.js';

export interface RepositoryHistory {
  analysis: HistoryAnalysis;
  read: HistoryLogRead;
  /** The scanned commit's author date: the end of every window. */
  asOf: string;
  windowMonths: number;
  couplingThresholds: CouplingOptions;
  /** Commit count, dates, contributors, and whether the clone is shallow. */
  summary: HistorySummary;
  /** Complexity over time of the top hotspots. */
  trends: HotspotTrends;
}

interface AnalyzeHistoryOptions {
  /** The stored git log and the code facts of past commits, kept between scans. */
  cache: Database;
  root: string;
  commit: string;
  tree: TreeListing;
  /** The code engine's analysis, awaited once the log is read. */
  code: Promise<Pick<CodeAnalysis, 'complexity' | 'config' | 'parseErrors' | 'packageDirs'>>;
  summary: HistorySummary;
  /** Who an author is (the commit's .mailmap, the user's identity map). */
  identify(author: AuthorIdentity): ResolvedAuthor;
  /** A past commit (a backfill): its log is taken from the stored one as of it, which stays where it is. */
  past: boolean;
  parseWorkerUrl: URL | string;
  signal: AbortSignal;
  progress(done: number, total: number, detail?: string): void;
  warn(message: string, options?: { partial?: boolean }): void;
}

/** Reads the history git has (incrementally), then runs every history analysis as of the scanned commit. */
export async function analyzeRepositoryHistory({ cache, root, commit, tree, code: coded, summary, identify, past, parseWorkerUrl, signal, progress, warn }: AnalyzeHistoryOptions): Promise<RepositoryHistory> {
  if (tree.submodules.length > 0) warn(`Skipped ${plural(tree.submodules.length, 'submodule')} (their history is their own): ${preview(tree.submodules)}`);
  if (summary.shallow) {
    warn(`This is a shallow clone: only ${plural(summary.commits, 'commit')} of history are visible, so hotspots, coupling and ownership cover those only`);
  }
  progress(0, 1, 'git log');
  const repository = summary.rootCommits.join(' ');
  const { commits, read } = past
    ? await historyLogAsOf({ db: cache, root, repository, commit, signal })
    : await updateHistoryLog({ db: cache, root, repository, tip: commit, signal, estimate: summary.commits, onProgress: (done, total) => progress(done, total, `git log: ${done.toLocaleString('en')} of ${total.toLocaleString('en')} commits read`) });
  if (read.degraded.length > 0) {
    warn(
      `git could not read the content of ${plural(read.degraded.length, 'commit')} (missing objects, as in a partial clone): their files count as changed, without line counts: ${preview(read.degraded.map((entry) => entry.sha.slice(0, 10)))}`,
      { partial: true },
    );
  }
  const code = await coded;
  const everyFollowed = followRenames(commits);
  // Commits git gives no usable date for (before 1970, after 9999: forged or broken) cannot be placed in any window.
  const placed = commits.map((entry) => usableDate(entry.authorDate) !== null);
  const undated = commits.filter((_, index) => !placed[index]);
  if (undated.length > 0) {
    warn(`${plural(undated.length, 'commit')} carry an author date outside 1970–9999, which cannot be placed in time; they are left out of the history analyses: ${preview(undated.map((entry) => entry.sha.slice(0, 10)))}`);
  }
  const dated = commits.filter((_, index) => placed[index]);
  const followed = everyFollowed.filter((_, index) => placed[index]);
  // The committer date: a rebased or cherry-picked HEAD keeps an author date older than its parents'.
  const asOfText = summary.committedAt ?? summary.lastCommitAt ?? dated[0]?.authorDate ?? new Date().toISOString();
  if (summary.committedAt === null) warn(`The scanned commit's date is outside 1970–9999; the history analyses are as of ${asOfText.slice(0, 10)} instead`);
  const asOf = new Date(asOfText);
  const analysis = analyzeHistory({
    commits: followed,
    identify,
    currentFiles: new Set(tree.files.map((file) => file.path)),
    complexity: complexityByFile(code),
    asOf,
    excludedFromCoupling: await ignoredRevisions(root, tree, signal),
    boundaryOf: boundaryLocator(code.packageDirs),
    options: code.config.history,
  });
  const trends = await hotspotTrends({ db: cache, root, commits: dated, followed, hotspots: analysis.hotspots, parseWorkerUrl, signal });
  progress(1, 1);
  return { analysis, read, asOf: asOfText, windowMonths: code.config.history.windowMonths, couplingThresholds: code.config.history.coupling, summary, trends };
}

function complexityByFile({ complexity, parseErrors }: Pick<CodeAnalysis, 'complexity' | 'parseErrors'>): Map<string, FileComplexity> {
  const unreadable = new Set(parseErrors.map((error) => error.path));
  return new Map(complexity.files.map((file) => [file.path, { cognitive: unreadable.has(file.path) ? null : file.cognitiveSum, lines: file.linesOfCode }]));
}

/**
 * Bulk reformatting commits, as the repository lists them for `git blame --ignore-revs-file`:
 * they change every line of many files at once, which says nothing about which files belong together.
 */
async function ignoredRevisions(root: string, tree: TreeListing, signal: AbortSignal): Promise<Set<string>> {
  const revisions = new Set<string>();
  const content = await readTreeFile(root, tree, '.git-blame-ignore-revs', { maxBytes: Number.POSITIVE_INFINITY, signal });
  for (const line of content?.split('\n') ?? []) {
    const sha = /^\s*([0-9a-f]{40,64})\b/i.exec(line)?.[1];
    if (sha) revisions.add(sha.toLowerCase());
  }
  return revisions;
}

/** The deepest package (workspace or project of its own) containing a path, else its top-level folder. */
function boundaryLocator(packageDirs: readonly string[]): (path: string) => string {
  const packageOf = workspaceLocator(packageDirs.map((dir) => ({ dir })));
  return (path) => packageOf(path) || (path.includes('/') ? path.slice(0, path.indexOf('/')) : '');
}

import { usableDate } from '../../analyzers/history/commit-date.js';
import type { Database } from '../store/database.js';
import { ProjectContextCache } from '../store/project-context-cache.js';
import { readGit } from './git-runner.js';

interface ContributorCommits {
  name: string;
  email: string;
  commits: number;
}

export interface HistorySummary {
  commits: number;
  /** Author date (ISO 8601 with offset) of the oldest root commit reachable from the commit; null when no root commit has a date git can give. */
  firstCommitAt: string | null;
  /**
   * The root commits reachable from the commit (sorted): what tells one repository from another
   * wherever its clones and worktrees live (a shallow clone's roots are its cut-off commits).
   */
  rootCommits: string[];
  /** Author date of the scanned commit itself (null: git gives none in 1970–9999). */
  lastCommitAt: string | null;
  /** Its committer date: when it became what it is (a rebased commit keeps its older author date). */
  committedAt: string | null;
  /** Distinct author identities as the commits give them (before .mailmap, which Steward applies), most commits first. */
  contributors: ContributorCommits[];
  /** True when the clone is shallow, so older history is not visible. */
  shallow: boolean;
}

/**
 * The summary of a commit's history, kept per commit: what a commit reaches never changes, so a
 * re-scan does not walk every commit again for its authors (a shallow clone, which a fetch can
 * deepen, is read each time).
 */
export async function cachedHistorySummary(db: Database, root: string, commit: string, signal?: AbortSignal): Promise<HistorySummary> {
  const shallow = (await readGit(root, ['rev-parse', '--is-shallow-repository'], { signal })).trim() === 'true';
  if (shallow) return readHistorySummary(root, commit, signal);
  const cache = new ProjectContextCache(db);
  // By commit alone: every full clone of the repository, wherever it is, sees the same history.
  const key = JSON.stringify(['history-summary', 1, commit]);
  const known = cache.get<HistorySummary>(key);
  if (known) return known;
  const summary = await readHistorySummary(root, commit, signal);
  cache.put(key, summary);
  return summary;
}

export async function readHistorySummary(root: string, commit: string, signal?: AbortSignal): Promise<HistorySummary> {
  const read = (args: string[]): Promise<string> => readGit(root, args, { signal });
  const [count, roots, lastDate, authors, shallow] = await Promise.all([
    read(['rev-list', '--count', commit]),
    read(['log', '--max-parents=0', '--format=%H %aI', commit]),
    read(['log', '-1', '--format=%aI%n%cI', commit]),
    // Names and emails NUL-separated: either may hold anything else (`git shortlog`'s "Name <email>" can be forged).
    read(['log', '-z', '--format=%an%x00%ae', commit]),
    read(['rev-parse', '--is-shallow-repository']),
  ]);
  const [lastCommitAt = '', committedAt = ''] = lastDate.trim().split('\n');
  const rootCommits = roots.split('\n').filter(Boolean).map((line) => ({ sha: line.slice(0, line.indexOf(' ')), date: line.slice(line.indexOf(' ') + 1) }));
  const firstCommitAt = rootCommits
    .map((root) => usableDate(root.date))
    .filter((date) => date !== null)
    .sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  return {
    commits: Number(count.trim()),
    firstCommitAt: firstCommitAt ?? null,
    rootCommits: rootCommits.map((root) => root.sha).sort(),
    lastCommitAt: usableDate(lastCommitAt),
    committedAt: usableDate(committedAt),
    contributors: countAuthors(authors),
    shallow: shallow.trim() === 'true',
  };
}

/** `name\0email` per commit (commits NUL-separated too): distinct identities, most commits first, as `git shortlog -sne` orders them. */
function countAuthors(output: string): ContributorCommits[] {
  const fields = output.split('\0');
  const counts = new Map<string, ContributorCommits>();
  for (let index = 0; index + 1 < fields.length; index += 2) {
    const name = fields[index]!;
    const email = fields[index + 1]!;
    const key = `${name}\0${email}`;
    const entry = counts.get(key);
    if (entry) entry.commits++;
    else counts.set(key, { name, email, commits: 1 });
  }
  return [...counts.values()].sort((a, b) => b.commits - a.commits || a.name.localeCompare(b.name));
}

import { gitClient } from './git-client.js';

interface ContributorCommits {
  name: string;
  email: string;
  commits: number;
}

export interface HistorySummary {
  commits: number;
  /** Author date (ISO 8601 with offset) of the oldest root commit reachable from the commit. */
  firstCommitAt: string;
  /** Author date of the scanned commit itself. */
  lastCommitAt: string;
  /** Its committer date: when it became what it is (a rebased commit keeps its older author date). */
  committedAt: string;
  /** Distinct author identities (name and email after .mailmap), most commits first. */
  contributors: ContributorCommits[];
  /** True when the clone is shallow, so older history is not visible. */
  shallow: boolean;
}

export async function readHistorySummary(root: string, commit: string, signal?: AbortSignal): Promise<HistorySummary> {
  const git = gitClient(root, signal);
  const [count, rootDates, lastDate, shortlog, shallow] = await Promise.all([
    git.raw(['rev-list', '--count', commit]),
    git.raw(['log', '--max-parents=0', '--format=%aI', commit]),
    git.raw(['log', '-1', '--format=%aI%n%cI', commit]),
    git.raw(['shortlog', '--summary', '--numbered', '--email', commit]),
    git.raw(['rev-parse', '--is-shallow-repository']),
  ]);
  const [lastCommitAt = '', committedAt = ''] = lastDate.trim().split('\n');
  const firstCommitAt = rootDates
    .split('\n')
    .filter(Boolean)
    .sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  return {
    commits: Number(count.trim()),
    firstCommitAt: firstCommitAt ?? lastCommitAt,
    lastCommitAt,
    committedAt,
    contributors: parseShortlog(shortlog),
    shallow: shallow.trim() === 'true',
  };
}

/** Parses `git shortlog -sne` lines: "  12\tAda Lovelace <ada@example.com>". */
function parseShortlog(output: string): ContributorCommits[] {
  const contributors: ContributorCommits[] = [];
  for (const line of output.split('\n')) {
    const match = /^\s*(\d+)\t(.*?)\s*<([^>]*)>\s*$/.exec(line);
    if (match) contributors.push({ commits: Number(match[1]), name: match[2]!, email: match[3]! });
  }
  return contributors;
}

import type { CommitRecord } from '../../analyzers/history/commit-record.js';
import { LogParser, headerFormatArguments, logFormatArguments, rawFormatArguments } from '../../analyzers/history/log-parser.js';
import { GitError, readGit, runGit } from './git-runner.js';

/** What every read shares: no merges, renames followed, no external diff or text conversion. */
const logOptions = ['--no-merges', '-M', '--no-ext-diff', '--no-textconv', '--no-color'];

/** The `git log` a read of `range` runs (the benchmark times it alone, as the floor for a read). */
export function commitLogArguments(range: string): string[] {
  return ['log', ...logOptions, ...logFormatArguments, range, '--'];
}

/**
 * Streams `git log --numstat` over a range (`HEAD`, or `<old>..<new>`) through the parser, handing
 * over commits newest first as git produces them, never holding the whole log. When git dies on a
 * missing object (a partial or damaged clone), the commit it stopped at is read again without line
 * counts (and `degraded` saying why), and the log goes on after it.
 */
export async function readCommitLog(root: string, range: string, onCommits: (commits: CommitRecord[]) => void, signal?: AbortSignal): Promise<void> {
  const seen = new Set<string>();
  const deliver = (commits: CommitRecord[]): void => {
    for (const commit of commits) seen.add(commit.sha);
    if (commits.length > 0) onCommits(commits);
  };
  let failure = await streamLog(root, commitLogArguments(range), undefined, deliver, signal);
  let order: string[] | undefined;
  while (failure) {
    order ??= (await readGit(root, ['rev-list', '--no-merges', range, '--'], { signal })).split('\n').filter(Boolean);
    const remaining = order.filter((sha) => !seen.has(sha));
    const failing = remaining[0];
    if (failing === undefined) break;
    // git may die on the commit after the last one it finished (rename detection reads blobs before
    // the header is printed): read the first unfinished commit alone before taking its lines away.
    const alone: CommitRecord[] = [];
    const single = await streamLog(root, ['log', ...logOptions, ...logFormatArguments, '--no-walk', failing, '--'], undefined, (batch) => alone.push(...batch), signal);
    deliver(single ? [await readWithoutLines(root, failing, single.reason, signal)] : alone);
    const rest = remaining.slice(1);
    if (rest.length === 0) break;
    failure = await streamLog(root, ['log', ...logOptions, ...logFormatArguments, '--no-walk=unsorted', '--stdin', '--'], `${rest.join('\n')}\n`, deliver, signal);
  }
}

/** The commit's changed paths from the trees alone (no content needed), or none when even those are missing. */
async function readWithoutLines(root: string, sha: string, reason: string, signal?: AbortSignal): Promise<CommitRecord> {
  const commits: CommitRecord[] = [];
  const failure = await streamLog(root, ['log', '--no-walk', '--no-renames', '--no-color', ...rawFormatArguments, sha, '--'], undefined, (batch) => commits.push(...batch), signal);
  const commit = failure ? undefined : commits[0];
  if (commit) return { ...commit, degraded: reason };
  const header: CommitRecord[] = [];
  await streamLog(root, ['log', '--no-walk', '--no-color', ...headerFormatArguments, sha, '--'], undefined, (batch) => header.push(...batch), signal);
  return { sha, authorName: '', authorEmail: '', authorDate: '', ...header[0], files: [], degraded: reason };
}

/**
 * Runs `git log` into the parser, decoding its output as UTF-8 (invalid bytes, as in old non-UTF-8
 * author names, become U+FFFD). Returns the GitError of a run that failed on a missing object, which
 * delivers nothing of the commit it stopped in: that commit's record is still open in the parser when
 * git exits. Any other failure is thrown.
 */
async function streamLog(root: string, args: string[], input: string | undefined, deliver: (commits: CommitRecord[]) => void, signal?: AbortSignal): Promise<GitError | undefined> {
  const parser = new LogParser();
  const decoder = new TextDecoder('utf-8');
  try {
    await runGit(root, args, { signal, ...(input === undefined ? {} : { input }), onOutput: (chunk) => deliver(parser.push(decoder.decode(chunk, { stream: true }))) });
  } catch (error) {
    if (error instanceof GitError && error.missingObject) return error;
    throw error;
  }
  deliver(parser.push(decoder.decode()));
  deliver(parser.end());
  return undefined;
}

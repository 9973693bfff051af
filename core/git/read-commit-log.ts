import { spawn } from 'node:child_process';
import type { CommitRecord } from '../../analyzers/history/commit-record.js';
import { LogParser, logFormatArguments, namesOnlyFormatArguments } from '../../analyzers/history/log-parser.js';
import { gitClient, gitEnvironment, gitReason } from './git-client.js';

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
  let run = await streamLog(root, commitLogArguments(range), undefined, deliver, signal);
  let order: string[] | undefined;
  while (!run.ok) {
    if (!isMissingObject(run.stderr)) throw new Error(`git log failed: ${gitReason(new Error(run.stderr))}`);
    order ??= (await gitClient(root, signal).raw(['rev-list', '--no-merges', range, '--'])).split('\n').filter(Boolean);
    const remaining = order.filter((sha) => !seen.has(sha));
    const failing = remaining[0];
    if (failing === undefined) break;
    // git may die on the commit after the last one it finished (rename detection reads blobs before
    // the header is printed): read the first unfinished commit alone before taking its lines away.
    const alone: CommitRecord[] = [];
    const single = await streamLog(root, ['log', ...logOptions, ...logFormatArguments, '--no-walk', failing, '--'], undefined, (batch) => alone.push(...batch), signal);
    deliver(single.ok ? alone : [await readWithoutLines(root, failing, gitReason(new Error(single.stderr)), signal)]);
    const rest = remaining.slice(1);
    if (rest.length === 0) break;
    run = await streamLog(root, ['log', ...logOptions, ...logFormatArguments, '--no-walk=unsorted', '--stdin', '--'], `${rest.join('\n')}\n`, deliver, signal);
  }
}

function isMissingObject(stderr: string): boolean {
  return /unable to read|could not read|missing (blob|tree|object)|bad object|not a valid object/i.test(stderr);
}

/** The commit's changed paths from the trees alone (no content needed), or none when even those are missing. */
async function readWithoutLines(root: string, sha: string, reason: string, signal?: AbortSignal): Promise<CommitRecord> {
  const commits: CommitRecord[] = [];
  const run = await streamLog(root, ['log', '--no-walk', '--no-renames', '--no-color', ...namesOnlyFormatArguments, sha, '--'], undefined, (batch) => commits.push(...batch), signal);
  const commit = run.ok ? commits[0] : undefined;
  if (commit) return { ...commit, degraded: reason };
  const header = (await gitClient(root, signal).raw(['log', '--no-walk', '--format=%H%x1f%aN%x1f%aE%x1f%aI', sha])).trim().split('\x1f');
  return { sha, authorName: header[1] ?? '', authorEmail: header[2] ?? '', authorDate: header[3] ?? '', files: [], degraded: reason };
}

interface StreamedRun {
  ok: boolean;
  stderr: string;
}

/**
 * Runs git with an argument array, decoding its output as UTF-8 (invalid bytes, as in old non-UTF-8
 * author names, become U+FFFD) into the parser. A failed run delivers nothing of the commit it
 * stopped in: that commit's record is still pending in the parser when git exits.
 */
function streamLog(root: string, args: string[], input: string | undefined, deliver: (commits: CommitRecord[]) => void, signal?: AbortSignal): Promise<StreamedRun> {
  return new Promise((resolve, reject) => {
    // No stdin unless there is input: git may exit before an unused pipe is closed, failing the write with EPIPE.
    const git = spawn('git', args, { cwd: root, env: gitEnvironment, signal, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    const parser = new LogParser();
    const decoder = new TextDecoder('utf-8');
    let stderr = '';
    let failure: unknown;
    git.stdout!.on('data', (chunk: Buffer) => {
      if (failure !== undefined) return;
      try {
        deliver(parser.push(decoder.decode(chunk, { stream: true })));
      } catch (error) {
        failure = error;
        git.kill();
      }
    });
    git.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    git.on('error', (error) => {
      failure ??= error;
    });
    git.on('close', (code) => {
      if (failure !== undefined) return reject(failure);
      if (code !== 0) return resolve({ ok: false, stderr: stderr.trim() || `git exited with ${code}` });
      try {
        deliver(parser.push(decoder.decode()));
        deliver(parser.end());
        resolve({ ok: true, stderr });
      } catch (error) {
        reject(error);
      }
    });
    if (input !== undefined) {
      git.stdin!.on('error', (error) => {
        failure ??= error;
      });
      git.stdin!.end(input);
    }
  });
}

import { execFile } from 'node:child_process';
import type { CommitRecord } from '../../analyzers/history/commit-record.js';
import { gitClient, gitEnvironment } from '../git/git-client.js';
import { readCommitLog } from '../git/read-commit-log.js';
import type { Database } from '../store/database.js';
import { HistoryLogStore } from '../store/history-log-store.js';

/** Bumped when the reader would store different commits or changes for the same history. */
const readerSettings = 'reader 1: no merges, renames, numstat';

export interface HistoryLogRead {
  /** `full`: read from scratch; `incremental`: only commits after the last read; `rewritten`: the old tip is gone, re-read from the merge base; `unchanged`: nothing new. */
  mode: 'full' | 'incremental' | 'rewritten' | 'unchanged';
  /** Commits read from git now. */
  read: number;
  /** Commits dropped because history was rewritten. */
  dropped: number;
  /** Commits in the log after the read. */
  stored: number;
  degraded: { sha: string; reason: string }[];
  /** Bringing the stored log up to date: asking git, parsing, storing (not loading it back for the analyses). */
  durationMs: number;
}

interface UpdateOptions {
  db: Database;
  root: string;
  /** The commit to read up to (the scanned HEAD). */
  tip: string;
  signal: AbortSignal;
  /** Commits read so far, as they arrive. */
  onProgress?(read: number): void;
  now?: () => Date;
}

/**
 * Brings the stored log of a repository up to `tip`, reading from git only what is not stored yet:
 * nothing when the tip is unchanged, `old..tip` when the old tip is an ancestor, and from the merge
 * base when history was rewritten (the commits that left it are dropped). Returns the whole log.
 */
export async function updateHistoryLog({ db, root, tip, signal, onProgress, now = () => new Date() }: UpdateOptions): Promise<{ commits: CommitRecord[]; read: HistoryLogRead }> {
  const started = performance.now();
  const store = new HistoryLogStore(db);
  const stored = store.find(root);
  const git = gitClient(root, signal);
  const known = stored?.settings === readerSettings ? stored : undefined;

  let mode: HistoryLogRead['mode'] = 'full';
  let range = tip;
  let drop: string[] = [];
  if (known && known.tip === tip) mode = 'unchanged';
  else if (known && (await isAncestor(root, known.tip, tip, signal))) {
    mode = 'incremental';
    range = `${known.tip}..${tip}`;
  } else if (known) {
    const base = (await git.raw(['merge-base', known.tip, tip]).catch(() => '')).trim();
    if (base) {
      mode = 'rewritten';
      range = `${base}..${tip}`;
      drop = (await git.raw(['rev-list', '--no-merges', `${base}..${known.tip}`, '--'])).split('\n').filter(Boolean);
    }
  }

  let id = known?.id;
  let read = 0;
  if (mode !== 'unchanged') {
    const writer = store.begin(root, readerSettings, mode === 'full');
    await readCommitLog(
      root,
      range,
      (batch) => {
        writer.append(batch);
        read += batch.length;
        onProgress?.(read);
      },
      signal,
    );
    signal.throwIfAborted();
    id = writer.finish(tip, drop, now());
  }
  const durationMs = Math.round(performance.now() - started);
  const commits = store.load(id!);
  const stats: HistoryLogRead = {
    mode,
    read,
    dropped: drop.length,
    stored: commits.length,
    degraded: commits.flatMap((commit) => (commit.degraded === undefined ? [] : [{ sha: commit.sha, reason: commit.degraded }])),
    durationMs,
  };
  return { commits, read: stats };
}

/** `git merge-base --is-ancestor` answers by exit code alone: 0 yes, 1 no (or an unknown commit). */
function isAncestor(root: string, ancestor: string, descendant: string, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    execFile('git', ['merge-base', '--is-ancestor', ancestor, descendant], { cwd: root, env: gitEnvironment, signal }, (error) => resolve(error === null));
  });
}

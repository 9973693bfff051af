import type { CommitRecord } from '../../../analyzers/history/commit-record.js';
import { GitError, readGit } from '../../git/git-runner.js';
import { readCommitLog } from '../../git/read-commit-log.js';
import type { Database } from '../../store/database.js';
import { HistoryLogStore } from '../../store/history-log-store.js';

/** Bumped when the reader would store different commits or changes for the same history. */
const readerSettings = 'reader 3: no merges, renames, numstat, NUL-delimited fields, authors as committed (before .mailmap)';

export interface HistoryLogRead {
  /**
   * `full`: read from scratch; `incremental`: only the commits since the last read; `rewritten`: as
   * incremental, and commits the old tip had but this one does not were dropped; `unchanged`: nothing
   * new; `as of`: a past commit's, taken from the stored log of a later one (nothing read, nothing moved).
   */
  mode: 'full' | 'incremental' | 'rewritten' | 'unchanged' | 'as of';
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
  /** The work tree git runs in. */
  root: string;
  /** Which stored log to bring up to date: the repository's root commits, shared by its clones and worktrees. */
  repository: string;
  /** The commit to read up to (the scanned HEAD). */
  tip: string;
  signal: AbortSignal;
  /** Commits read so far, of how many this read has (a full read: of `estimate`). */
  onProgress?(read: number, total: number): void;
  /** The commits a full read will find, roughly (counting them exactly would walk the history once more). */
  estimate: number;
  now?: () => Date;
}

/** Another process may move the log while this one reads; the read then starts again from the moved log. */
const attempts = 3;

/**
 * Brings the stored log of a repository up to `tip`, reading from git only what is not stored yet:
 * nothing when the tip is unchanged, else exactly the commits `tip` has and the old tip had not
 * (`old..tip`), dropping those the old tip had and `tip` has not (history rewritten). Without a
 * usable old tip (first read, other settings, an object git no longer has) it reads everything.
 * Returns the whole log.
 */
export async function updateHistoryLog({ db, root, repository, tip, signal, onProgress, estimate, now = () => new Date() }: UpdateOptions): Promise<{ commits: CommitRecord[]; read: HistoryLogRead }> {
  const started = performance.now();
  const store = new HistoryLogStore(db);
  for (let attempt = 1; ; attempt++) {
    const stored = store.find(repository);
    const base = stored?.settings === readerSettings ? stored : undefined;
    const plan = await planRead(root, base?.tip, tip, estimate, signal);
    let read = 0;
    if (plan.mode !== 'unchanged') {
      const writer = store.begin(repository, readerSettings, plan.mode === 'full' ? undefined : base, now());
      await readCommitLog(
        root,
        plan.range,
        (batch) => {
          writer.append(batch);
          read += batch.length;
          onProgress?.(read, plan.total);
        },
        signal,
      );
      signal.throwIfAborted();
      if (!writer.finish(tip, plan.drop) && attempt < attempts) continue;
    }
    const durationMs = Math.round(performance.now() - started);
    const commits = loadLog(store, store.find(repository)!);
    const stats: HistoryLogRead = {
      mode: plan.mode,
      read,
      dropped: plan.drop.length,
      stored: commits.length,
      degraded: commits.flatMap((commit) => (commit.degraded === undefined ? [] : [{ sha: commit.sha, reason: commit.degraded }])),
      durationMs,
    };
    return { commits, read: stats };
  }
}

interface ReadPlan {
  mode: HistoryLogRead['mode'];
  range: string;
  /** Commits to read (for progress). */
  total: number;
  drop: string[];
}

/** What to read: `old..tip` and what to drop (`tip..old`) when git still has the old tip, else everything. */
async function planRead(root: string, oldTip: string | undefined, tip: string, estimate: number, signal: AbortSignal): Promise<ReadPlan> {
  const count = async (range: string): Promise<number> => Number((await readGit(root, ['rev-list', '--count', '--no-merges', range, '--'], { signal })).trim());
  if (oldTip === tip) return { mode: 'unchanged', range: '', total: 0, drop: [] };
  if (oldTip !== undefined) {
    // git no longer having the old tip (garbage-collected after a rewrite) means a full read.
    const drop = await readGit(root, ['rev-list', '--no-merges', `${tip}..${oldTip}`, '--'], { signal }).then(
      (output) => output.split('\n').filter(Boolean),
      (error: unknown) => {
        if (error instanceof GitError) return undefined;
        throw error;
      },
    );
    if (drop) return { mode: drop.length > 0 ? 'rewritten' : 'incremental', range: `${oldTip}..${tip}`, total: await count(`${oldTip}..${tip}`), drop };
  }
  return { mode: 'full', range: tip, total: estimate, drop: [] };
}

/** The stored log last loaded in this thread: a backfill's planning and each of its commits read the same one. */
let lastLoaded: { key: string; commits: CommitRecord[] } | undefined;

/** A stored log's commits, loaded once for as long as it does not move (by id, tip and read). */
function loadLog(store: HistoryLogStore, stored: { id: number; tip: string; reads: number }): CommitRecord[] {
  const key = `${stored.id}\0${stored.tip}\0${stored.reads}`;
  if (lastLoaded?.key !== key) lastLoaded = { key, commits: store.load(stored.id) };
  return lastLoaded.commits;
}

/**
 * The log as of a past commit (a backfill), without moving the stored log: when the stored log's tip
 * descends from the commit, its commits that the commit reaches (one `git rev-list`); else the
 * commit's log read from git into memory (nothing stored: the stored log stays at its tip).
 */
export async function historyLogAsOf({ db, root, repository, commit, signal }: Pick<UpdateOptions, 'db' | 'root' | 'repository' | 'signal'> & { commit: string }): Promise<{ commits: CommitRecord[]; read: HistoryLogRead }> {
  const started = performance.now();
  const store = new HistoryLogStore(db);
  const stored = store.find(repository);
  const usable = stored?.settings === readerSettings && (await isAncestor(root, commit, stored.tip, signal));
  let commits: CommitRecord[];
  let read = 0;
  if (usable) {
    const reached = new Set((await readGit(root, ['rev-list', '--no-merges', commit, '--'], { signal })).split('\n').filter(Boolean));
    commits = loadLog(store, stored).filter((entry) => reached.has(entry.sha));
  } else {
    commits = [];
    await readCommitLog(root, commit, (batch) => void commits.push(...batch), signal);
    read = commits.length;
  }
  const degraded = commits.flatMap((entry) => (entry.degraded === undefined ? [] : [{ sha: entry.sha, reason: entry.degraded }]));
  return { commits, read: { mode: usable ? 'as of' : 'full', read, dropped: 0, stored: commits.length, degraded, durationMs: Math.round(performance.now() - started) } };
}

async function isAncestor(root: string, commit: string, tip: string, signal: AbortSignal): Promise<boolean> {
  return readGit(root, ['merge-base', '--is-ancestor', commit, tip], { signal }).then(
    () => true,
    (error: unknown) => {
      if (error instanceof GitError) return false;
      throw error;
    },
  );
}

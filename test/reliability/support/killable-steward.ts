import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { stewardBin } from '../../support/cli.js';

/**
 * Steward started so that it can be killed as a crash kills it: in a process group of its own, so
 * that SIGKILL to the group takes its git children down with it mid-write (the gates of a draft run
 * in groups of their own and outlive it, as they would after a real crash, until the next start).
 */
export interface KillableSteward {
  child: ChildProcess;
  exited: Promise<number | null>;
  /** Whether it has exited by itself. */
  ended(): boolean;
  output(): { stdout: string; stderr: string };
  /** SIGKILL to the whole group; resolves once the process is gone. */
  kill(): Promise<void>;
  /** Ctrl-C, as a user stops `steward serve`; resolves once it has exited. */
  stop(): Promise<void>;
}

export function spawnKillable(home: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): KillableSteward {
  const child = spawn(process.execPath, [stewardBin, ...args], {
    env: { ...process.env, STEWARD_HOME: home, CI: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let done = false;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code))).finally(() => (done = true));
  return {
    child,
    exited,
    ended: () => done,
    output: () => ({ stdout, stderr }),
    async kill() {
      if (!done) {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // Gone between the check and the kill.
        }
      }
      await exited;
    },
    async stop() {
      if (!done) child.kill('SIGINT');
      await exited;
    },
  };
}

/** The HTTP API of a `steward serve` started by `spawnKillable`, once it has printed its address and per-launch token. */
export interface ServerApi {
  call<T>(route: string, payload: unknown): Promise<T>;
}

export async function serverApi(server: KillableSteward): Promise<ServerApi> {
  const url = await new Promise<URL>((resolve, reject) => {
    const look = (): void => {
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(server.output().stdout);
      if (match) resolve(new URL(match[1]!));
    };
    look();
    server.child.stdout!.on('data', look);
    void server.exited.then((code) => reject(new Error(`steward serve exited with ${code} before it was ready: ${server.output().stderr}`)));
  });
  const token = url.searchParams.get('token')!;
  return {
    async call<T>(route: string, payload: unknown): Promise<T> {
      const response = await fetch(`${url.origin}/api/${route}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(payload) });
      const envelope = (await response.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
      if (!envelope.ok) throw new Error(`${route}: ${envelope.error.code}: ${envelope.error.message}`);
      return envelope.value;
    },
  };
}

export interface WatchedState {
  locks: string | null;
  facts: number;
  history: number;
  blobs: number;
  snapshots: number;
  items: number;
  backfill: string | null;
  drafts: string | null;
  audit: number;
  worktrees: string[];
}

/** What can be seen of an operation from outside, read again and again: a key that changes as it goes, and what it says (undefined when it cannot be read this time). */
export interface OperationWatcher<State> {
  read(): { key: string; state: State | null } | undefined;
  close(): void;
}

/**
 * What can be seen of an operation from outside, as one string that changes as the operation goes:
 * the rows it has written to the database (file facts cached, the history log read, locks, snapshots,
 * inventory, backfill plan, drafts, their steps and audit log) and the draft worktrees it has made.
 * A kill point is "after the Nth change of this", which spreads kills over the whole operation
 * whatever the machine's speed.
 */
export class StateWatcher implements OperationWatcher<WatchedState> {
  private db: BetterSqlite3.Database | undefined;

  constructor(
    private readonly home: string,
    private readonly repository: string,
  ) {}

  /** The state now, and its key (undefined when it cannot be read this time). */
  read(): { key: string; state: WatchedState | null } | undefined {
    const file = join(this.home, 'steward.db');
    if (!this.db) {
      if (!existsSync(file)) return { key: 'no database', state: null };
      try {
        this.db = new BetterSqlite3(file, { readonly: true, fileMustExist: true, timeout: 50 });
      } catch {
        return undefined;
      }
    }
    try {
      const counts = this.db
        .prepare(
          `SELECT (SELECT group_concat(purpose) FROM scan_locks) AS locks, (SELECT count(*) FROM file_facts) AS facts, (SELECT count(*) FROM history_commits) AS history,
                  (SELECT count(*) FROM blob_memo) AS blobs, (SELECT count(*) FROM snapshots) AS snapshots, (SELECT count(*) FROM debt_items) AS items,
                  (SELECT group_concat(state || ':' || points) FROM backfill_jobs) AS backfill,
                  (SELECT group_concat(state || ':' || coalesce(step, '')) FROM drafts) AS drafts, (SELECT count(*) FROM draft_audit) AS audit`,
        )
        .get() as Omit<WatchedState, 'worktrees'>;
      const worktrees = [join(this.home, 'worktrees'), join(this.repository, '.git', 'worktrees')].map((folder) => (existsSync(folder) ? readdirSync(folder).join(',') : ''));
      const state = { ...counts, worktrees };
      return { key: JSON.stringify(state), state };
    } catch {
      // The schema is being made (the first start), or the database is busy: no reading this time.
      return undefined;
    }
  }

  close(): void {
    this.db?.close();
    this.db = undefined;
  }
}

/**
 * Follows the operation's states until the `killAt`-th change (then kills it) or until it is done.
 * Returns how many changes were seen and whether the kill came before the end.
 */
export async function killAfterStates<State>(target: KillableSteward, watcher: OperationWatcher<State>, killAt: number, done: (state: State) => boolean): Promise<{ states: number; killed: boolean }> {
  let last: string | undefined;
  let states = 0;
  try {
    for (;;) {
      const now = watcher.read();
      if (now !== undefined && now.key !== last) {
        last = now.key;
        states++;
      }
      if (states >= killAt) {
        await target.kill();
        return { states, killed: true };
      }
      if (target.ended() || (now?.state && done(now.state))) return { states, killed: false };
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    watcher.close();
  }
}

import { randomUUID } from 'node:crypto';
import type { CommitRecord, FileChange } from '../../analyzers/history/commit-record.js';
import type { Database } from './database.js';

interface StoredLog {
  id: number;
  settings: string;
  tip: string;
  reads: number;
}

/** A read in progress: commits go in as they arrive, and the log moves to the new tip at `finish`. */
interface LogWriter {
  append(commits: readonly CommitRecord[]): void;
  /**
   * Moves the log to `tip` in one transaction, dropping the commits history no longer has; false
   * (and nothing changed) when another process moved the log since this read began.
   */
  finish(tip: string, drop: readonly string[]): boolean;
}

/** Within one read, a commit's position: reads stack above each other, and each read comes newest first. */
const positionsPerRead = 1_000_000_000;

/** A read's staging log is named after the repository plus this and an id of its own. */
const stagingMarker = '\u001freading\u001f';

/** Staging logs older than this were left by a process that stopped; younger ones may still be in use. */
const staleStagingMs = 24 * 60 * 60 * 1000;

/**
 * The commits read from git per repository (named by its root commits, so that every clone and
 * worktree of it shares one log), so that a re-scan reads only what is new. Each read
 * writes into a staging log of its own, in batches while git streams, never holding the whole log; at
 * the end one transaction replaces the log (a full read) or moves the new commits into it. An
 * interrupted read leaves the log as it was, and two processes reading one repository do not mix.
 */
export class HistoryLogStore {
  constructor(private readonly db: Database) {}

  find(repository: string): StoredLog | undefined {
    return this.db.prepare<[string], StoredLog>('SELECT id, settings, tip, reads FROM history_logs WHERE repository = ?').get(repository);
  }

  /** Starts a read: of the whole history when `base` is undefined, else of the commits `base` (the log as found) lacks. */
  begin(repository: string, settings: string, base: StoredLog | undefined, now: Date): LogWriter {
    const readSequence = (base?.reads ?? 0) + 1;
    const staging = this.db.transaction(() => {
      this.db
        .prepare('DELETE FROM history_logs WHERE repository > ? AND repository < ? AND read_at < ?')
        .run(`${repository}${stagingMarker}`, `${repository}${stagingMarker}\uffff`, new Date(now.getTime() - staleStagingMs).toISOString());
      return this.db
        .prepare<unknown[], { id: number }>('INSERT INTO history_logs (repository, settings, tip, read_at, reads) VALUES (?, ?, ?, ?, ?) RETURNING id')
        .get(`${repository}${stagingMarker}${randomUUID()}`, settings, '', now.toISOString(), readSequence)!.id;
    })();
    const insertCommit = this.db.prepare(
      'INSERT INTO history_commits (log_id, sha, position, author_name, author_email, author_date, degraded) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const insertChange = this.db.prepare('INSERT INTO history_file_changes (log_id, sha, path, previous_path, added, deleted, "binary") VALUES (?, ?, ?, ?, ?, ?, ?)');
    let index = 0;
    const append = this.db.transaction((commits: readonly CommitRecord[]) => {
      for (const commit of commits) {
        insertCommit.run(staging, commit.sha, readSequence * positionsPerRead - index++, commit.authorName, commit.authorEmail, commit.authorDate, commit.degraded ?? null);
        for (const file of commit.files) insertChange.run(staging, commit.sha, file.path, file.previousPath ?? null, file.added, file.deleted, file.binary ? 1 : 0);
      }
    });
    const finish = this.db.transaction((tip: string, drop: readonly string[]): boolean => {
      const current = this.find(repository);
      if (base === undefined) {
        if (current) this.db.prepare('DELETE FROM history_logs WHERE id = ?').run(current.id);
        this.db.prepare('UPDATE history_logs SET repository = ?, tip = ? WHERE id = ?').run(repository, tip, staging);
        return true;
      }
      return this.moveInto(current, base, staging, tip, drop);
    });
    // IMMEDIATE: `finish` reads the log before it moves it, and a deferred transaction cannot wait for another process's write.
    return { append: (commits) => append(commits), finish: (tip, drop) => finish.immediate(tip, drop) };
  }

  /** The new commits join the log as it was when the read began; false when it has moved since. */
  private moveInto(current: StoredLog | undefined, base: StoredLog, staging: number, tip: string, drop: readonly string[]): boolean {
    const moved = current !== undefined && current.id === base.id && current.reads === base.reads && current.tip === base.tip;
    if (moved) {
      const dropCommit = this.db.prepare('DELETE FROM history_commits WHERE log_id = ? AND sha = ?');
      for (const sha of drop) dropCommit.run(base.id, sha);
      this.db
        .prepare(
          `INSERT INTO history_commits (log_id, sha, position, author_name, author_email, author_date, degraded)
           SELECT ?, sha, position, author_name, author_email, author_date, degraded FROM history_commits WHERE log_id = ?`,
        )
        .run(base.id, staging);
      this.db
        .prepare(
          `INSERT INTO history_file_changes (log_id, sha, path, previous_path, added, deleted, "binary")
           SELECT ?, sha, path, previous_path, added, deleted, "binary" FROM history_file_changes WHERE log_id = ?`,
        )
        .run(base.id, staging);
      this.db.prepare('UPDATE history_logs SET tip = ?, reads = ? WHERE id = ?').run(tip, base.reads + 1, base.id);
    }
    this.db.prepare('DELETE FROM history_logs WHERE id = ?').run(staging);
    return moved;
  }

  /** Every stored commit with its file changes, newest first. */
  load(id: number): CommitRecord[] {
    const commits = new Map<string, CommitRecord>();
    const rows = this.db
      .prepare<[number], { sha: string; author_name: string; author_email: string; author_date: string; degraded: string | null }>(
        'SELECT sha, author_name, author_email, author_date, degraded FROM history_commits WHERE log_id = ? ORDER BY position DESC',
      )
      .iterate(id);
    for (const row of rows) {
      commits.set(row.sha, {
        sha: row.sha,
        authorName: row.author_name,
        authorEmail: row.author_email,
        authorDate: row.author_date,
        files: [],
        ...(row.degraded === null ? {} : { degraded: row.degraded }),
      });
    }
    const changes = this.db
      .prepare<[number], { sha: string; path: string; previous_path: string | null; added: number; deleted: number; binary: number }>(
        'SELECT sha, path, previous_path, added, deleted, "binary" FROM history_file_changes WHERE log_id = ?',
      )
      .iterate(id);
    for (const row of changes) {
      const file: FileChange = { path: row.path, added: row.added, deleted: row.deleted, binary: row.binary === 1 };
      if (row.previous_path !== null) file.previousPath = row.previous_path;
      commits.get(row.sha)?.files.push(file);
    }
    return [...commits.values()];
  }
}

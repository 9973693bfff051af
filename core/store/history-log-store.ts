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
  /** Moves the log to `tip` in one transaction, dropping the commits history no longer has. */
  finish(tip: string, drop: readonly string[], readAt: Date): number;
}

/** Within one read, a commit's position: reads stack above each other, and each read comes newest first. */
const positionsPerRead = 1_000_000_000;

/** Suffix of the root under which a full re-read is written, so the previous log stays whole until it is done. */
const stagingSuffix = '\0reading';

/**
 * The commits read from git per repository root, so that a re-scan reads only what is new. Commits
 * are written in batches while git streams them, never all held at once; a log's tip moves only when
 * its read is complete, so an interrupted read leaves the previous log as it was.
 */
export class HistoryLogStore {
  constructor(private readonly db: Database) {}

  find(root: string): StoredLog | undefined {
    return this.db.prepare<[string], StoredLog>('SELECT id, settings, tip, reads FROM history_logs WHERE root = ?').get(root);
  }

  /**
   * Starts a read. A full read writes a staging log that replaces the old one at `finish`; a
   * read of new commits adds to the existing log (skipping commits it already has, which an
   * interrupted earlier read may have left).
   */
  begin(root: string, settings: string, full: boolean): LogWriter {
    const existing = full ? undefined : this.find(root);
    const { id, readSequence } = this.db.transaction(() => {
      this.db.prepare('DELETE FROM history_logs WHERE root = ?').run(root + stagingSuffix);
      if (existing) {
        this.db.prepare('UPDATE history_logs SET reads = reads + 1 WHERE id = ?').run(existing.id);
        return { id: existing.id, readSequence: existing.reads + 1 };
      }
      const inserted = this.db
        .prepare('INSERT INTO history_logs (root, settings, tip, read_at, reads) VALUES (?, ?, ?, ?, 1)')
        .run(root + stagingSuffix, settings, '', new Date(0).toISOString());
      return { id: Number(inserted.lastInsertRowid), readSequence: 1 };
    })();
    const insertCommit = this.db.prepare(
      'INSERT OR IGNORE INTO history_commits (log_id, sha, position, author_name, author_email, author_date, degraded) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const movePosition = this.db.prepare('UPDATE history_commits SET position = ? WHERE log_id = ? AND sha = ?');
    const insertChange = this.db.prepare('INSERT INTO history_file_changes (log_id, sha, path, previous_path, added, deleted, binary) VALUES (?, ?, ?, ?, ?, ?, ?)');
    let index = 0;
    const append = this.db.transaction((commits: readonly CommitRecord[]) => {
      for (const commit of commits) {
        const position = readSequence * positionsPerRead - index++;
        const inserted = insertCommit.run(id, commit.sha, position, commit.authorName, commit.authorEmail, commit.authorDate, commit.degraded ?? null);
        if (inserted.changes === 0) {
          // Left by an interrupted read: it takes its place in this one.
          movePosition.run(position, id, commit.sha);
          continue;
        }
        for (const file of commit.files) insertChange.run(id, commit.sha, file.path, file.previousPath ?? null, file.added, file.deleted, file.binary ? 1 : 0);
      }
    });
    return {
      append: (commits) => append(commits),
      finish: (tip, drop, readAt) =>
        this.db.transaction(() => {
          if (!existing) this.db.prepare('DELETE FROM history_logs WHERE root = ?').run(root);
          const dropCommit = this.db.prepare('DELETE FROM history_commits WHERE log_id = ? AND sha = ?');
          for (const sha of drop) dropCommit.run(id, sha);
          this.db.prepare('UPDATE history_logs SET root = ?, settings = ?, tip = ?, read_at = ? WHERE id = ?').run(root, settings, tip, readAt.toISOString(), id);
          return id;
        })(),
    };
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
        'SELECT sha, path, previous_path, added, deleted, binary FROM history_file_changes WHERE log_id = ?',
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

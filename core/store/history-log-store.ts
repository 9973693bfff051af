import type { CommitRecord, FileChange } from '../../analyzers/history/commit-record.js';
import type { Database } from './database.js';

interface StoredLog {
  id: number;
  settings: string;
  tip: string;
}

interface LogChange {
  /** Start over: forget every stored commit first. */
  reset: boolean;
  /** Commits no longer reachable (history was rewritten), to forget. */
  drop: readonly string[];
  /** New commits, newest first: they go above every stored one. */
  add: readonly CommitRecord[];
}

/** The commits read from git per repository root, so that a re-scan reads only what is new. */
export class HistoryLogStore {
  constructor(private readonly db: Database) {}

  find(root: string): StoredLog | undefined {
    return this.db.prepare<[string], StoredLog>('SELECT id, settings, tip FROM history_logs WHERE root = ?').get(root);
  }

  /** Applies a read in one transaction: the stored log moves to `tip` completely or not at all. */
  save(root: string, settings: string, tip: string, change: LogChange, readAt: Date): number {
    return this.db.transaction(() => {
      const existing = this.find(root);
      let id: number;
      if (existing) {
        id = existing.id;
        this.db.prepare('UPDATE history_logs SET settings = ?, tip = ?, read_at = ? WHERE id = ?').run(settings, tip, readAt.toISOString(), id);
      } else {
        id = Number(this.db.prepare('INSERT INTO history_logs (root, settings, tip, read_at) VALUES (?, ?, ?, ?)').run(root, settings, tip, readAt.toISOString()).lastInsertRowid);
      }
      if (change.reset) this.db.prepare('DELETE FROM history_commits WHERE log_id = ?').run(id);
      const dropCommit = this.db.prepare('DELETE FROM history_commits WHERE log_id = ? AND sha = ?');
      for (const sha of change.drop) dropCommit.run(id, sha);
      const top = this.db.prepare<[number], { top: number | null }>('SELECT MAX(position) AS top FROM history_commits WHERE log_id = ?').get(id)?.top ?? 0;
      const insertCommit = this.db.prepare(
        'INSERT OR REPLACE INTO history_commits (log_id, sha, position, author_name, author_email, author_date, degraded) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      const insertChange = this.db.prepare('INSERT INTO history_file_changes (log_id, sha, path, previous_path, added, deleted, binary) VALUES (?, ?, ?, ?, ?, ?, ?)');
      change.add.forEach((commit, index) => {
        insertCommit.run(id, commit.sha, top + change.add.length - index, commit.authorName, commit.authorEmail, commit.authorDate, commit.degraded ?? null);
        for (const file of commit.files) insertChange.run(id, commit.sha, file.path, file.previousPath ?? null, file.added, file.deleted, file.binary ? 1 : 0);
      });
      return id;
    })();
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

import type { Repository } from '../api/repositories.js';
import type { Database } from './database.js';
import { latestSnapshotSummaries } from './snapshots.js';

interface RepositoryRow {
  id: number;
  path: string;
  name: string;
  added_at: string;
}

const columns = 'id, path, name, added_at';

function toRepositories(db: Database, rows: readonly RepositoryRow[]): Repository[] {
  const latest = latestSnapshotSummaries(db, rows.map((row) => row.id));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    path: row.path,
    addedAt: row.added_at,
    latestSnapshot: latest.get(row.id) ?? null,
  }));
}

function toRepository(db: Database, row: RepositoryRow): Repository {
  return toRepositories(db, [row])[0]!;
}

export function listRepositories(db: Database): Repository[] {
  const rows = db
    .prepare<[], RepositoryRow>(`SELECT ${columns} FROM repositories WHERE removed_at IS NULL ORDER BY lower(name), id`)
    .all();
  return toRepositories(db, rows);
}

export function findRepository(db: Database, id: number): Repository | undefined {
  const row = db
    .prepare<[number], RepositoryRow>(`SELECT ${columns} FROM repositories WHERE id = ? AND removed_at IS NULL`)
    .get(id);
  return row && toRepository(db, row);
}

export function findRepositoryByPath(db: Database, path: string): Repository | undefined {
  const row = db
    .prepare<[string], RepositoryRow>(`SELECT ${columns} FROM repositories WHERE path = ? AND removed_at IS NULL`)
    .get(path);
  return row && toRepository(db, row);
}

/**
 * Registers a repository, or brings back one that was removed (with its history), and returns it.
 * Adding a path that is already registered returns the existing entry.
 */
export function addRepository(db: Database, path: string, name: string, now: Date): Repository {
  const row = db
    .prepare<[string, string, string], RepositoryRow>(
      `INSERT INTO repositories (path, name, added_at) VALUES (?, ?, ?)
       ON CONFLICT (path) DO UPDATE SET removed_at = NULL, added_at = CASE WHEN repositories.removed_at IS NULL THEN repositories.added_at ELSE excluded.added_at END
       RETURNING ${columns}`,
    )
    .get(path, name, now.toISOString());
  return toRepository(db, row!);
}

/**
 * Points a repository at the folder it moved to, its history kept. Null when another registered
 * repository (or a removed one, whose history adding it again would bring back) has that folder.
 */
export function relocateRepository(db: Database, id: number, path: string): Repository | null {
  const taken = db.prepare<[string, number], { id: number }>('SELECT id FROM repositories WHERE path = ? AND id <> ?').get(path, id);
  if (taken) return null;
  db.prepare('UPDATE repositories SET path = ? WHERE id = ?').run(path, id);
  return findRepository(db, id) ?? null;
}

/** Hides a repository from the list; its snapshots stay so that adding it again restores them. */
export function removeRepository(db: Database, id: number, now: Date): boolean {
  const result = db
    .prepare('UPDATE repositories SET removed_at = ? WHERE id = ? AND removed_at IS NULL')
    .run(now.toISOString(), id);
  return result.changes > 0;
}

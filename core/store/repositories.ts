import { hostname } from 'node:os';
import type { Repository } from '../api/repositories.js';
import type { Database } from './database.js';
import { latestSnapshotSummaries } from './snapshots.js';

interface RepositoryRow {
  id: number;
  path: string;
  name: string;
  added_at: string;
}

/** What a folder on this machine holds: its top-level folder, its name, and who it is (core/git/repository-identity.ts). */
export interface RepositoryFolder {
  path: string;
  name: string;
  identity: string | null;
}

/**
 * The machine this Steward runs on: a repository's folder is this machine's (repository_folders);
 * one scanned only elsewhere (CI runners into a team store) shows where it was scanned last.
 */
const host = hostname();

const columns = `r.id, r.name, r.added_at,
  COALESCE((SELECT f.path FROM repository_folders f WHERE f.repository_id = r.id AND f.host = @host ORDER BY f.seen_at DESC LIMIT 1), r.path) AS path`;

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

export function listRepositories(db: Database): Repository[] {
  const rows = db
    .prepare<{ host: string }, RepositoryRow>(`SELECT ${columns} FROM repositories r WHERE r.removed_at IS NULL ORDER BY lower(r.name), r.id`)
    .all({ host });
  return toRepositories(db, rows);
}

export function findRepository(db: Database, id: number): Repository | undefined {
  return findById(db, id, { removed: false });
}

function findById(db: Database, id: number, { removed }: { removed: boolean }): Repository | undefined {
  const row = db
    .prepare<{ host: string; id: number }, RepositoryRow>(`SELECT ${columns} FROM repositories r WHERE r.id = @id${removed ? '' : ' AND r.removed_at IS NULL'}`)
    .get({ host, id });
  return row && toRepositories(db, [row])[0];
}

/** The registered repository a folder holds: the one of its identity, wherever it was scanned from. */
export function findRepositoryInFolder(db: Database, folder: RepositoryFolder): Repository | undefined {
  const match = matchRepository(db, folder, { removed: false });
  return match && findRepository(db, match.id);
}

/**
 * The repository a folder holds: the one of the same identity; else one whose identity is not known
 * yet (stored before identities were, or a shallow clone without a remote) that this machine scanned
 * from this folder (or, stored before folders were kept, from this path).
 */
function matchRepository(db: Database, folder: RepositoryFolder, { removed }: { removed: boolean }): { id: number; identity: string | null } | undefined {
  const shown = removed ? '' : ' AND r.removed_at IS NULL';
  if (folder.identity !== null) {
    const known = db
      .prepare<{ identity: string }, { id: number; identity: string | null }>(`SELECT r.id, r.identity FROM repositories r WHERE r.identity = @identity${shown}`)
      .get({ identity: folder.identity });
    if (known) return known;
  }
  return db
    .prepare<{ host: string; path: string }, { id: number; identity: string | null }>(
      `SELECT r.id, r.identity FROM repositories r
       WHERE r.identity IS NULL${shown} AND (
         EXISTS (SELECT 1 FROM repository_folders f WHERE f.repository_id = r.id AND f.host = @host AND f.path = @path)
         OR (r.path = @path AND NOT EXISTS (SELECT 1 FROM repository_folders f WHERE f.repository_id = r.id)))
       ORDER BY r.id LIMIT 1`,
    )
    .get({ host, path: folder.path });
}

/**
 * Registers the repository a folder holds, or finds it registered (from another folder or machine:
 * one repository, one history), or brings back one that was removed with its history; records the
 * folder as this machine's, and returns the repository.
 */
export function addRepository(db: Database, folder: RepositoryFolder, now: Date): Repository {
  return db.transaction(() => {
    const at = now.toISOString();
    const match = matchRepository(db, folder, { removed: true });
    const id =
      match?.id ??
      // Two machines adding a new repository at once: the second finds the first's row.
      db
        .prepare<{ identity: string | null; path: string; name: string; at: string }, { id: number }>(
          `INSERT INTO repositories (identity, path, name, added_at) VALUES (@identity, @path, @name, @at)
           ON CONFLICT (identity) DO UPDATE SET path = excluded.path RETURNING id`,
        )
        .get({ ...folder, at })!.id;
    db.prepare<{ id: number; path: string; identity: string | null; at: string }>(
      `UPDATE repositories SET
         path = @path,
         added_at = CASE WHEN removed_at IS NULL THEN added_at ELSE @at END,
         removed_at = NULL,
         identity = CASE WHEN identity IS NULL AND NOT EXISTS (SELECT 1 FROM repositories o WHERE o.identity = @identity) THEN @identity ELSE identity END
       WHERE id = @id`,
    ).run({ id, path: folder.path, identity: folder.identity, at });
    recordFolder(db, id, folder.path, now);
    return findById(db, id, { removed: false })!;
  }).immediate();
}

/** This machine has the repository in `path` (a folder holds one repository: another's record of it goes). */
function recordFolder(db: Database, repositoryId: number, path: string, now: Date): void {
  db.prepare<{ id: number; host: string; path: string; at: string }>(
    `INSERT INTO repository_folders (repository_id, host, path, seen_at) VALUES (@id, @host, @path, @at)
     ON CONFLICT (host, path) DO UPDATE SET repository_id = excluded.repository_id, seen_at = excluded.seen_at`,
  ).run({ id: repositoryId, host, path, at: now.toISOString() });
}

/**
 * Points a repository at the folder it moved to on this machine, its history kept. Null when another
 * registered repository (or a removed one, whose history adding it again would bring back) is in that folder.
 */
export function relocateRepository(db: Database, id: number, path: string, now: Date): Repository | null {
  return db.transaction(() => {
    const taken = db
      .prepare<{ id: number; host: string; path: string }, { id: number }>(
        `SELECT r.id FROM repositories r WHERE r.id <> @id AND (
           EXISTS (SELECT 1 FROM repository_folders f WHERE f.repository_id = r.id AND f.host = @host AND f.path = @path)
           OR (r.path = @path AND NOT EXISTS (SELECT 1 FROM repository_folders f WHERE f.repository_id = r.id)))`,
      )
      .get({ id, host, path });
    if (taken) return null;
    db.prepare<{ id: number; host: string }>('DELETE FROM repository_folders WHERE repository_id = @id AND host = @host').run({ id, host });
    db.prepare<{ id: number; path: string }>('UPDATE repositories SET path = @path WHERE id = @id').run({ id, path });
    recordFolder(db, id, path, now);
    return findRepository(db, id) ?? null;
  }).immediate();
}

/** Hides a repository from the list; its snapshots stay so that adding it again restores them. */
export function removeRepository(db: Database, id: number, now: Date): boolean {
  const result = db
    .prepare('UPDATE repositories SET removed_at = ? WHERE id = ? AND removed_at IS NULL')
    .run(now.toISOString(), id);
  return result.changes > 0;
}

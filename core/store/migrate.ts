import type { Database } from 'better-sqlite3';
import { StewardError } from '../api/errors.js';
import { type Migration, migrations as allMigrations } from './migrations/index.js';

interface MigrationResult {
  from: number;
  to: number;
  /** Where the database was copied before migrating; null when there was nothing to keep. */
  backupFile: string | null;
}

/**
 * Brings the schema to the newest version. Before touching a database that holds data, it writes a
 * full copy next to it, so a failed or regretted upgrade loses nothing. Each migration runs in its
 * own IMMEDIATE transaction together with the user_version bump, so two processes starting at once
 * cannot both apply it.
 */
export function migrate(
  db: Database,
  databaseFile: string,
  migrations: readonly Migration[] = allMigrations,
  now: () => Date = () => new Date(),
): MigrationResult {
  const latest = migrations.at(-1)?.version ?? 0;
  const from = userVersion(db);
  if (from > latest) {
    throw new StewardError(
      'unavailable',
      `The database ${databaseFile} was written by a newer Steward (schema ${from}; this version knows up to ${latest}). Update Steward to open it.`,
    );
  }
  const pending = migrations.filter((migration) => migration.version > from);
  if (pending.length === 0) return { from, to: from, backupFile: null };

  let backupFile: string | null = null;
  if (from > 0 && databaseFile !== ':memory:') {
    backupFile = `${databaseFile}.v${from}-${now().toISOString().replace(/[:.]/g, '-')}.backup`;
    db.prepare('VACUUM INTO ?').run(backupFile);
  }
  for (const migration of pending) {
    // Takes effect only outside a transaction.
    if (migration.foreignKeysOff) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        if (userVersion(db) >= migration.version) return;
        db.exec(migration.sql);
        if (migration.foreignKeysOff && (db.pragma('foreign_key_check') as unknown[]).length > 0) {
          throw new StewardError('unavailable', `Upgrading the database ${databaseFile} to schema ${migration.version} would break its references; it was left as it was`);
        }
        db.pragma(`user_version = ${migration.version}`);
      }).immediate();
    } finally {
      if (migration.foreignKeysOff) db.pragma('foreign_keys = ON');
    }
  }
  return { from, to: latest, backupFile };
}

function userVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { StewardError } from '../api/errors.js';
import { isProductCode } from '../../analyzers/discover/code-role.js';
import { migrate } from './migrate.js';

export type { Database };

interface OpenDatabaseOptions {
  /**
   * Path of a better_sqlite3.node built for the running ABI. Electron passes one built for its own
   * ABI; the CLI and tests use the module's default build for Node.
   */
  nativeBinding?: string | undefined;
}

/** Opens (creating if needed) Steward's database and brings its schema up to date. */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  let db: Database;
  try {
    db = new BetterSqlite3(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    throw new StewardError('unavailable', `Cannot open the database ${file}: ${(error as Error).message}`);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 10000');
    // One reading of "product code" for SQL and for the views (a path's item hidden by the toggle).
    db.function('is_product_code', { deterministic: true }, (path: unknown) => (typeof path === 'string' && isProductCode(path) ? 1 : 0));
    migrate(db, file);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof StewardError) throw error;
    throw new StewardError('unavailable', `The database ${file} cannot be used: ${(error as Error).message}`);
  }
}

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { StewardError } from '../api/errors.js';
import { isProductCode } from '../../analyzers/discover/code-role.js';
import type { Database, Statement, Transaction } from './database.js';
import { migrate } from './migrate.js';

export interface OpenSqliteOptions {
  /**
   * Path of a better_sqlite3.node built for the running ABI. Electron passes one built for its own
   * ABI; the CLI and tests use the module's default build for Node.
   */
  nativeBinding?: string | undefined;
}

/** How long a write waits for another connection's before it is refused as busy. */
const busyTimeoutMs = 10_000;

/** The embedded engine: one SQLite file in WAL mode (readers never wait for the writer), opened by each thread that uses it. */
export class SqliteDatabase implements Database {
  readonly engine = 'sqlite';

  constructor(readonly connection: BetterSqlite3.Database) {}

  prepare<Parameters extends unknown[] | object = unknown[], Row = unknown>(sql: string): Statement<Parameters extends unknown[] ? Parameters : [Parameters], Row> {
    return this.connection.prepare<Parameters, Row>(sql) as Statement<Parameters extends unknown[] ? Parameters : [Parameters], Row>;
  }

  exec(sql: string): void {
    this.connection.exec(sql);
  }

  transaction<F extends (...args: never[]) => unknown>(fn: F): Transaction<F> {
    const transaction = this.connection.transaction(fn);
    // One file, one writer: a repository's write lock is the file's.
    return Object.assign(transaction, { ofRepository: () => transaction.immediate }) as unknown as Transaction<F>;
  }

  unlessBusy<T>(write: () => T): T | 'busy' {
    this.connection.pragma('busy_timeout = 0');
    try {
      return write();
    } catch (error) {
      if ((error as { code?: unknown }).code === 'SQLITE_BUSY') return 'busy';
      throw error;
    } finally {
      this.connection.pragma(`busy_timeout = ${busyTimeoutMs}`);
    }
  }

  close(): void {
    this.connection.close();
  }
}

export function openSqliteDatabase(file: string, options: OpenSqliteOptions): SqliteDatabase {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  let connection: BetterSqlite3.Database;
  try {
    connection = new BetterSqlite3(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    throw new StewardError('unavailable', `Cannot open the database ${file}: ${(error as Error).message}`);
  }
  try {
    connection.pragma('journal_mode = WAL');
    connection.pragma('synchronous = NORMAL');
    connection.pragma('foreign_keys = ON');
    connection.pragma(`busy_timeout = ${busyTimeoutMs}`);
    // One reading of "product code" for SQL and for the views (a path's item hidden by the toggle).
    connection.function('is_product_code', { deterministic: true }, (path: unknown) => (typeof path === 'string' && isProductCode(path) ? 1 : 0));
    migrate(connection, file);
    return new SqliteDatabase(connection);
  } catch (error) {
    connection.close();
    if (error instanceof StewardError) throw error;
    throw new StewardError('unavailable', `The database ${file} cannot be used: ${(error as Error).message}`);
  }
}

import { openPostgresDatabase } from './postgres-database.js';
import { openSqliteDatabase, type OpenSqliteOptions } from './sqlite-database.js';

/**
 * Steward's store, as every store module sees it: SQL statements, transactions and a write that
 * does not wait for another connection. One interface, so the embedded SQLite default and a team's
 * PostgreSQL server run the same store code; what only one engine has stays in its own module.
 */
export interface Database {
  readonly engine: 'sqlite' | 'postgres';
  prepare<Parameters extends unknown[] | object = unknown[], Row = unknown>(sql: string): Statement<Parameters extends unknown[] ? Parameters : [Parameters], Row>;
  exec(sql: string): void;
  /**
   * `fn` as one transaction (nested calls join the outer one, under its locks). `.immediate` takes the
   * store's write lock first, for a read that decides a write; `.ofRepository(id)` takes only that
   * repository's, for a write that reads and changes nothing of another repository (a snapshot's save),
   * so that saves of different repositories into a team store do not wait for each other.
   */
  transaction<F extends (...args: never[]) => unknown>(fn: F): Transaction<F>;
  /** Runs `write` unless another connection is writing at this moment, without waiting for it. */
  unlessBusy<T>(write: () => T): T | 'busy';
  close(): void;
}

export interface Statement<Parameters extends unknown[], Row> {
  run(...parameters: Parameters): RunResult;
  get(...parameters: Parameters): Row | undefined;
  all(...parameters: Parameters): Row[];
  iterate(...parameters: Parameters): IterableIterator<Row>;
}

/** How many rows a statement changed (a new row's id comes back with RETURNING, which both engines have). */
export interface RunResult {
  changes: number;
}

export type Transaction<F extends (...args: never[]) => unknown> = F & { immediate: F; ofRepository(repositoryId: number): F };

/** A team store is named by its URL (postgres://…); anything else is the path of a SQLite file. */
function isTeamStore(store: string): boolean {
  return /^postgres(ql)?:\/\//i.test(store);
}

/** One `?` for each value: the parameters of an `IN (…)` list. */
export const placeholders = (values: readonly unknown[]): string => values.map(() => '?').join(', ');

/** Opens (creating if needed) the store, a SQLite file or a team's PostgreSQL database, and brings its schema up to date. */
export function openDatabase(store: string, options: OpenSqliteOptions = {}): Database {
  return isTeamStore(store) ? openPostgresDatabase(store) : openSqliteDatabase(store, options);
}

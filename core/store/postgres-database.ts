import { notProductCodePatterns } from '../../analyzers/discover/code-role.js';
import { StewardError } from '../api/errors.js';
import type { Database, RunResult, Statement, Transaction } from './database.js';
import { PostgresConnection, PostgresError, type PostgresStatement, type QueryResult } from './postgres-connection.js';
import { migrations } from './migrations/index.js';
import { postgresBaseline, postgresBaselineVersion } from './postgres-schema.js';
import { type PostgresStatementText, type RowInsert, multiRowInsert, rowInsertOf, rowsInsert, rowsPerStatement, toPostgresStatement } from './postgres-sql.js';

/** SQLSTATEs that mean another writer is in the way: a lock not granted in time, a deadlock, a serialization failure. */
const busyStates = new Set(['55P03', '40P01', '40001']);

/**
 * The key of the store's write lock (an advisory lock). An `.immediate` transaction holds it alone, as
 * SQLite's BEGIN IMMEDIATE holds its file's, so a read that decides a write sees no other such write
 * in between. An `.ofRepository` transaction shares it with the others of its kind and holds its
 * repository's lock (keyed by the pair) alone: saves of different repositories run at once, and any
 * `.immediate` transaction still waits for them all. Ordinary transactions take neither.
 */
const writeLockKey = 0x5374_6577; // "Stew"

/** The locks a transaction takes before anything else. */
type TransactionLocks = { kind: 'none' } | { kind: 'store' } | { kind: 'repository'; repositoryId: number };

function lockStatements(locks: TransactionLocks): PostgresStatement[] {
  switch (locks.kind) {
    case 'none':
      return [];
    case 'store':
      return [{ sql: 'SELECT pg_advisory_xact_lock($1)', parameters: [writeLockKey] }];
    case 'repository':
      // Always the store's first, then the repository's: no two transactions wait for each other in a circle.
      return [
        { sql: 'SELECT pg_advisory_xact_lock_shared($1)', parameters: [writeLockKey] },
        { sql: 'SELECT pg_advisory_xact_lock($1, $2)', parameters: [writeLockKey, locks.repositoryId] },
      ];
  }
}

/** The role may not do what a statement asked (SQLSTATE 42501). */
class PermissionDenied extends StewardError {
  constructor(readonly reason: string) {
    super('unavailable', `The team store does not let this role do that (${reason}); docs/team-store-roles.sql says what each role may do`);
  }
}

/** A row insert held back until the transaction next reads, commits or does anything else. */
interface HeldInsert {
  readonly insert: RowInsert;
  readonly values: unknown[];
  /** Filled when sent: rows inserted by the statement it went in, and how many inserts that statement held. */
  sent?: { changes: number; inserts: number };
}

/**
 * A team's store on a PostgreSQL server: the same store code as SQLite's, over one connection per
 * thread. Each statement is a round trip to the server (about 1 ms here, where SQLite's is a few µs),
 * so a transaction's one-row inserts are held back and sent together as multi-row statements, before
 * anything else the transaction does: a snapshot's thousands of rows cost a few round trips.
 */
class PostgresDatabase implements Database {
  readonly engine = 'postgres';
  private readonly statements = new Map<string, PostgresStatementText & { insert: RowInsert | null }>();
  private depth = 0;
  private held: HeldInsert[] = [];
  private readonly jsonColumns = new Map<string, Set<string>>();

  constructor(private readonly connection: PostgresConnection) {}

  prepare<Parameters extends unknown[] | object = unknown[], Row = unknown>(sql: string): Statement<Parameters extends unknown[] ? Parameters : [Parameters], Row> {
    let statement = this.statements.get(sql);
    if (!statement) {
      const converted = toPostgresStatement(sql);
      statement = { ...converted, insert: rowInsertOf(converted.text) };
      this.statements.set(sql, statement);
    }
    const { text, values, insert } = statement;
    const query = (parameters: unknown[]) => this.query(text, values(parameters));
    return {
      run: (...parameters): RunResult => (insert && this.depth > 0 ? this.hold(insert, values(parameters)) : { changes: query(parameters).rowCount }),
      get: (...parameters) => query(parameters).rows[0] as Row | undefined,
      all: (...parameters) => query(parameters).rows as Row[],
      iterate: (...parameters) => (query(parameters).rows as Row[])[Symbol.iterator](),
    };
  }

  exec(sql: string): void {
    this.query(sql, null);
  }

  transaction<F extends (...args: never[]) => unknown>(fn: F): Transaction<F> {
    const run =
      (locks: TransactionLocks) =>
      (...args: Parameters<F>): ReturnType<F> => {
        const outer = this.depth === 0;
        const savepoint = `steward_${this.depth}`;
        if (outer) this.begin(locks);
        else this.exec(`SAVEPOINT ${savepoint}`);
        this.depth++;
        let result: ReturnType<F>;
        try {
          result = fn(...args) as ReturnType<F>;
          // A held insert that fails fails its transaction, as it would have when run.
          this.send([]);
        } catch (error) {
          // What was held since the savepoint goes with it (all before it was sent when it was taken).
          this.held = [];
          this.depth--;
          this.exec(outer ? 'ROLLBACK' : `ROLLBACK TO SAVEPOINT ${savepoint}`);
          throw error;
        }
        this.depth--;
        this.exec(outer ? 'COMMIT' : `RELEASE SAVEPOINT ${savepoint}`);
        return result;
      };
    return Object.assign(run({ kind: 'none' }), {
      immediate: run({ kind: 'store' }),
      ofRepository: (repositoryId: number) => run({ kind: 'repository', repositoryId }),
    }) as unknown as Transaction<F>;
  }

  /** Starts a transaction with its locks; one not granted in time (busy) ends it, so the connection is free again. */
  private begin(locks: TransactionLocks): void {
    try {
      this.send([{ sql: 'BEGIN', parameters: null }, ...lockStatements(locks)]);
    } catch (error) {
      try {
        this.exec('ROLLBACK');
      } catch {
        // The connection is gone as well: the first error says more.
      }
      throw error;
    }
  }

  unlessBusy<T>(write: () => T): T | 'busy' {
    this.exec("SET lock_timeout = '50ms'");
    try {
      return write();
    } catch (error) {
      if (error instanceof StewardError && error.code === 'busy') return 'busy';
      throw error;
    } finally {
      this.exec('RESET lock_timeout');
    }
  }

  close(): void {
    this.connection.close();
  }

  /** Holds a row insert; how many rows it inserted is known once sent (asking sends it). */
  private hold(insert: RowInsert, values: unknown[]): RunResult {
    const held: HeldInsert = { insert, values };
    this.held.push(held);
    const send = () => this.send([]);
    return {
      get changes(): number {
        if (!held.sent) send();
        const { changes, inserts } = held.sent!;
        if (inserts === 1) return changes;
        // A plain insert inserts its row or fails; with ON CONFLICT (DO NOTHING or DO UPDATE), only one sent alone tells.
        if (!insert.tail) return 1;
        throw new Error('Steward asked how many rows one of several batched inserts with ON CONFLICT inserted or updated, which PostgreSQL does not tell');
      },
    };
  }

  /** The table's JSON columns (a batch carries their values as JSON, not as text). */
  private jsonColumnsOf(table: string): ReadonlySet<string> {
    // Every table's at once, the first time; again for a table made since.
    if (!this.jsonColumns.has(table)) this.readJsonColumns();
    const columns = this.jsonColumns.get(table);
    if (!columns) throw new Error(`Steward inserted into ${table}, which is not a table of the team store by that name`);
    return columns;
  }

  /** Each table this connection sees, by the name PostgreSQL writes it (as Steward's SQL does), with its JSON columns: one round trip. */
  private readJsonColumns(): void {
    const [result] = this.connection.run([
      {
        sql: `SELECT c.oid::regclass::text AS "table", a.attname AS name FROM pg_class c
              LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.atttypid IN ('json'::regtype, 'jsonb'::regtype)
              WHERE c.relkind IN ('r', 'p') AND pg_table_is_visible(c.oid)`,
        parameters: null,
      },
    ]);
    this.jsonColumns.clear();
    for (const row of result!.rows) {
      const table = String(row.table);
      const columns = this.jsonColumns.get(table) ?? new Set<string>();
      if (row.name !== null) columns.add(String(row.name));
      this.jsonColumns.set(table, columns);
    }
  }

  private query(text: string, values: unknown[] | null): QueryResult {
    return this.send([{ sql: text, parameters: values }]).at(-1)!;
  }

  /** Sends the held inserts (runs of one statement as multi-row statements), then `statements`, in one crossing. */
  private send(statements: PostgresStatement[]): QueryResult[] {
    const groups: HeldInsert[][] = [];
    for (const held of this.held) {
      const last = groups.at(-1);
      if (last && last[0]!.insert === held.insert && last.length < rowsPerStatement(held.insert)) last.push(held);
      else groups.push([held]);
    }
    this.held = [];
    if (groups.length === 0 && statements.length === 0) return [];
    const batched = groups.map((group) =>
      group.length === 1
        ? { sql: multiRowInsert(group[0]!.insert, 1), parameters: group[0]!.values }
        : rowsInsert(group[0]!.insert, group.map((held) => held.values), this.jsonColumnsOf(group[0]!.insert.table)),
    );
    let results: QueryResult[];
    try {
      results = this.connection.run([...batched, ...statements]);
    } catch (error) {
      if (error instanceof PostgresError && error.code !== undefined && busyStates.has(error.code)) {
        throw new StewardError('busy', 'The team store is busy with another writer; try again in a moment');
      }
      if (error instanceof PostgresError && error.code === '42501') throw new PermissionDenied(error.message);
      throw error;
    }
    groups.forEach((group, index) => {
      for (const held of group) held.sent = { changes: results[index]!.rowCount, inserts: group.length };
    });
    return results.slice(groups.length);
  }
}

/** A store URL as it may be shown: without its password (nothing of it, when it cannot be read as a URL). */
export function redactStoreUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(a URL that cannot be read)';
  }
}

/** What a failed connection means to the user, in one line that never holds the password. */
function connectionProblem(error: PostgresError, url: string): string {
  const where = redactStoreUrl(url);
  switch (error.code) {
    case '28P01':
    case '28000':
      return `The team store ${where} refused the user name or password`;
    case '3D000':
      return `The team store ${where} has no such database`;
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'ETIMEDOUT':
      return `The team store ${where} cannot be reached (${error.code})`;
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
    case 'CERT_HAS_EXPIRED':
      return `The team store ${where} is not the server it claims to be, or Steward cannot tell (${error.message}): check that sslrootcert names the authority that signed its certificate, for this host name`;
    default:
      // node-postgres's words for a server that asked for a password when none was found.
      if (error.message.includes('client password must be a string')) {
        return `The team store ${where} asked for a password and none was given: put it in PGPASSWORD or the password file (~/.pgpass, or PGPASSFILE)`;
      }
      return `The team store ${where} cannot be used: ${error.message}`;
  }
}

/** A team store that cannot be reached (after the retries): a scan may fall back to the local store. */
export class StoreUnreachable extends StewardError {
  constructor(message: string) {
    super('unavailable', message);
  }
}

/** The server cannot be reached: a scan may fall back to the local store (not when it refuses the password, or has no such database). */
const unreachableStates = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENOTFOUND', '57P03']);
/** Of those, what may pass within seconds (the server restarting, a network hiccup), and is tried again. */
const passingStates = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH', '57P03']);

/** How long to wait before each further attempt to connect: three attempts within about 4 s. */
const retryDelaysMs = [1_000, 3_000];

/**
 * Connects to a team store once, without holding this thread (the app's main thread, which must go
 * on answering): a server out of reach, a refused password or an unverified certificate is thrown
 * as the one line a command would say. Neither retries nor the schema: opening the store does those.
 */
export async function checkTeamStore(url: string): Promise<void> {
  const connection = new PostgresConnection(url);
  try {
    await connection.runWithoutWaiting([{ sql: 'SELECT 1', parameters: null }]);
  } catch (error) {
    if (!(error instanceof PostgresError)) throw error;
    throw new StewardError('unavailable', connectionProblem(error, url));
  } finally {
    connection.close();
  }
}

/** Opens a team store and brings its schema up to date (or says why it cannot). */
export function openPostgresDatabase(url: string, delaysMs: readonly number[] = retryDelaysMs): PostgresDatabase {
  const db = connect(url, delaysMs);
  try {
    migratePostgres(db, url);
    defineProductCode(db, url);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function connect(url: string, delaysMs: readonly number[]): PostgresDatabase {
  for (let attempt = 0; ; attempt++) {
    const db = new PostgresDatabase(new PostgresConnection(url));
    try {
      db.exec('SELECT 1');
      return db;
    } catch (error) {
      db.close();
      if (!(error instanceof PostgresError)) throw error;
      const passing = error.code !== undefined && passingStates.has(error.code);
      if (passing && attempt < delaysMs.length) {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, delaysMs[attempt]);
        continue;
      }
      const problem = `${connectionProblem(error, url)}${attempt > 0 ? `, after ${attempt + 1} attempts` : ''}`;
      throw error.code !== undefined && unreachableStates.has(error.code) ? new StoreUnreachable(problem) : new StewardError('unavailable', problem);
    }
  }
}

/**
 * The schema's version is one row of steward_schema. A new store gets the baseline (SQLite's schema
 * at postgresBaselineVersion); the migrations after it follow, as SQLite's do. All under the store's
 * write lock, so two first scans cannot both create it, and in one transaction: a failed upgrade
 * leaves the store as it was.
 */
function migratePostgres(db: PostgresDatabase, url: string): void {
  const latest = migrations.at(-1)!.version;
  try {
    db.transaction(() => {
      // Created only where missing: a role that may not create tables can open a store that has its schema.
      if (!db.prepare<[], { found: string | null }>("SELECT to_regclass('steward_schema')::text AS found").get()?.found) {
        db.exec('CREATE TABLE steward_schema (version BIGINT NOT NULL)');
      }
      const version = db.prepare<[], { version: number }>('SELECT version FROM steward_schema').get()?.version ?? 0;
      if (version > latest) {
        throw new StewardError('unavailable', `The team store ${redactStoreUrl(url)} was written by a newer Steward (schema ${version}; this version knows up to ${latest}). Update Steward to use it.`);
      }
      if (version === latest) return;
      if (version === 0) db.exec(postgresBaseline);
      for (const migration of migrations.filter((each) => each.version > Math.max(version, postgresBaselineVersion))) {
        const sql = migration.postgres ?? migration.sql;
        if (sql.trim() !== '') db.exec(sql);
      }
      db.exec('DELETE FROM steward_schema');
      db.prepare('INSERT INTO steward_schema (version) VALUES (?)').run(latest);
    }).immediate();
  } catch (error) {
    if (error instanceof PermissionDenied) {
      throw new StewardError('unavailable', `The team store ${redactStoreUrl(url)} needs its schema created or updated, and this role may not: ask its owner to open it once with a role that may (${error.reason})`);
    }
    throw error;
  }
}

/**
 * is_product_code(path), which SQLite gets as a JavaScript function: here the same reading
 * (analyzers/discover/code-role.ts) as regular expressions, redefined when a Steward reads it otherwise.
 */
function defineProductCode(db: PostgresDatabase, url: string): void {
  const body = `SELECT CASE WHEN ${notProductCodePatterns().map((pattern) => `path ~ '${pattern.replaceAll("'", "''")}'`).join(' OR ')} THEN 0 ELSE 1 END`;
  const current = db.prepare<[], { body: string }>("SELECT prosrc AS body FROM pg_proc WHERE proname = 'is_product_code'").get();
  if (current?.body === body) return;
  try {
    db.exec(`CREATE OR REPLACE FUNCTION is_product_code(path TEXT) RETURNS INTEGER LANGUAGE sql IMMUTABLE STRICT AS $product$${body}$product$`);
  } catch (error) {
    if (error instanceof PermissionDenied) {
      throw new StewardError('unavailable', `The team store ${redactStoreUrl(url)} needs its definition of product code updated, and this role may not: ask its owner to open it once with a role that may`);
    }
    throw error;
  }
}

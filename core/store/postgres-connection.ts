import { createRequire } from 'node:module';
import { MessageChannel, type MessagePort, Worker, receiveMessageOnPort } from 'node:worker_threads';

const require = createRequire(import.meta.url);

/** What one statement gave back. */
export interface QueryResult {
  rows: Record<string, unknown>[];
  rowCount: number;
}

/** A failed statement, as PostgreSQL named it (SQLSTATE in `code`). */
export class PostgresError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'PostgresError';
  }
}

/** How often, and how long apart, an answer signalled but not yet readable is looked for again. */
const answerChecks = 200;
const answerCheckMs = 10;

type Reply = { ok: true; results: QueryResult[] } | { ok: false; message: string; code?: string };

/** A statement with its `$n` values, or several separated by `;` (values null). */
export interface PostgresStatement {
  sql: string;
  parameters: readonly unknown[] | null;
}

/**
 * The connection runs in a worker thread of its own: node-postgres is asynchronous, while Steward's
 * store code (like SQLite's) is synchronous. Each statement is handed over and this thread waits on
 * a shared flag until the answer is back, so a transaction's statements run in order with nothing
 * interleaved, on one connection, as they do on SQLite. Each thread that uses the store opens its own.
 */
const workerScript = `
const { workerData } = require('node:worker_threads');
// node-postgres tells whether it runs on Cloudflare by navigator.userAgent, else by making a fetch
// Response, which on Node 20 (no navigator) loads all of fetch: a third of the connection's start.
// The navigator Node 21 has answers it at once; this thread is the connection's alone.
if (typeof navigator === 'undefined') globalThis.navigator = { userAgent: 'Node.js/' + process.versions.node.split('.')[0] };
const pg = require(workerData.pgModule);
const { port, flag } = workerData;
// Counts and sums come back as numbers (int8 and numeric), and JSON as its text, as SQLite gives them.
const asNumber = (value) => (value === null ? null : Number(value));
const asText = (value) => value;
const types = {
  getTypeParser: (oid, format) => (oid === 20 || oid === 1700 ? asNumber : oid === 114 ? asText : pg.types.getTypeParser(oid, format)),
};
let lost = null;
// One answer per request, to that request only: the other thread reads the answers in order, one per
// question. Requests are numbered; waiting is the one whose answer is awaited (0: none).
let requests = 0;
let waiting = 0;
const reply = (message, request = waiting) => {
  if (request === 0 || request !== waiting) return;
  waiting = 0;
  port.postMessage(message);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
};
// Whatever this thread did not expect loses the connection, and answers what is being waited for:
// the other thread waits on the flag and would otherwise wait for ever.
const failed = (error) => {
  lost = error;
  reply({ ok: false, message: String((error && error.message) || error), code: error && error.code });
};
process.on('uncaughtException', failed);
process.on('unhandledRejection', failed);
// A URL without a password takes it where PostgreSQL's own tools do: PGPASSWORD, else the password
// file (~/.pgpass, or PGPASSFILE). TLS settings ride in the URL (sslmode, sslrootcert, sslcert, sslkey).
const pgpass = require(workerData.pgpassModule);
// An empty PGPASSWORD is none, as libpq reads it (the pgpass module would skip the file for it). This thread's environment is its own copy.
if (process.env.PGPASSWORD === '') delete process.env.PGPASSWORD;
let client = null;
// A URL or setting node-postgres refuses (a port out of range, say) is lost at once, not thrown.
const ready = Promise.resolve()
  .then(() => {
    const settings = require(workerData.connectionStringModule).parse(workerData.url);
    const password = settings.password || process.env.PGPASSWORD || ((parameters) => new Promise((resolve) => pgpass(parameters, resolve)));
    client = new pg.Client({ ...settings, password, types, connectionTimeoutMillis: workerData.connectTimeoutMs, application_name: 'steward' });
    client.on('error', (error) => { lost = error; });
    return client.connect();
  })
  .catch((error) => { lost = error; });
port.on('message', async (request) => {
  const id = ++requests;
  waiting = id;
  await ready;
  if (request.close) {
    if (client) await client.end().catch(() => {});
    reply({ ok: true, results: [] }, id);
    return;
  }
  if (lost) return reply({ ok: false, message: String(lost.message || lost), code: lost.code }, id);
  // The statements in order, each after the last has answered; the first that fails ends the batch.
  const results = [];
  for (const statement of request.batch) {
    try {
      const result = statement.parameters === null ? await client.query(statement.sql) : await client.query(statement.sql, statement.parameters);
      const last = Array.isArray(result) ? result[result.length - 1] : result;
      results.push({ rows: (last && last.rows) || [], rowCount: (last && last.rowCount) || 0 });
    } catch (error) {
      return reply({ ok: false, message: String(error.message || error), code: error.code }, id);
    }
  }
  reply({ ok: true, results }, id);
});
`;

export class PostgresConnection {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  /** Never notified: only to sleep on. */
  private readonly pause = new Int32Array(new SharedArrayBuffer(4));
  private closed = false;

  constructor(url: string, connectTimeoutMs = 10_000) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(workerScript, {
      eval: true,
      workerData: { pgModule: require.resolve('pg'), connectionStringModule: require.resolve('pg-connection-string'), pgpassModule: require.resolve('pgpass'), url, port: port2, flag: this.flag, connectTimeoutMs },
      transferList: [port2],
    });
    // The worker must not keep the process alive on its own (a CLI command ends when its work does).
    this.worker.unref();
  }

  /**
   * Runs statements in order, in one crossing to the connection's thread (each crossing costs about
   * as much as a small statement), and gives back each one's result. The first that fails throws,
   * and those after it do not run.
   */
  run(batch: readonly PostgresStatement[]): QueryResult[] {
    if (this.closed) throw new PostgresError('The connection to the team store is closed', undefined);
    const reply = this.ask({ batch });
    if (!reply.ok) throw new PostgresError(reply.message, reply.code);
    return reply.results;
  }

  /** `run` without holding this thread while the server answers (the app checking a store it was given). */
  async runWithoutWaiting(batch: readonly PostgresStatement[]): Promise<QueryResult[]> {
    if (this.closed) throw new PostgresError('The connection to the team store is closed', undefined);
    const answered = new Promise<Reply>((resolve) => this.port.once('message', resolve));
    this.port.postMessage({ batch });
    const reply = await answered;
    if (!reply.ok) throw new PostgresError(reply.message, reply.code);
    return reply.results;
  }

  close(): void {
    if (this.closed) return;
    this.ask({ close: true });
    this.closed = true;
    void this.worker.terminate();
  }

  private ask(request: object): Reply {
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage(request);
    Atomics.wait(this.flag, 0, 0);
    let received = receiveMessageOnPort(this.port);
    // Once, with 8 scans and a test suite on 2 cores, a scan failed here (flag up, no answer readable);
    // the cause is not known. The answer is looked for again for up to 2 s before giving up.
    for (let attempt = 0; !received && attempt < answerChecks; attempt++) {
      Atomics.wait(this.pause, 0, 0, answerCheckMs);
      received = receiveMessageOnPort(this.port);
    }
    if (!received) throw new PostgresError('The connection to the team store gave no answer', undefined);
    return received.message as Reply;
  }
}

/**
 * Worker-thread entry of scans: runs the pipeline off the caller's event loop, one scan at a time,
 * each with its own database connection, and reports progress and the outcome as messages. It stays
 * for the next scan it is given, so that "Scan all" loads the engine once per worker, not per scan.
 */
import { parentPort } from 'node:worker_threads';
import { toApiError } from '../api/errors.js';
import { openDatabase } from '../store/database.js';
import { runScanJob } from './scan-job.js';
import { type FromScanWorker, type ScanWorkerInput, ToScanWorkerSchema } from './worker-protocol.js';

const port = parentPort;
if (!port) throw new Error('scan-worker must run in a worker thread');
const post = (message: FromScanWorker): void => port.postMessage(message);
let current: { controller: AbortController; cancelledBy: 'user' | 'shutdown' } | undefined;

port.on('message', (raw: unknown) => {
  const message = ToScanWorkerSchema.safeParse(raw);
  if (!message.success) return;
  if (message.data.type === 'cancel') {
    if (current) {
      current.cancelledBy = message.data.by;
      current.controller.abort();
    }
  } else if (!current) void run(message.data.input);
});

async function run(input: ScanWorkerInput): Promise<void> {
  const job = { controller: new AbortController(), cancelledBy: 'user' as 'user' | 'shutdown' };
  current = job;
  let db;
  let cache;
  try {
    db = openDatabase(input.store, { nativeBinding: input.nativeBinding });
    cache = input.cache === undefined ? db : openDatabase(input.cache, { nativeBinding: input.nativeBinding });
    await runScanJob(input, { db, cache }, post, { signal: job.controller.signal, cancelledBy: () => job.cancelledBy });
  } catch (error) {
    post({ type: 'failed', error: toApiError(error) });
  } finally {
    if (cache !== db) cache?.close();
    db?.close();
    current = undefined;
    post({ type: 'finished' });
  }
}

/**
 * Worker-thread entry of a scan: runs the pipeline off the caller's event loop, with its own
 * database connection, and reports progress and the outcome as messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toApiError } from '../api/errors.js';
import { openDatabase } from '../store/database.js';
import { runScanJob } from './scan-job.js';
import { ScanWorkerInputSchema, ToScanWorkerSchema } from './worker-protocol.js';

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('scan-worker must run in a worker thread');
  const input = ScanWorkerInputSchema.parse(workerData);
  const controller = new AbortController();
  let cancelledBy: 'user' | 'shutdown' = 'user';
  port.on('message', (message: unknown) => {
    const cancel = ToScanWorkerSchema.safeParse(message);
    if (!cancel.success) return;
    cancelledBy = cancel.data.by;
    controller.abort();
  });
  let db;
  try {
    db = openDatabase(input.databaseFile, { nativeBinding: input.nativeBinding });
    await runScanJob(input, db, (message) => port.postMessage(message), { signal: controller.signal, cancelledBy: () => cancelledBy });
  } catch (error) {
    port.postMessage({ type: 'failed', error: toApiError(error) });
  } finally {
    db?.close();
    port.close();
  }
}

void main();

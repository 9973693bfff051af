/**
 * Worker-thread entry of a scan: runs the pipeline off the caller's event loop, with its own
 * database connection, and reports progress and the outcome as messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toApiError } from '../api/errors.js';
import { openDatabase } from '../store/database.js';
import { runScan } from './run-scan.js';
import { type FromScanWorker, ScanWorkerInputSchema, ToScanWorkerSchema } from './worker-protocol.js';

const progressIntervalMs = 100;

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('scan-worker must run in a worker thread');
  const post = (message: FromScanWorker): void => port.postMessage(message);
  const input = ScanWorkerInputSchema.parse(workerData);
  const controller = new AbortController();
  port.on('message', (message: unknown) => {
    if (ToScanWorkerSchema.safeParse(message).success) controller.abort();
  });

  let lastPost = 0;
  let db;
  try {
    db = openDatabase(input.databaseFile, { nativeBinding: input.nativeBinding });
    const { snapshotId, ...result } = await runScan({
      db,
      repositoryId: input.repositoryId,
      path: input.path,
      analyses: input.analyses,
      options: input.options,
      save: input.save,
      parseWorkerUrl: new URL(input.parseWorkerUrl),
      signal: controller.signal,
      onProgress(progress) {
        const now = Date.now();
        if (now - lastPost < progressIntervalMs && progress.progress < 1) return;
        lastPost = now;
        post({ type: 'progress', ...progress });
      },
    });
    post(snapshotId === null ? { type: 'succeeded', snapshotId, result } : { type: 'succeeded', snapshotId });
  } catch (error) {
    post({
      type: 'failed',
      error: controller.signal.aborted ? { code: 'cancelled', message: 'The scan was cancelled' } : toApiError(error),
    });
  } finally {
    db?.close();
    port.close();
  }
}

void main();

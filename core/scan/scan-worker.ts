/**
 * Worker-thread entry of a scan: runs the pipeline off the caller's event loop, with its own
 * database connection, and reports progress and the outcome as messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toApiError } from '../api/errors.js';
import { openDatabase } from '../store/database.js';
import { setBackfillState } from '../store/backfill-jobs.js';
import { runBackfill } from './run-backfill.js';
import { runScan } from './run-scan.js';
import { type FromScanWorker, ScanWorkerInputSchema, ToScanWorkerSchema } from './worker-protocol.js';

const progressIntervalMs = 100;

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('scan-worker must run in a worker thread');
  const post = (message: FromScanWorker): void => port.postMessage(message);
  const input = ScanWorkerInputSchema.parse(workerData);
  const controller = new AbortController();
  let cancelledBy: 'user' | 'shutdown' = 'user';
  port.on('message', (message: unknown) => {
    const cancel = ToScanWorkerSchema.safeParse(message);
    if (!cancel.success) return;
    cancelledBy = cancel.data.by;
    controller.abort();
  });

  let lastPost = 0;
  let db;
  try {
    db = openDatabase(input.databaseFile, { nativeBinding: input.nativeBinding });
    const run = {
      db,
      repositoryId: input.repositoryId,
      path: input.path,
      options: input.options,
      parseWorkerUrl: new URL(input.parseWorkerUrl),
      signal: controller.signal,
      onProgress(progress: { step: string; progress: number; detail: string }) {
        const now = Date.now();
        if (now - lastPost < progressIntervalMs && progress.progress < 1) return;
        lastPost = now;
        post({ type: 'progress', ...progress });
      },
    };
    if (input.backfill) {
      const opened = db;
      await runBackfill({ ...run, ...input.backfill }).then(
        () => setBackfillState(opened, input.repositoryId, 'finished', new Date()),
        (error: unknown) => {
          const state = !controller.signal.aborted ? 'failed' : cancelledBy === 'shutdown' ? 'stopped' : 'cancelled';
          setBackfillState(opened, input.repositoryId, state, new Date(), state === 'failed' ? toApiError(error).message : null);
          throw error;
        },
      );
      post({ type: 'succeeded', snapshotId: null });
    } else {
      const { snapshotId, ...result } = await runScan({ ...run, analyses: input.analyses, save: input.save });
      post(snapshotId === null ? { type: 'succeeded', snapshotId, result } : { type: 'succeeded', snapshotId });
    }
  } catch (error) {
    post({
      type: 'failed',
      error: controller.signal.aborted ? { code: 'cancelled', message: input.backfill ? 'The backfill was cancelled' : 'The scan was cancelled' } : toApiError(error),
    });
  } finally {
    db?.close();
    port.close();
  }
}

void main();

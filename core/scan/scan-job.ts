import type { AnalysisId } from '../api/analyses.js';
import { toApiError } from '../api/errors.js';
import { setBackfillState } from '../store/backfill-jobs.js';
import { runBackfill } from './run-backfill.js';
import { runScan } from './run-scan.js';
import type { ScanStores } from './scan-execution.js';
import type { FromScanWorker, ScanWorkerInput } from './worker-protocol.js';

const progressIntervalMs = 100;

interface ScanJobControl {
  signal: AbortSignal;
  /** Who cancelled, once the signal is aborted: a person (for good) or the app closing (a backfill resumes at the next start). */
  cancelledBy(): 'user' | 'shutdown';
}

/**
 * One scan or backfill of the scan service, wherever it runs (a worker thread, or the CLI's own
 * thread): its progress and outcome as the messages the service reads. Never throws.
 */
export async function runScanJob(input: ScanWorkerInput, { db, cache }: ScanStores, post: (message: FromScanWorker) => void, { signal, cancelledBy }: ScanJobControl): Promise<void> {
  // At most one progress message per interval; the latest held back is sent when the interval ends,
  // so that the last word before a long wait (a step that says nothing until it is done) is not lost.
  let lastPost = 0;
  let held: { step: string; progress: number; detail: string } | undefined;
  let timer: NodeJS.Timeout | undefined;
  const sendHeld = (): void => {
    timer = undefined;
    if (!held) return;
    lastPost = Date.now();
    post({ type: 'progress', ...held });
    held = undefined;
  };
  try {
    const run = {
      db,
      cache,
      repositoryId: input.repositoryId,
      path: input.path,
      options: input.options,
      parseWorkerUrl: new URL(input.parseWorkerUrl),
      signal,
      onProgress(progress: { step: string; progress: number; detail: string }) {
        held = progress;
        const wait = lastPost + progressIntervalMs - Date.now();
        if (wait <= 0 || progress.progress >= 1) {
          clearTimeout(timer);
          sendHeld();
        } else timer ??= setTimeout(sendHeld, wait);
      },
    };
    if (input.backfill) {
      await runBackfill({ ...run, ...input.backfill }).then(
        () => setBackfillState(db, input.repositoryId, 'finished', new Date()),
        (error: unknown) => {
          const state = !signal.aborted ? 'failed' : cancelledBy() === 'shutdown' ? 'stopped' : 'cancelled';
          setBackfillState(db, input.repositoryId, state, new Date(), state === 'failed' ? toApiError(error).message : null);
          throw error;
        },
      );
      post({ type: 'succeeded', snapshotId: null });
    } else {
      // A saved scan shows each report as it is made; a run that saves nothing hands them all back at the end.
      const onReport = input.save ? (analysis: AnalysisId, report: unknown) => post({ type: 'report', analysis, report }) : undefined;
      const { snapshotId, alreadyScanned, ...result } = await runScan({ ...run, analyses: input.analyses, save: input.save, rescan: input.rescan, ...(onReport ? { onReport } : {}) });
      post(snapshotId === null ? { type: 'succeeded', snapshotId, result } : { type: 'succeeded', snapshotId, alreadyScanned: alreadyScanned ?? false });
    }
  } catch (error) {
    post({
      type: 'failed',
      error: signal.aborted ? { code: 'cancelled', message: input.backfill ? 'The backfill was cancelled' : 'The scan was cancelled' } : toApiError(error),
    });
  } finally {
    // Nothing of the run is said after its outcome (the worker's next run would hear it).
    clearTimeout(timer);
  }
}

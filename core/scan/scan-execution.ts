import { Worker } from 'node:worker_threads';
import type { Database } from '../store/database.js';
import type { ScanWorkerInput, ToScanWorker } from './worker-protocol.js';

/** What a running scan tells the scan service: its messages (FromScanWorker, unchecked), a crash, its end. */
export interface ScanExecutionEvents {
  message(raw: unknown): void;
  error(error: Error): void;
  exit(code: number): void;
}

/** A scan or backfill running somewhere: asked to stop, or stopped at once when it does not. */
export interface ScanExecution {
  cancel(by: 'user' | 'shutdown'): void;
  /** Ends a run that did not stop when asked (a worker is terminated; a run in this thread cannot be, and is waited for). */
  terminate(): void;
}

/**
 * Where scans run: a worker thread of their own, which keeps the caller's event loop free (the app,
 * `steward serve`); or the calling thread, which spares loading the engine a second time (the CLI's
 * commands, which do nothing else while they wait).
 */
export type ScanThread = { kind: 'worker'; module: URL | string } | { kind: 'this thread'; db: Database };

export function startScanExecution(thread: ScanThread, input: ScanWorkerInput, events: ScanExecutionEvents): ScanExecution {
  return thread.kind === 'worker' ? inWorker(thread.module, input, events) : inThisThread(thread.db, input, events);
}

function inWorker(module: URL | string, input: ScanWorkerInput, events: ScanExecutionEvents): ScanExecution {
  const worker = new Worker(module, { workerData: input });
  worker.on('message', events.message);
  worker.on('error', events.error);
  worker.on('exit', events.exit);
  return {
    cancel: (by) => worker.postMessage({ type: 'cancel', by } satisfies ToScanWorker),
    terminate: () => void worker.terminate(),
  };
}

function inThisThread(db: Database, input: ScanWorkerInput, events: ScanExecutionEvents): ScanExecution {
  const controller = new AbortController();
  let cancelledBy: 'user' | 'shutdown' = 'user';
  // Started after the caller has taken the execution (its first message must find it watched).
  void Promise.resolve()
    .then(async () => {
      const { runScanJob } = await import('./scan-job.js');
      await runScanJob(input, db, events.message, { signal: controller.signal, cancelledBy: () => cancelledBy });
    })
    .then(
      () => events.exit(0),
      (error: unknown) => {
        events.error(error instanceof Error ? error : new Error(String(error)));
        events.exit(1);
      },
    );
  return {
    cancel(by) {
      cancelledBy = by;
      controller.abort();
    },
    terminate: () => {},
  };
}

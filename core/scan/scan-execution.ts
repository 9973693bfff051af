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
export type ScanThread = { kind: 'worker'; module: URL | string } | { kind: 'this thread'; stores: ScanStores };

/** The store a run reads and saves to, and where its caches are (the store itself, or this machine's file). */
export interface ScanStores {
  db: Database;
  cache: Database;
}

export function startScanExecution(thread: ScanThread, input: ScanWorkerInput, events: ScanExecutionEvents): ScanExecution {
  return thread.kind === 'worker' ? inWorker(thread.module, input, events) : inThisThread(thread.stores, input, events);
}

/** How long a scan worker with nothing to do waits for the next scan before it ends. */
const idleWorkerMs = 60_000;

/** Workers that finished a scan, by module, waiting for the next (they hold no database connection). */
const idleWorkers = new Map<string, { worker: Worker; expiry: NodeJS.Timeout }[]>();

function inWorker(module: URL | string, input: ScanWorkerInput, events: ScanExecutionEvents): ScanExecution {
  const key = String(module);
  const idle = idleWorkers.get(key)?.pop();
  if (idle) clearTimeout(idle.expiry);
  const worker = idle?.worker ?? new Worker(module);
  worker.ref();
  let ended = false;
  const end = (code: number, reusable: boolean): void => {
    if (ended) return;
    ended = true;
    worker.off('message', onMessage);
    worker.off('error', events.error);
    worker.off('exit', onExit);
    if (reusable) keepIdle(key, worker);
    events.exit(code);
  };
  const onMessage = (raw: unknown): void => {
    if (typeof raw === 'object' && raw !== null && (raw as { type?: unknown }).type === 'finished') end(0, true);
    else events.message(raw);
  };
  const onExit = (code: number): void => end(code, false);
  worker.on('message', onMessage);
  worker.on('error', events.error);
  worker.on('exit', onExit);
  worker.postMessage({ type: 'run', input } satisfies ToScanWorker);
  return {
    cancel: (by) => worker.postMessage({ type: 'cancel', by } satisfies ToScanWorker),
    terminate: () => void worker.terminate(),
  };
}

/** An idle worker neither keeps the process alive nor stays longer than `idleWorkerMs`. */
function keepIdle(key: string, worker: Worker): void {
  worker.unref();
  const list = idleWorkers.get(key) ?? [];
  const entry = {
    worker,
    expiry: setTimeout(() => {
      list.splice(list.indexOf(entry), 1);
      void worker.terminate();
    }, idleWorkerMs).unref(),
  };
  list.push(entry);
  idleWorkers.set(key, list);
}

/** Ends the idle workers (the app or the server closing). */
export async function endIdleScanWorkers(): Promise<void> {
  const all = [...idleWorkers.values()].flat();
  idleWorkers.clear();
  for (const { expiry } of all) clearTimeout(expiry);
  await Promise.all(all.map(({ worker }) => worker.terminate()));
}

function inThisThread(stores: ScanStores, input: ScanWorkerInput, events: ScanExecutionEvents): ScanExecution {
  const controller = new AbortController();
  let cancelledBy: 'user' | 'shutdown' = 'user';
  // Started after the caller has taken the execution (its first message must find it watched).
  void Promise.resolve()
    .then(async () => {
      const { runScanJob } = await import('./scan-job.js');
      await runScanJob(input, stores, events.message, { signal: controller.signal, cancelledBy: () => cancelledBy });
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

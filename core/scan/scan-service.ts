import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { StewardError } from '../api/errors.js';
import type { Repository } from '../api/repositories.js';
import type { AnalysisId } from '../api/analyses.js';
import { describeZodError, toApiError } from '../api/errors.js';
import { type AnalysisOptions, type RunResult, type ScanJob, scanRoutes } from '../api/scans.js';
import { analyses as registry } from '../analyses/registry.js';
import type { Database } from '../store/database.js';
import { type ScanLockHolder, type ScanPurpose, acquireScanLock, releaseScanLock, renewScanLocks } from '../store/scan-locks.js';
import type { WorkerModules } from './worker-modules.js';
import { type ScanExecution, type ScanExecutionEvents, type ScanThread, endIdleScanWorkers, startScanExecution } from './scan-execution.js';
import { FromScanWorkerSchema, type ScanWorkerInput } from './worker-protocol.js';

interface ScanServiceOptions {
  db: Database;
  /** The store the workers open (a SQLite file or a team store's URL). */
  store: string;
  /** Where scans keep their caches when not in the store (a team store's, on this machine): its file, and this thread's connection. */
  cache?: { store: string; db: Database } | undefined;
  nativeBinding?: string | undefined;
  workers: WorkerModules;
  /** Run scans on this thread rather than in worker threads (the CLI's commands other than `serve`). */
  inThisThread?: boolean | undefined;
  onUpdate: (job: ScanJob) => void;
}

interface RunningScan {
  job: ScanJob;
  execution: ScanExecution;
  /** The reports made so far, by analysis (dropped with the scan: the snapshot holds them once saved). */
  reports: Partial<Record<AnalysisId, unknown>>;
  settled: Promise<ScanJob>;
  cancelTimer?: NodeJS.Timeout;
}

/** A scan of `scans.startAll` waiting for one of the queue's slots. */
interface QueuedScan {
  job: ScanJob;
  repository: Repository;
  rescan: boolean;
  /** Resolves `settled()` for a job that ends without starting (cancelled, or refused when its turn came). */
  end: (job: ScanJob) => void;
  /** Resolves `settled()` with the started scan's outcome. */
  follow: (settled: Promise<ScanJob>) => void;
  settled: Promise<ScanJob>;
}

/** What a run is asked to do. */
interface ScanRequest {
  /** Default: every analysis. */
  analyses?: readonly AnalysisId[] | undefined;
  /** Default: save a snapshot. */
  save?: boolean | undefined;
  /** Save a new snapshot even when HEAD was already scanned today with the same analyses and inputs. */
  rescan?: boolean | undefined;
  options?: AnalysisOptions | undefined;
  /** Past commits instead of HEAD (a backfill: every analysis, saved as snapshots of kind `backfill`). */
  backfill?: { everyDays: number; count: number } | undefined;
  /** A draft's worktree instead of the repository's folder (a draft's scans: nothing saved). */
  worktree?: string | undefined;
}

/** How long the result of a run that saved nothing waits for `result()` before it is dropped. */
const resultLifetimeMs = 10 * 60_000;

/** How long a cancelled scan may take to stop by itself before its worker is terminated. */
const cancelGraceMs = 3000;

/**
 * A scan's owner renews its lock this often; a lock not renewed for `lockLifetimeMs` is stale even if
 * a process with its pid is alive (the pid may have been reused after the owner died).
 */
const renewEveryMs = 10_000;
const lockLifetimeMs = 60_000;

/**
 * Runs scans in worker threads, one at a time per repository across every Steward process: the
 * repository's lock row in the database is the arbiter, and a second request is refused with a
 * message naming the scan that holds it. `startAll` queues a scan of every repository and runs a
 * few at a time.
 */
export class ScanService {
  private readonly running = new Map<string, RunningScan>();
  /** `scans.startAll`'s scans not started yet, in order, and those of them now running in its slots. */
  private readonly queue: QueuedScan[] = [];
  private readonly queueRunning = new Set<string>();
  private readonly results = new Map<string, { result: RunResult; expiry: NodeJS.Timeout }>();
  private renewal: NodeJS.Timeout | undefined;

  constructor(private readonly options: ScanServiceOptions) {}

  /** Where this thread keeps the caches (code facts, memos, registry answers): the store, or this machine's file beside a team store. */
  get cacheDb(): Database {
    return this.options.cache?.db ?? this.options.db;
  }

  start(repository: Repository, request: ScanRequest = {}): ScanJob {
    // The scan `scans.startAll` has waiting, asked for now: it starts now, outside the queue's slots.
    const sameAsQueued = !request.backfill && !request.worktree && !request.analyses && !request.options && request.save !== false && !request.rescan;
    const waiting = sameAsQueued ? this.queue.findIndex((queued) => queued.repository.id === repository.id) : -1;
    if (waiting !== -1) {
      const [queued] = this.queue.splice(waiting, 1);
      return this.startQueued(queued!, false);
    }
    return this.launch(repository, request, randomUUID());
  }

  /**
   * Scans every repository given (a scan of HEAD with every analysis, saved), at most `slots` at a
   * time so that a machine with few cores stays usable; the others wait as `queued`. Returns one job
   * per repository at once: queued or running, the scan already running here, or failed (its folder
   * is gone). A scan that fails or is slow holds only its own slot.
   */
  startAll(repositories: readonly Repository[], slots: number, { rescan = false } = {}): ScanJob[] {
    const jobs = repositories.map((repository): ScanJob => {
      const existing = this.list().find((job) => job.repositoryId === repository.id && job.purpose === 'scan');
      if (existing) return existing;
      const job = newJob(repository.id, 'scan', Object.keys(registry) as AnalysisId[], true, randomUUID());
      if (!existsSync(repository.path)) {
        const failed: ScanJob = { ...job, state: 'failed', step: '', error: { code: 'not-found', message: missingFolder(repository) } };
        this.options.onUpdate({ ...failed });
        return failed;
      }
      const queued = { ...job, state: 'queued' as const, step: 'Waiting for another scan to finish' };
      this.queue.push({ job: queued, repository, rescan, ...deferredOutcome() });
      this.options.onUpdate({ ...queued });
      return { ...queued };
    });
    this.pump(slots);
    return jobs.map((job) => this.list().find((current) => current.id === job.id) ?? job);
  }

  /** Starts queued scans while a slot is free. */
  private pump(slots: number): void {
    while (this.queueRunning.size < slots && this.queue.length > 0) {
      const queued = this.queue.shift()!;
      try {
        this.startQueued(queued, true);
        const settled = this.running.get(queued.job.id)?.settled;
        void settled?.then(() => {
          this.queueRunning.delete(queued.job.id);
          this.pump(slots);
        });
      } catch {
        // Refused when its turn came (its folder went, another process scans it): said on its job; the next one goes.
      }
    }
  }

  private startQueued(queued: QueuedScan, inSlot: boolean): ScanJob {
    try {
      if (!existsSync(queued.repository.path)) throw new StewardError('not-found', missingFolder(queued.repository));
      const job = this.launch(queued.repository, { rescan: queued.rescan }, queued.job.id);
      if (inSlot) this.queueRunning.add(job.id);
      queued.follow(this.running.get(job.id)!.settled);
      return job;
    } catch (error) {
      const failed: ScanJob = { ...queued.job, state: 'failed', step: '', error: toApiError(error) };
      this.options.onUpdate({ ...failed });
      queued.end(failed);
      throw error;
    }
  }

  private launch(repository: Repository, request: ScanRequest, jobId: string): ScanJob {
    const selected = request.analyses ? [...new Set(request.analyses)] : (Object.keys(registry) as AnalysisId[]);
    const save = request.worktree ? false : (request.save ?? true);
    const options = request.options ?? {};
    // Each analysis checks what it is told before anything starts, so a bad option is one clear error.
    for (const [id, given] of Object.entries(options) as [AnalysisId, unknown][]) {
      const parsed = registry[id].options.safeParse(given);
      if (!parsed.success) throw new StewardError('invalid-input', `${registry[id].descriptor.command.name}: ${describeZodError(parsed.error)}`);
    }
    const purpose: ScanPurpose = request.backfill ? 'backfill' : request.worktree ? 'draft' : 'scan';
    const job = newJob(repository.id, purpose, selected, save, jobId);
    const holder = acquireScanLock(
      this.options.db,
      repository.id,
      { jobId, ownerPid: process.pid, ownerHost: hostname(), startedAt: job.startedAt, heartbeatAt: job.startedAt },
      (lock) => lockStillHeld(lock, { now: new Date(), host: hostname(), pid: process.pid, runningHere: (id) => this.running.has(id), isAlive: isProcessAlive }),
      purpose,
    );
    if (holder) throw busy(repository, holder, purpose);

    const input: ScanWorkerInput = {
      store: this.options.store,
      ...(this.options.cache ? { cache: this.options.cache.store } : {}),
      repositoryId: repository.id,
      path: request.worktree ?? repository.path,
      parseWorkerUrl: String(this.options.workers.parse),
      analyses: selected,
      save,
      ...(request.rescan ? { rescan: true } : {}),
      options,
      ...(request.backfill ? { backfill: request.backfill } : {}),
      ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
    };
    const thread: ScanThread = this.options.inThisThread ? { kind: 'this thread', stores: { db: this.options.db, cache: this.cacheDb } } : { kind: 'worker', module: this.options.workers.scan };
    const reports: RunningScan['reports'] = {};
    const watched = this.watch(job, reports);
    let execution: ScanExecution;
    try {
      execution = startScanExecution(thread, input, watched.events);
    } catch (error) {
      releaseScanLock(this.options.db, repository.id, jobId);
      throw error;
    }
    const scan: RunningScan = { job, execution, reports, settled: watched.settled };
    this.running.set(jobId, scan);
    this.renewal ??= setInterval(() => this.renewLocks(), renewEveryMs).unref();
    // Listeners and callers get copies: the running job keeps changing.
    this.options.onUpdate({ ...job });
    return { ...job };
  }

  /**
   * Says this process still runs its scans. A busy database skips a round (renewScanLocks does not
   * wait; a lock lives through several renewals); any other failure is a warning, since an exception
   * in a timer would end the app.
   */
  private renewLocks(): void {
    try {
      renewScanLocks(this.options.db, [...this.running.keys()], new Date());
    } catch (error) {
      process.emitWarning(`Steward could not renew its scan locks this time: ${(error as Error).message}`);
    }
  }

  /** `shutdown` (the app closing) leaves a backfill to resume at the next start; a person's cancel ends it. */
  cancel(jobId: string, by: 'user' | 'shutdown' = 'user'): ScanJob {
    const waiting = this.queue.findIndex((queued) => queued.job.id === jobId);
    if (waiting !== -1) {
      const [queued] = this.queue.splice(waiting, 1);
      const cancelled: ScanJob = { ...queued!.job, state: 'cancelled', step: '', error: { code: 'cancelled', message: 'The scan was cancelled before it started' } };
      this.options.onUpdate({ ...cancelled });
      queued!.end(cancelled);
      return cancelled;
    }
    const scan = this.running.get(jobId);
    if (!scan) throw new StewardError('not-found', 'That scan is not running (it may have finished already)');
    if (!scan.cancelTimer) {
      scan.execution.cancel(by);
      scan.cancelTimer = setTimeout(() => scan.execution.terminate(), cancelGraceMs);
    }
    return { ...scan.job };
  }

  /** Running scans, then those `scans.startAll` queued. */
  list(): ScanJob[] {
    return [...[...this.running.values()].map((scan) => scan.job), ...this.queue.map((queued) => queued.job)].map((job) => ({ ...job }));
  }

  isScanning(repositoryId: number, purpose?: ScanPurpose): boolean {
    return this.list().some((job) => job.repositoryId === repositoryId && (purpose === undefined || job.purpose === purpose));
  }

  /** The reports a running scan has made so far. */
  reports(jobId: string): Partial<Record<AnalysisId, unknown>> {
    const scan = this.running.get(jobId);
    if (!scan) throw new StewardError('not-found', 'That scan is not running: it finished (its snapshot has the reports), failed or was cancelled');
    return Object.fromEntries(
      Object.entries(scan.reports).filter(([id, report]) => registry[id as AnalysisId].descriptor.report.safeParse(report).success),
    );
  }

  /** The reports of a finished run that saved nothing; each result can be taken once. */
  result(jobId: string): RunResult {
    const kept = this.results.get(jobId);
    if (!kept) throw new StewardError('not-found', 'No result for that run: it saved a snapshot, is still running, failed, or its result was already taken');
    clearTimeout(kept.expiry);
    this.results.delete(jobId);
    return kept.result;
  }

  /** Runs a scan that saves nothing to its end and hands back its result (a failure or a cancel as its StewardError). */
  async run(repository: Repository, request: ScanRequest, signal?: AbortSignal): Promise<RunResult> {
    signal?.throwIfAborted();
    const job = this.start(repository, { ...request, save: false });
    const onAbort = (): void => void this.cancel(job.id);
    signal?.addEventListener('abort', onAbort, { once: true });
    const final = await this.settled(job.id).finally(() => signal?.removeEventListener('abort', onAbort));
    signal?.throwIfAborted();
    if (final.state !== 'succeeded') throw new StewardError(final.error?.code ?? 'internal', final.error?.message ?? 'The scan failed');
    return this.result(job.id);
  }

  /** Resolves with the job in its final state. */
  settled(jobId: string): Promise<ScanJob> {
    const scan = this.running.get(jobId) ?? this.queue.find((queued) => queued.job.id === jobId);
    if (!scan) return Promise.reject(new StewardError('not-found', 'That scan is not running'));
    return scan.settled;
  }

  /** Cancels every running scan and waits for the workers to stop. */
  async close(): Promise<void> {
    for (const queued of [...this.queue]) this.cancel(queued.job.id, 'shutdown');
    const scans = [...this.running.values()];
    for (const scan of scans) this.cancel(scan.job.id, 'shutdown');
    await Promise.all(scans.map((scan) => scan.settled));
    await endIdleScanWorkers();
  }

  /** Keeps a run's result for `result()`: checked against the API's shape, and kept whole (the reports as the analyses made them). */
  private keep(jobId: string, raw: unknown): boolean {
    if (!scanRoutes['scans.result'].output.safeParse(raw).success) return false;
    this.results.set(jobId, { result: raw as RunResult, expiry: setTimeout(() => this.results.delete(jobId), resultLifetimeMs).unref() });
    return true;
  }

  private watch(job: ScanJob, reports: RunningScan['reports']): { events: ScanExecutionEvents; settled: Promise<ScanJob> } {
    let outcome: Pick<ScanJob, 'state' | 'snapshotId' | 'error'> & Partial<Pick<ScanJob, 'alreadyScanned'>> | undefined;
    let resolve!: (job: ScanJob) => void;
    const settled = new Promise<ScanJob>((done) => (resolve = done));
    const update = (changes: Partial<ScanJob>): void => {
      Object.assign(job, changes);
      this.options.onUpdate({ ...job });
    };
    const events: ScanExecutionEvents = {
      message: (raw: unknown) => {
        const message = FromScanWorkerSchema.safeParse(raw);
        if (!message.success) return;
        const data = message.data;
        if (data.type === 'progress') update({ step: data.step, progress: data.progress, detail: data.detail });
        else if (data.type === 'report') {
          // Checked against the analysis's schema when asked for (`reports`): most are never looked at.
          reports[data.analysis] = data.report;
          update({ ready: [...job.ready, data.analysis] });
        }
        else if (data.type === 'succeeded') {
          outcome =
            data.result === undefined || this.keep(job.id, data.result)
              ? { state: 'succeeded', snapshotId: data.snapshotId, alreadyScanned: data.alreadyScanned ?? false, error: null }
              : { state: 'failed', snapshotId: null, error: { code: 'internal', message: 'The run handed back reports of an unexpected shape' } };
        }
        else if (data.type === 'failed') outcome = { state: data.error.code === 'cancelled' ? 'cancelled' : 'failed', snapshotId: null, error: data.error };
      },
      error: (error) => {
        outcome ??= { state: 'failed', snapshotId: null, error: { code: 'internal', message: error.message } };
      },
      exit: (code) => {
        const scan = this.running.get(job.id);
        clearTimeout(scan?.cancelTimer);
        this.running.delete(job.id);
        if (this.running.size === 0) {
          clearInterval(this.renewal);
          this.renewal = undefined;
        }
        try {
          releaseScanLock(this.options.db, job.repositoryId, job.id);
        } catch (error) {
          // The job must still end (or whoever waits for it waits forever); its lock, no longer renewed, goes stale and is taken over.
          process.emitWarning(`Steward could not release the lock of scan ${job.id}: ${(error as Error).message}`);
        }
        const cancelled = scan?.cancelTimer !== undefined;
        outcome ??= cancelled
          ? { state: 'cancelled', snapshotId: null, error: { code: 'cancelled', message: 'The scan was cancelled' } }
          : { state: 'failed', snapshotId: null, error: { code: 'internal', message: `The scan stopped unexpectedly (exit code ${code})` } };
        update({ ...outcome, progress: outcome.state === 'succeeded' ? 1 : job.progress, detail: '' });
        resolve({ ...job });
      },
    };
    return { events, settled };
  }
}

function newJob(repositoryId: number, purpose: ScanPurpose, analyses: AnalysisId[], save: boolean, id: string): ScanJob {
  return { id, repositoryId, purpose, analyses, save, state: 'running', step: 'Starting', progress: 0, detail: '', ready: [], startedAt: new Date().toISOString(), snapshotId: null, alreadyScanned: false, error: null };
}

function missingFolder(repository: Repository): string {
  return `The folder of ${repository.name}, ${repository.path}, is missing (moved or deleted); its history is kept`;
}

/** A queued job's outcome: ended where it waits, or followed once its scan runs. */
function deferredOutcome(): Pick<QueuedScan, 'end' | 'follow' | 'settled'> {
  let end!: (job: ScanJob) => void;
  const settled = new Promise<ScanJob>((resolve) => (end = resolve));
  return { end, follow: (scan) => void scan.then(end), settled };
}

interface Here {
  now: Date;
  host: string;
  pid: number;
  runningHere(jobId: string): boolean;
  isAlive(pid: number): boolean;
}

/**
 * Whether a lock's owner still holds it: this process knows its own jobs; another process on this
 * host must be alive and have renewed the lock lately (a live pid alone may be another program that
 * was given a dead owner's pid); on another host only the renewal can tell.
 */
export function lockStillHeld(lock: ScanLockHolder, here: Here): boolean {
  if (lock.ownerHost === here.host && lock.ownerPid === here.pid) return here.runningHere(lock.jobId);
  const renewed = here.now.getTime() - Date.parse(lock.heartbeatAt) < lockLifetimeMs;
  return renewed && (lock.ownerHost !== here.host || here.isAlive(lock.ownerPid));
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function busy(repository: Repository, holder: ScanLockHolder, purpose: ScanPurpose): StewardError {
  const since = new Date(holder.startedAt).toLocaleTimeString('en-GB');
  const where =
    holder.ownerPid === process.pid && holder.ownerHost === hostname()
      ? 'here'
      : `in another Steward process (pid ${holder.ownerPid}${holder.ownerHost === hostname() ? '' : ` on ${holder.ownerHost}`})`;
  return new StewardError('busy', `A ${purpose} of ${repository.name} is already running ${where} since ${since}${busyAdvice}`);
}

/** What a refused scan's message ends with; a caller that waits by itself (`steward scan --wait`) leaves it out. */
export const busyAdvice = '; wait for it to finish or cancel it';

import type { Handlers, RouteName } from '../../../core/api/routes.js';
import type { ScanJob } from '../../../core/api/scans.js';
import type { Steward } from '../../../core/steward.js';

/** One call that reached a handler, with the value the handler was given. */
export interface HandlerCall {
  route: RouteName;
  received: unknown;
}

/**
 * The Steward's handlers, each recording what it receives (so a test can check that only validated
 * values reach the core), and undoing what a fuzzed request starts or changes that would slow or
 * skew the runs after it: scans, backfills and drafts are cancelled as soon as they start, a removed
 * or moved fixture repository is put back, an added stranger removed, the settings restored.
 */
export async function guardedHandlers(steward: Steward, fixturePaths: ReadonlyMap<number, string>): Promise<{ handlers: Handlers; calls: HandlerCall[] }> {
  const real = steward.handlers;
  const initialSettings = await real['settings.get']({});
  const calls: HandlerCall[] = [];
  const stopScan = async (jobId: string): Promise<void> => {
    // Cancelled once its worker listens (past "Starting"): a worker still loading the engine misses the
    // cancel and is terminated after a grace period, and the next scan loads the engine again.
    await untilStarted(steward, jobId);
    try {
      steward.scans.cancel(jobId);
    } catch {
      // It ended already.
    }
    await steward.scans.settled(jobId).catch(() => undefined);
  };
  const cleanUp: { [R in RouteName]?: (input: Parameters<Handlers[R]>[0], output: Awaited<ReturnType<Handlers[R]>>) => Promise<unknown> } = {
    'scans.start': (_input, job) => stopScan(job.id),
    'backfill.start': (_input, job) => stopScan(job.id),
    'scans.startAll': (_input, { jobs }) => Promise.all(jobs.map((job) => stopScan(job.id))),
    'drafts.create': async (_input, draft) => {
      if (steward.drafts.isRunning(draft.id)) steward.drafts.cancel(draft.id);
      await steward.drafts.settled(draft.id);
    },
    'repositories.add': async (_input, repository) => {
      if (!fixturePaths.has(repository.id)) await real['repositories.remove']({ id: repository.id });
    },
    'repositories.remove': async ({ id }) => {
      const path = fixturePaths.get(id);
      if (path) await real['repositories.add']({ path });
    },
    'repositories.relocate': async ({ id }) => {
      const path = fixturePaths.get(id);
      if (path) await real['repositories.relocate']({ id, path });
    },
    'settings.update': () => real['settings.update'](initialSettings),
  };
  const handlers = Object.fromEntries(
    Object.entries(real).map(([route, handler]) => [
      route,
      async (input: never) => {
        calls.push({ route: route as RouteName, received: structuredClone(input) });
        const output = await (handler as (input: unknown) => Promise<unknown>)(input);
        await (cleanUp[route as RouteName] as ((input: unknown, output: unknown) => Promise<unknown>) | undefined)?.(input, output);
        return output;
      },
    ]),
  ) as Handlers;
  return { handlers, calls };
}

function untilStarted(steward: Steward, jobId: string): Promise<void> {
  const started = (job: ScanJob): boolean => job.state !== 'running' || job.step !== 'Starting';
  return new Promise((resolve) => {
    const current = steward.scans.list().find((job) => job.id === jobId);
    if (!current || started(current)) return resolve();
    const unsubscribe = steward.subscribe((event) => {
      if (event.type !== 'scan' || event.job.id !== jobId || !started(event.job)) return;
      unsubscribe();
      resolve();
    });
  });
}

import { StewardError } from './api/errors.js';
import type { StewardEvent } from './api/events.js';
import type { Handlers, RouteName } from './api/routes.js';
import type { SchedulerClock } from './scan/scan-scheduler.js';
import { type StoreChoice, chooseStore, restoreStoreFile, storeFileText } from './store/store-choice.js';
import { type Steward, type StewardOptions, openChosenSteward } from './steward.js';

/**
 * The app's engine (the desktop app, `steward serve`), on the store chosen for this machine, which
 * Settings → Store changes while the app runs: a store chosen there (checked first) is saved in
 * store.json and, unless --store or STEWARD_STORE names another, an engine on the new store takes the
 * old one's place. The routes, the listeners, the scan schedule and the backfills carry over, and the
 * views are told (a `store` event) to read everything again; a request the old engine was answering
 * gets its answer from it before it closes. Not while a scan or a draft runs (it
 * would be cut short), nor during another move. Opening the new store holds this thread, as opening
 * any store does (its connection, its schema brought up to date).
 */
export function openSwitchableSteward(
  options: Omit<StewardOptions, 'store' | 'storeChoice'>,
  choice: StoreChoice,
  warn: (message: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Steward {
  let current = openChosenSteward(options, choice, warn);
  const listeners = new Set<(event: StewardEvent) => void>();
  const tell = (event: StewardEvent): void => {
    for (const listener of listeners) listener(event);
  };
  let stopListening = current.subscribe(tell);
  // What the host started on the engine, to start again on the next one.
  let scheduler: { clock: SchedulerClock | undefined } | null = null;
  let resumesBackfills = false;
  let moving: Promise<unknown> | null = null;
  let closed = false;
  // The requests each engine is answering: the one left behind is closed once they have their answers.
  const answering = new Map<Steward, Set<Promise<unknown>>>();
  const answer = (route: RouteName, input: never): Promise<unknown> => {
    const engine = current;
    const pending = answering.get(engine) ?? new Set<Promise<unknown>>();
    answering.set(engine, pending);
    const answered = (engine.handlers[route] as (input: never) => Promise<unknown>)(input);
    pending.add(answered);
    const done = () => void pending.delete(answered);
    answered.then(done, done);
    return answered;
  };

  const refuseWhileBusy = (): void => {
    if (current.scans.list().length > 0 || current.drafts.busy) throw new StewardError('busy', 'Steward is scanning or drafting; choose the store once that is done');
  };

  /** Saves the choice and moves to it; one move at a time. */
  const move = async (input: Parameters<Handlers['app.chooseStore']>[0]) => {
    refuseWhileBusy();
    const before = storeFileText(options.home);
    const chosen = await current.handlers['app.chooseStore'](input);
    if (chosen.overriddenBy !== null) return chosen;
    let next: Steward;
    try {
      // Checking the store took a while: a scan or draft may have started since, or the app closed.
      if (closed) throw new StewardError('cancelled', 'Steward is closing');
      refuseWhileBusy();
      next = openChosenSteward(options, chooseStore({ env, home: options.home }), warn);
    } catch (error) {
      // The app stays where it was, and the file says so (a store whose schema is refused, say).
      restoreStoreFile(options.home, before);
      throw error;
    }
    const previous = current;
    stopListening();
    current = next;
    stopListening = current.subscribe(tell);
    tell({ type: 'store' });
    try {
      if (scheduler) current.startScanScheduler(scheduler.clock);
      if (resumesBackfills) current.resumeBackfills();
    } catch (error) {
      warn(`Steward moved to the store chosen, but could not start its scan schedule or backfills: ${(error as Error).message}`);
    } finally {
      await Promise.allSettled(answering.get(previous) ?? []);
      answering.delete(previous);
      await previous.close();
    }
    return chosen;
  };

  // Every route goes to the engine of the moment (a request it began ends there); choosing a store also moves to it.
  const handlers = Object.fromEntries(Object.keys(current.handlers).map((route) => [route, (input: never) => answer(route as RouteName, input)])) as unknown as Handlers;
  handlers['app.chooseStore'] = async (input) => {
    if (moving) throw new StewardError('busy', 'Steward is moving to another store; try again in a moment');
    const moved = move(input);
    moving = moved;
    try {
      return await moved;
    } finally {
      moving = null;
    }
  };

  return {
    handlers,
    get scans() {
      return current.scans;
    },
    get drafts() {
      return current.drafts;
    },
    get db() {
      return current.db;
    },
    workers: options.workers,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    startScanScheduler(clock) {
      scheduler = { clock };
      current.startScanScheduler(clock);
    },
    resumeBackfills() {
      resumesBackfills = true;
      current.resumeBackfills();
    },
    async close() {
      closed = true;
      await moving?.catch(() => {});
      stopListening();
      listeners.clear();
      await current.close();
    },
  };
}

import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { StewardError } from './api/errors.js';
import type { StewardEvent } from './api/events.js';
import type { Handlers, RouteName } from './api/routes.js';
import type { SchedulerClock } from './scan/scan-scheduler.js';
import { type StoreChoice, chooseStore, storeFile } from './store/store-choice.js';
import { type Steward, type StewardOptions, openChosenSteward } from './steward.js';

/**
 * The app's engine (the desktop app, `steward serve`), on the store chosen for this machine, which
 * Settings → Store changes while the app runs: a store chosen there (checked first) is saved in
 * store.json and, unless --store or STEWARD_STORE names another, the engine on the old store is
 * closed and one on the new store takes its place. The routes, the listeners, the scan schedule and
 * the backfills carry over, and the views are told (a `store` event) to read everything again. Not
 * while a scan or a draft runs: it would be cut short.
 */
export function openSwitchableSteward(options: Omit<StewardOptions, 'store' | 'storeChoice'>, choice: StoreChoice, warn: (message: string) => void): Steward {
  let current = openChosenSteward(options, choice, warn);
  const listeners = new Set<(event: StewardEvent) => void>();
  const tell = (event: StewardEvent): void => {
    for (const listener of listeners) listener(event);
  };
  let stopListening = current.subscribe(tell);
  // What the host started on the engine, to start again on the next one.
  let scheduler: { clock: SchedulerClock | undefined } | null = null;
  let resumesBackfills = false;

  const reopen = async (): Promise<void> => {
    const next = openChosenSteward(options, chooseStore({ env: process.env, home: options.home }), warn);
    const previous = current;
    stopListening();
    current = next;
    stopListening = current.subscribe(tell);
    if (scheduler) current.startScanScheduler(scheduler.clock);
    if (resumesBackfills) current.resumeBackfills();
    await previous.close();
    tell({ type: 'store' });
  };

  // Every route goes to the engine of the moment; choosing a store also moves to it.
  const handlers = Object.fromEntries(
    Object.keys(current.handlers).map((route) => [route, (input: never) => (current.handlers[route as RouteName] as (input: never) => Promise<unknown>)(input)]),
  ) as unknown as Handlers;
  handlers['app.chooseStore'] = async (input) => {
    if (current.scans.list().length > 0 || current.drafts.busy) {
      throw new StewardError('busy', 'Steward is scanning or drafting; choose the store once that is done');
    }
    const file = storeFile(options.home);
    const before = existsSync(file) ? readFileSync(file, 'utf8') : null;
    const chosen = await current.handlers['app.chooseStore'](input);
    if (chosen.overriddenBy !== null) return chosen;
    try {
      await reopen();
    } catch (error) {
      // The store cannot be opened after all (its schema refused, say): the file says what is in use, as before (owner only: it may hold a password).
      if (before === null) rmSync(file, { force: true });
      else writeFileSync(file, before, { mode: 0o600 });
      throw error;
    }
    return chosen;
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
      stopListening();
      listeners.clear();
      await current.close();
    },
  };
}

import type { ScanJob } from '../api/scans.js';
import type { Database } from '../store/database.js';
import { claimScheduledSlot, lastScheduledSlot } from '../store/scheduled-scans.js';
import { readSettings, settingChangedAt } from '../store/settings.js';
import { dueSlot } from './scan-schedule.js';

/** The time and the timer a scheduler runs on: the real ones, or a test's, which it moves itself. */
export interface SchedulerClock {
  now(): Date;
  every(ms: number, tick: () => void): { stop(): void };
}

export const realClock: SchedulerClock = {
  now: () => new Date(),
  every(ms, tick) {
    // Unref'd: the schedule never keeps a process alive by itself.
    const timer = setInterval(tick, ms).unref();
    return { stop: () => clearInterval(timer) };
  },
};

/**
 * How often the schedule is looked at. Checking the time often, rather than sleeping until the slot,
 * is what lets a machine that slept through its slot scan soon after it wakes (timers do not count
 * the time a machine sleeps).
 */
const checkEveryMs = 60_000;

/**
 * Runs the weekly scan schedule of the settings while the app runs: at start and every minute, when
 * a slot is due (core/scan/scan-schedule.ts) and this process claims it, scans every registered repository.
 */
export function startScanScheduler({ db, clock, scanAll }: { db: Database; clock: SchedulerClock; scanAll: () => ScanJob[] }): { stop(): void } {
  const check = (): void => {
    try {
      const now = clock.now();
      const slot = dueSlot({ schedule: readSettings(db).scanSchedule, now, setAt: settingChangedAt(db, 'scanSchedule'), lastSlot: lastScheduledSlot(db) });
      if (slot && claimScheduledSlot(db, slot, now)) scanAll();
    } catch (error) {
      // A timer's exception would end the app: the next check, a minute later, tries again.
      process.emitWarning(`Steward could not check the scan schedule: ${(error as Error).message}`);
    }
  };
  const timer = clock.every(checkEveryMs, check);
  check();
  return timer;
}

import { type Settings, weekDays } from '../api/settings.js';

type ScanSchedule = Settings['scanSchedule'];

/**
 * The latest moment at or before `now` that the schedule names: its day at its hour, in the
 * machine's local time (a person sets "Monday, 9 o'clock" by their own clock).
 */
export function latestSlot(schedule: Pick<ScanSchedule, 'day' | 'hour'>, now: Date): Date {
  const slot = new Date(now);
  slot.setHours(schedule.hour, 0, 0, 0);
  // Date counts days from Sunday (0); the schedule's week starts on Monday.
  const dayOfWeek = (weekDays.indexOf(schedule.day) + 1) % 7;
  slot.setDate(slot.getDate() - ((slot.getDay() - dayOfWeek + 7) % 7));
  if (slot > now) {
    slot.setDate(slot.getDate() - 7);
    slot.setHours(schedule.hour, 0, 0, 0);
  }
  return slot;
}

/**
 * The slot to scan now, or null. A slot is due once its time has come, when no scan of it or of a
 * later slot was started (a restart does not scan twice), and when it came after the schedule was
 * set (turning the schedule on does not scan at once for a slot that passed before). A machine that
 * was asleep or closed at the time scans its latest slot when it runs again — once, however many it missed.
 */
export function dueSlot({ schedule, now, setAt, lastSlot }: { schedule: ScanSchedule; now: Date; setAt: Date | null; lastSlot: Date | null }): Date | null {
  if (!schedule.enabled) return null;
  const slot = latestSlot(schedule, now);
  if (setAt !== null && slot <= setAt) return null;
  if (lastSlot !== null && slot <= lastSlot) return null;
  return slot;
}

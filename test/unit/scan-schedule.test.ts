import { describe, expect, it } from 'vitest';
import { dueSlot, latestSlot } from '../../core/scan/scan-schedule.js';

// Local times (the schedule is by the machine's clock): 2026-12-07 is a Monday.
const at = (day: number, hour: number, minute = 0) => new Date(2026, 11, day, hour, minute);
const monday9 = { enabled: true, day: 'monday' as const, hour: 9 };

describe('latestSlot', () => {
  it('is this week’s slot once its hour has come, else last week’s', () => {
    expect(latestSlot(monday9, at(7, 9, 0))).toEqual(at(7, 9));
    expect(latestSlot(monday9, at(7, 8, 59))).toEqual(at(0, 9)); // 30 November
    expect(latestSlot(monday9, at(10, 15))).toEqual(at(7, 9));
    expect(latestSlot({ day: 'sunday', hour: 23 }, at(7, 9))).toEqual(at(6, 23));
    expect(latestSlot({ day: 'sunday', hour: 0 }, at(13, 0, 30))).toEqual(at(13, 0));
  });
});

describe('dueSlot', () => {
  const setAt = at(1, 12); // set on Tuesday 1 December

  it('is due when the time has come and that slot was not scanned', () => {
    expect(dueSlot({ schedule: monday9, now: at(7, 9, 0), setAt, lastSlot: null })).toEqual(at(7, 9));
    expect(dueSlot({ schedule: monday9, now: at(7, 8, 59), setAt, lastSlot: null })).toBeNull();
  });

  it('is not due again after a restart once the slot was scanned, and is due the week after', () => {
    expect(dueSlot({ schedule: monday9, now: at(7, 17), setAt, lastSlot: at(7, 9) })).toBeNull();
    expect(dueSlot({ schedule: monday9, now: at(14, 9), setAt, lastSlot: at(7, 9) })).toEqual(at(14, 9));
  });

  it('scans a missed slot when the machine wakes days later, once for all the weeks it missed', () => {
    expect(dueSlot({ schedule: monday9, now: at(10, 7, 30), setAt, lastSlot: null })).toEqual(at(7, 9));
    expect(dueSlot({ schedule: monday9, now: at(30, 10), setAt, lastSlot: at(7, 9) })).toEqual(at(28, 9));
  });

  it('does not scan at once for a slot that passed before the schedule was set', () => {
    expect(dueSlot({ schedule: monday9, now: at(1, 12, 1), setAt, lastSlot: null })).toBeNull();
    expect(dueSlot({ schedule: monday9, now: at(7, 9), setAt: at(7, 9, 30), lastSlot: null })).toBeNull();
  });

  it('is never due while the schedule is off', () => {
    expect(dueSlot({ schedule: { ...monday9, enabled: false }, now: at(14, 9), setAt, lastSlot: null })).toBeNull();
  });
});

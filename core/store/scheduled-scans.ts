import type { Database } from './database.js';

/** The latest weekly slot whose scans were started, or null before the first. */
export function lastScheduledSlot(db: Database): Date | null {
  const row = db.prepare<[], { slot: string | null }>('SELECT max(slot) AS slot FROM scheduled_scans').get();
  return row?.slot ? new Date(row.slot) : null;
}

/** Claims a slot for this process: false when another process (or an earlier run of this one) claimed it first. */
export function claimScheduledSlot(db: Database, slot: Date, now: Date): boolean {
  return db.prepare('INSERT INTO scheduled_scans (slot, started_at) VALUES (?, ?) ON CONFLICT DO NOTHING').run(slot.toISOString(), now.toISOString()).changes === 1;
}

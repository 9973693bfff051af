import { type Settings, SettingsSchema } from '../api/settings.js';
import type { Database } from './database.js';

/** The stored settings, with the defaults for what was never set (or no longer reads as valid). */
export function readSettings(db: Database): Settings {
  const rows = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings').all();
  const stored = Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value) as unknown]));
  const parsed = SettingsSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  // One bad section (written by another version) must not lose the others.
  return SettingsSchema.parse(Object.fromEntries(Object.entries(stored).filter(([key, value]) => SettingsSchema.shape[key as keyof Settings]?.safeParse(value).success)));
}

/** Merges a change into the stored settings in one transaction and returns the result. */
export function updateSettings(db: Database, change: { [Key in keyof Settings]?: Partial<Settings[Key]> | Settings[Key] }, now: Date): Settings {
  return db
    .transaction(() => {
      const current = readSettings(db);
      const next = SettingsSchema.parse({
        ...current,
        ...Object.fromEntries(Object.entries(change).map(([key, value]) => [key, typeof value === 'object' && value !== null ? { ...(current[key as keyof Settings] as object), ...value } : value])),
      });
      const write = db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at');
      for (const key of Object.keys(change) as (keyof Settings)[]) write.run(key, JSON.stringify(next[key]), now.toISOString());
      return next;
    })
    .immediate();
}

/** When a setting was last changed, or null when it never was. */
export function settingChangedAt(db: Database, key: keyof Settings): Date | null {
  const row = db.prepare<[string], { updated_at: string }>('SELECT updated_at FROM settings WHERE key = ?').get(key);
  return row ? new Date(row.updated_at) : null;
}

import { z } from 'zod';
import { DraftSchema } from './drafts.js';
import { HealthNotificationSchema } from './notifications.js';
import { ScanJobSchema } from './scans.js';

/** Everything the core pushes to views without being asked. */
export const StewardEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('scan'), job: ScanJobSchema }),
  z.object({ type: z.literal('draft'), draft: DraftSchema }),
  /** After a scan saved a snapshot, when its health is news (the settings' notifications). */
  z.object({ type: z.literal('notification'), notification: HealthNotificationSchema }),
  /** The app moved to another store (Settings → Store): everything shown must be read again. */
  z.object({ type: z.literal('store') }),
]);
export type StewardEvent = z.infer<typeof StewardEventSchema>;

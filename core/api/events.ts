import { z } from 'zod';
import { DraftSchema } from './drafts.js';
import { ScanJobSchema } from './scans.js';

/** Everything the core pushes to views without being asked. */
export const StewardEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('scan'), job: ScanJobSchema }),
  z.object({ type: z.literal('draft'), draft: DraftSchema }),
]);
export type StewardEvent = z.infer<typeof StewardEventSchema>;

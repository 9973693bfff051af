import { z } from 'zod';
import { ApiErrorSchema } from './errors.js';

const ScanStateSchema = z.enum(['running', 'succeeded', 'failed', 'cancelled']);

export const ScanJobSchema = z.object({
  id: z.string(),
  repositoryId: z.number().int().positive(),
  state: ScanStateSchema,
  /** Title of the step now running, e.g. "Counting lines of code". */
  step: z.string(),
  /** 0…1 over the whole scan. */
  progress: z.number().min(0).max(1),
  detail: z.string(),
  startedAt: z.iso.datetime(),
  snapshotId: z.number().int().positive().nullable(),
  error: ApiErrorSchema.nullable(),
});
export type ScanJob = z.infer<typeof ScanJobSchema>;

/** How a scan checks dependencies: another registry for unscoped packages, or the cache only. */
export const DependencyScanOptionsSchema = z.object({
  registry: z.url({ protocol: /^https?$/ }).optional(),
  offline: z.boolean().optional(),
});
export type DependencyScanOptions = z.infer<typeof DependencyScanOptionsSchema>;

export const scanRoutes = {
  'scans.start': { input: z.object({ repositoryId: z.number().int().positive(), dependencies: DependencyScanOptionsSchema.optional() }), output: ScanJobSchema },
  'scans.cancel': { input: z.object({ jobId: z.string() }), output: ScanJobSchema },
  /** Scans running in this process, so a reloaded window can show their progress again. */
  'scans.list': { input: z.object({}), output: z.array(ScanJobSchema) },
} as const;

import { z } from 'zod';
import { AnalysisIdSchema } from '../api/analyses.js';
import { ApiErrorSchema } from '../api/errors.js';
import { AnalysisOptionsSchema } from '../api/scans.js';

/** What the scan service hands a scan worker when it starts it. */
const ScanWorkerInputSchema = z.object({
  /** The store: a SQLite file or a team store's URL (core/store/database.ts). */
  store: z.string(),
  /** Where the run's caches are when not in the store: this machine's SQLite file (core/store/store-choice.ts). */
  cache: z.string().optional(),
  nativeBinding: z.string().optional(),
  repositoryId: z.number().int().positive(),
  path: z.string(),
  /** Where the parse-worker module is (a file URL), for the code engine's worker threads. */
  parseWorkerUrl: z.string(),
  analyses: z.array(AnalysisIdSchema),
  save: z.boolean(),
  /** Save a new snapshot even when HEAD was already scanned today with the same analyses and inputs. */
  rescan: z.boolean().optional(),
  options: AnalysisOptionsSchema,
  /** Instead of HEAD: past commits, one per period of `everyDays`, `count` periods back (core/scan/run-backfill.ts). */
  backfill: z.object({ everyDays: z.number().int().positive(), count: z.number().int().positive() }).optional(),
});
export type ScanWorkerInput = z.infer<typeof ScanWorkerInputSchema>;

/**
 * A worker runs one scan at a time, and the next when it is given one (it has loaded the engine).
 * Cancel: `shutdown`: the app is closing, and a backfill stops where it is, to resume at the next
 * start; `user`: cancelled for good.
 */
export const ToScanWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('run'), input: ScanWorkerInputSchema }),
  z.object({ type: z.literal('cancel'), by: z.enum(['user', 'shutdown']) }),
]);
export type ToScanWorker = z.infer<typeof ToScanWorkerSchema>;

export const FromScanWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), step: z.string(), progress: z.number().min(0).max(1), detail: z.string() }),
  /** An analysis's report, as soon as it is made (checked by the service against the analysis's schema). */
  z.object({ type: z.literal('report'), analysis: AnalysisIdSchema, report: z.unknown() }),
  /** A saved scan names its snapshot; a run that saved nothing hands back its result (checked by the service against the API's schema). */
  z.object({ type: z.literal('succeeded'), snapshotId: z.number().int().positive().nullable(), alreadyScanned: z.boolean().optional(), result: z.unknown().optional() }),
  z.object({ type: z.literal('failed'), error: ApiErrorSchema }),
  /** The run is over (after its outcome): the worker is free for the next one. */
  z.object({ type: z.literal('finished') }),
]);
export type FromScanWorker = z.infer<typeof FromScanWorkerSchema>;

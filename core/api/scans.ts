import { z } from 'zod';
import { AnalysisIdSchema, AnalysisReportsSchema } from './analyses.js';
import { ApiErrorSchema } from './errors.js';
import { FoundItemSchema } from './inventory.js';

/** `queued`: waiting for a free slot of `scans.startAll` (then running, and so on). */
const ScanStateSchema = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']);

export const ScanJobSchema = z.object({
  id: z.string(),
  repositoryId: z.number().int().positive(),
  /** `scan`: of HEAD; `backfill`: of past commits (backfill.start), which may run beside a scan. */
  purpose: z.enum(['scan', 'backfill', 'draft']),
  /** The analyses run. */
  analyses: z.array(AnalysisIdSchema),
  /** Whether the run saves a snapshot (a scan) or only hands its reports back (`scans.result`). */
  save: z.boolean(),
  state: ScanStateSchema,
  /** Title of the step now running, e.g. "Counting lines of code". */
  step: z.string(),
  /** 0…1 over the whole scan. */
  progress: z.number().min(0).max(1),
  detail: z.string(),
  /**
   * Analyses whose reports are in, in the order they finished (`scans.reports` has them while the scan
   * runs; the snapshot, once saved, holds them all; a scan that does not finish keeps none).
   */
  ready: z.array(AnalysisIdSchema),
  startedAt: z.iso.datetime(),
  snapshotId: z.number().int().positive().nullable(),
  /**
   * True when nothing new was saved because HEAD had already been scanned today with the same
   * analyses and inputs (another runner's scan of the same commit, a second click): `snapshotId` is
   * that scan's snapshot. `rescan` saves a new one anyway.
   */
  alreadyScanned: z.boolean(),
  error: ApiErrorSchema.nullable(),
});
export type ScanJob = z.infer<typeof ScanJobSchema>;

/** What each analysis is told, by analysis id (each analysis checks its own; see core/analyses/). */
export const AnalysisOptionsSchema = z.partialRecord(AnalysisIdSchema, z.record(z.string(), z.unknown()));
export type AnalysisOptions = z.infer<typeof AnalysisOptionsSchema>;

const RunResultSchema = z.object({
  root: z.string(),
  branch: z.string().nullable(),
  commit: z.string(),
  warnings: z.array(z.string()),
  reports: AnalysisReportsSchema,
  /** How each analysis went (files parsed, taken from the cache, time): not part of its report. */
  stats: z.partialRecord(AnalysisIdSchema, z.record(z.string(), z.unknown())),
  /** The reports' findings as debt items (SARIF is written from them). */
  items: z.array(FoundItemSchema),
});
export type RunResult = z.infer<typeof RunResultSchema>;

export const scanRoutes = {
  /**
   * Scans a repository's HEAD: every analysis (or those named), saving a snapshot; with `save: false`
   * nothing is saved and the reports wait for `scans.result`. Options not given come from the settings.
   */
  'scans.start': {
    input: z.object({
      repositoryId: z.number().int().positive(),
      analyses: z.array(AnalysisIdSchema).min(1).optional(),
      save: z.boolean().default(true),
      /** Save a new snapshot even when HEAD was already scanned today with the same analyses and inputs (see `alreadyScanned`). */
      rescan: z.boolean().default(false),
      options: AnalysisOptionsSchema.optional(),
    }),
    output: ScanJobSchema,
  },
  /**
   * Scans every registered repository (HEAD, every analysis, saved), a few at a time: returns one job
   * per repository, in the order of `repositories.list` — `queued` (it starts when a slot frees),
   * `running` (a scan already running here is reused), or `failed` with a `not-found` error when its
   * folder is missing. Follow them through `scan` events, like any scan; `scans.cancel` cancels a queued one too.
   */
  'scans.startAll': {
    input: z.object({
      /** Save a new snapshot of each even when its HEAD was already scanned today with the same analyses and inputs. */
      rescan: z.boolean().default(false),
    }),
    output: z.object({ jobs: z.array(ScanJobSchema) }),
  },
  'scans.cancel': { input: z.object({ jobId: z.string() }), output: ScanJobSchema },
  /** Scans running in this process, so a reloaded window can show their progress again. */
  'scans.list': { input: z.object({}), output: z.array(ScanJobSchema) },
  /**
   * The reports a running scan has made so far (see `ready`), before its snapshot is saved: what the
   * app shows of a repository's first scan while its history is still read. not-found once it ended.
   */
  'scans.reports': { input: z.object({ jobId: z.string() }), output: AnalysisReportsSchema },
  /** The reports of a finished run that saved nothing; each can be taken once. */
  'scans.result': { input: z.object({ jobId: z.string() }), output: RunResultSchema },
} as const;

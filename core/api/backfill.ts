import { z } from 'zod';
import { ScanJobSchema } from './scans.js';

const backfillStates = ['running', 'stopped', 'finished', 'cancelled', 'failed'] as const;
export type BackfillState = (typeof backfillStates)[number];

/** A period such as `1w` or `10d`: how far apart the backfilled commits are. */
export const BackfillPeriodSchema = z
  .string()
  .regex(/^[1-9]\d{0,2}[dw]$/, 'expected a period such as 1w or 10d (days or weeks, at most 999)')
  .transform((text) => Number(text.slice(0, -1)) * (text.endsWith('w') ? 7 : 1));

const BackfillJobSchema = z.object({
  repositoryId: z.number().int().positive(),
  /** The period, in days (`7d`). */
  every: z.string(),
  count: z.number().int().positive(),
  /** The commit the periods count back from. */
  headCommit: z.string(),
  /** `stopped`: the process that ran it is gone before it finished (resumed by running it again, or by the app). */
  state: z.enum(backfillStates),
  error: z.string().nullable(),
  /** What could not be done as asked: empty periods, where history begins, rewritten history, points that failed. */
  notes: z.array(z.string()),
  /** Newest first; `done` once a snapshot of the commit is stored. */
  points: z.array(z.object({ commit: z.string(), committedAt: z.string(), periodEnd: z.string(), done: z.boolean() })),
  done: z.number().int().nonnegative(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type BackfillJob = z.infer<typeof BackfillJobSchema>;

export const backfillRoutes = {
  /**
   * Analyses past commits of the repository's first-parent line, one per period back from HEAD, as
   * snapshots of kind `backfill` (a trend from the first day). Runs beside a scan of HEAD, never two
   * at once per repository; commits already backfilled are not analysed again, so running it again
   * resumes.
   */
  'backfill.start': {
    input: z.object({
      repositoryId: z.number().int().positive(),
      every: BackfillPeriodSchema.default(7),
      count: z.number().int().min(1).max(520).default(26),
      /** Dependencies from cached metadata only (default: the settings). */
      offline: z.boolean().optional(),
    }),
    output: ScanJobSchema,
  },
  /** The repository's latest backfill and how far it got; null before any. */
  'backfill.status': { input: z.object({ repositoryId: z.number().int().positive() }), output: BackfillJobSchema.nullable() },
} as const;

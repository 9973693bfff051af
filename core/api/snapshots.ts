import { z } from 'zod';

export const SnapshotIdSchema = z.number().int().positive();

/**
 * `complete`: every analysis step ran on every input. `partial`: the snapshot is usable but some
 * input could not be read (its warnings say which).
 */
const SnapshotStatusSchema = z.enum(['complete', 'partial']);

const SnapshotSchema = z.object({
  id: SnapshotIdSchema,
  repositoryId: z.number().int().positive(),
  commit: z.string().regex(/^[0-9a-f]{40,64}$/),
  /** Null when HEAD was detached. */
  branch: z.string().nullable(),
  status: SnapshotStatusSchema,
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  /** Analysis step → version of the code that produced its results. */
  analyzerVersions: z.record(z.string(), z.string()),
  warnings: z.array(z.string()),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

const LineTotalsSchema = z.object({
  files: z.number().int().nonnegative(),
  linesOfCode: z.number().int().nonnegative(),
  commentLines: z.number().int().nonnegative(),
  blankLines: z.number().int().nonnegative(),
});
export type LineTotals = z.infer<typeof LineTotalsSchema>;

const ContributorSchema = z.object({
  name: z.string(),
  email: z.string(),
  commits: z.number().int().positive(),
});

export const SnapshotSummarySchema = z.object({
  snapshot: SnapshotSchema,
  /** Every tracked file, including binary files and files in languages Steward does not know. */
  files: z.number().int().nonnegative(),
  linesOfCode: z.number().int().nonnegative(),
  commits: z.number().int().nonnegative(),
  contributors: z.number().int().nonnegative(),
  /** null when git gives no date Steward can place (a commit dated before 1970 or after 9999). */
  firstCommitAt: z.iso.datetime({ offset: true }).nullable(),
  lastCommitAt: z.iso.datetime({ offset: true }).nullable(),
});
export type SnapshotSummary = z.infer<typeof SnapshotSummarySchema>;

const SnapshotReportSchema = z.object({
  snapshot: SnapshotSchema,
  summary: SnapshotSummarySchema.omit({ snapshot: true }).extend({
    commentLines: z.number().int().nonnegative(),
    blankLines: z.number().int().nonnegative(),
    /** Language → totals, biggest first. Files Steward cannot classify are counted in `files` only. */
    languages: z.record(z.string(), LineTotalsSchema),
    /** Top-level folder → totals of all its files; files at the root are under "(root)". */
    folders: z.record(z.string(), LineTotalsSchema),
    topContributors: z.array(ContributorSchema),
  }),
});
export type SnapshotReport = z.infer<typeof SnapshotReportSchema>;

export const snapshotRoutes = {
  'snapshots.list': {
    input: z.object({ repositoryId: z.number().int().positive() }),
    output: z.array(SnapshotSummarySchema),
  },
  'snapshots.get': { input: z.object({ id: SnapshotIdSchema }), output: SnapshotReportSchema },
} as const;

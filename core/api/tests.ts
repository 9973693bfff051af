import { z } from 'zod';
import { FullPathSchema } from './repositories.js';

const count = z.number().int().nonnegative();
const MatchSchema = z.enum(['yes', 'no', 'unknown']);

/** A JUnit file imported: where from, the commit it was imported at, and whether it was written for it. */
const TestRunSchema = z.object({ source: z.string(), commit: z.string(), writtenAt: z.iso.datetime(), matchesCommit: MatchSchema, tests: count, failed: count, skipped: count });

export const TestsReportSchema = z.object({
  commit: z.string(),
  /** `read`: runs imported (by `steward tests import` or found at this scan); `none`: no test results yet; `not read`: a past commit (a backfill). */
  status: z.enum(['read', 'none', 'not read']),
  /** The runs the flakiness is judged on, oldest first (at most the latest 200). */
  runs: z.array(TestRunSchema),
  /** Tests that passed or failed at least once in them. */
  tests: count,
  flaky: z.array(
    z.object({
      file: z.string().nullable(),
      name: z.string(),
      /** `same commit`: passed and failed on one commit; `flips`: its outcome changed back and forth (three times or more) across runs. */
      why: z.enum(['same commit', 'flips']),
      passes: count,
      failures: count,
      flips: count,
      runs: count,
      commits: z.array(z.string()),
      lastFailedAt: z.iso.datetime().nullable(),
    }),
  ),
  /** Flaky tests of the tests run, 0–100; null without tests. */
  flakyPercent: z.number().min(0).max(100).nullable(),
});
export type TestsReport = z.infer<typeof TestsReportSchema>;

const ImportOutcomeSchema = z.object({
  imported: z.array(TestRunSchema.extend({ duplicate: z.boolean() })),
  warnings: z.array(z.string()),
});
export type TestImportOutcome = z.infer<typeof ImportOutcomeSchema>;

export const testRoutes = {
  /** Imports JUnit XML files of a test run at the repository's HEAD (a file imported before is not counted twice). */
  'tests.import': { input: z.object({ repositoryId: z.number().int().positive(), files: z.array(FullPathSchema).min(1).max(1000) }), output: ImportOutcomeSchema },
} as const;

import { z } from 'zod';
import { SnapshotIdSchema } from './snapshots.js';

/** One item's share of the lost points. */
const PointsSchema = z.object({
  fingerprint: z.string(),
  kind: z.string(),
  title: z.string(),
  path: z.string().nullable(),
  confidence: z.string(),
  effortMinutes: z.number().nonnegative(),
  points: z.number().positive(),
});

const HealthScoreSchema = z.object({
  snapshotId: SnapshotIdSchema,
  /** The folder scored ('' for the repository). */
  folder: z.string(),
  /** The formula (docs/health-score.md): scores of two formulas are not compared. */
  formula: z.string(),
  /** Lines of code of programming and markup languages (not data or prose): what the debt is weighed against. */
  linesOfCode: z.number().int().nonnegative(),
  /** Null when there is nothing to weigh the debt against, with the reason. */
  score: z.number().min(0).max(100).nullable(),
  rating: z.enum(['A', 'B', 'C', 'D', 'E']).nullable(),
  reason: z.string().nullable(),
  /**
   * Points gained (+) or lost (−) since the latest scanned commit at least a week older than this
   * one (by commit date); null without one, and for a folder (its scores are not kept).
   */
  changeSinceWeek: z.number().nullable(),
  categories: z.array(
    z.object({
      /** One of the parts of docs/health-score.md (complexity, hotspots, vulnerabilities, dead-code, …). */
      category: z.string(),
      title: z.string(),
      weight: z.number(),
      lost: z.number().nonnegative(),
      saturated: z.boolean(),
      items: z.array(PointsSchema),
    }),
  ),
});
export type HealthScoreReport = z.infer<typeof HealthScoreSchema>;

const TrendSchema = z.object({ perWeek: z.number(), perWeekLow: z.number(), perWeekHigh: z.number(), current: z.number() });

/** Where the score's trend leads against a threshold (analyzers/health/forecast.ts). */
const HealthForecastSchema = z.object({
  formula: z.string(),
  threshold: z.number(),
  /** The scores the trend is fitted on, oldest first, at their commits' dates. */
  points: z.array(z.object({ snapshotId: SnapshotIdSchema, at: z.string(), score: z.number() })),
  forecast: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('too-few-points'), points: z.number().int(), needed: z.number().int() }),
    z.object({ kind: z.literal('already-crossed'), trend: TrendSchema }),
    z.object({ kind: z.literal('not-on-trend'), trend: TrendSchema }),
    z.object({ kind: z.literal('crossing'), trend: TrendSchema, at: z.iso.datetime(), earliest: z.iso.datetime(), latest: z.iso.datetime() }),
  ]),
});
export type HealthForecastReport = z.infer<typeof HealthForecastSchema>;

export const healthRoutes = {
  /** The health score of the latest scan (or of a snapshot), of the repository or of a folder, with the items behind every lost point. */
  'health.score': {
    input: z.object({ repositoryId: z.number().int().positive(), snapshotId: SnapshotIdSchema.optional(), folder: z.string().optional() }),
    output: HealthScoreSchema,
  },
  /** When the repository's score falls below a threshold on its current trend, from its scans' stored scores. */
  'health.forecast': {
    input: z.object({ repositoryId: z.number().int().positive(), threshold: z.number().min(0).max(100).default(75) }),
    output: HealthForecastSchema,
  },
} as const;

import { z } from 'zod';
import { SnapshotIdSchema } from './snapshots.js';

/** The health score's letter (docs/health-score.md): A from 90, B from 75, C from 60, D from 40, else E. */
export const HealthRatingSchema = z.enum(['A', 'B', 'C', 'D', 'E']);

/**
 * The score a forecast warns about unless asked for another: the lower bound of the B rating, below
 * which the rating drops to C. The Health page, the portfolio, the weekly report and the
 * notifications all forecast against it.
 */
export const forecastScoreThreshold = 75;

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
  rating: HealthRatingSchema.nullable(),
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

/** Change per week with its interval, the line's value now, and how far single points stray from it (a prediction's band is widened by that). */
const TrendSchema = z.object({ perWeek: z.number(), perWeekLow: z.number(), perWeekHigh: z.number(), current: z.number(), spread: z.number().nonnegative() });
const TooFewSchema = z.object({ kind: z.literal('too-few-points'), points: z.number().int(), needed: z.number().int() });

/** Where a measure's trend leads against a threshold (analyzers/health/forecast.ts). */
export const ForecastSchema = z.discriminatedUnion('kind', [
  TooFewSchema,
  z.object({ kind: z.literal('already-crossed'), trend: TrendSchema }),
  z.object({ kind: z.literal('not-on-trend'), trend: TrendSchema }),
  z.object({ kind: z.literal('crossing'), trend: TrendSchema, at: z.iso.datetime(), earliest: z.iso.datetime(), latest: z.iso.datetime() }),
]);

/** A measure watched without a threshold: its trend only. */
const TrendFitSchema = z.discriminatedUnion('kind', [TooFewSchema, z.object({ kind: z.literal('trend'), trend: TrendSchema })]);

/** A measure's values at the scored commits, oldest first, by commit date. */
const SeriesSchema = z.array(z.object({ snapshotId: SnapshotIdSchema, at: z.string(), value: z.number() }));

/** The latest value less the one of the latest commit at least a week older; null without one. */
const WeekChangeSchema = z.number().nullable();

const HealthForecastSchema = z.object({
  formula: z.string(),
  threshold: z.number(),
  /** The scores the trend is fitted on, oldest first, at their commits' dates (scans and backfills). */
  points: z.array(z.object({ snapshotId: SnapshotIdSchema, at: z.string(), score: z.number() })),
  forecast: ForecastSchema,
  changeSinceWeek: WeekChangeSchema,
  /** Each part's lost points over the same commits, with their trend (rising: the part gets sicker). */
  parts: z.array(z.object({ category: z.string(), title: z.string(), weight: z.number(), lost: SeriesSchema, trend: TrendFitSchema, changeSinceWeek: WeekChangeSchema })),
  /** The cognitive complexity per function (90th percentile of a folder's functions) that a folder's forecast dates. */
  complexityThreshold: z.number(),
  /**
   * Top-level folders and those one level below (with at least 10 functions now), most urgent first:
   * their complexity with a forecast against `complexityThreshold`, the debt effort of their counted
   * items in hours, and — for a workspace with known publish times — the mean drift of its dependencies in days.
   */
  folders: z.array(
    z.object({
      folder: z.string(),
      complexity: z.object({ series: SeriesSchema, forecast: ForecastSchema, changeSinceWeek: WeekChangeSchema }),
      effortHours: z.object({ series: SeriesSchema, trend: TrendFitSchema, changeSinceWeek: WeekChangeSchema }),
      driftDays: z.object({ series: SeriesSchema, trend: TrendFitSchema, changeSinceWeek: WeekChangeSchema }).nullable(),
    }),
  ),
  /** The share of flaky tests (0–100) at each scan with test results imported. */
  flakyPercent: z.object({ series: SeriesSchema, trend: TrendFitSchema, changeSinceWeek: WeekChangeSchema }),
});
export type HealthForecastReport = z.infer<typeof HealthForecastSchema>;

const HealthFoldersSchema = z.object({
  snapshotId: SnapshotIdSchema,
  /** Top-level folders and those one level below with at least 50 lines of code, by path. */
  folders: z.array(z.object({ folder: z.string(), linesOfCode: z.number().int().nonnegative(), score: z.number().min(0).max(100).nullable(), rating: HealthRatingSchema.nullable() })),
});
export type HealthFoldersReport = z.infer<typeof HealthFoldersSchema>;

export const healthRoutes = {
  /** The health score of the latest scan (or of a snapshot), of the repository or of a folder, with the items behind every lost point. */
  'health.score': {
    input: z.object({ repositoryId: z.number().int().positive(), snapshotId: SnapshotIdSchema.optional(), folder: z.string().optional() }),
    output: HealthScoreSchema,
  },
  /**
   * When the repository's score falls below a threshold on its current trend, from its scans' and
   * backfills' stored scores; each part's trend; each folder's complexity forecast (against
   * `complexityThreshold`, by default the settings' cognitive threshold), debt effort and dependency drift.
   */
  'health.forecast': {
    input: z.object({ repositoryId: z.number().int().positive(), threshold: z.number().min(0).max(100).default(forecastScoreThreshold), complexityThreshold: z.number().positive().max(1000).optional() }),
    output: HealthForecastSchema,
  },
  /** The health of the latest scan's top folders (for the heat map: size the code, colour the score). */
  'health.folders': { input: z.object({ repositoryId: z.number().int().positive() }), output: HealthFoldersSchema },
} as const;

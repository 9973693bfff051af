import { z } from 'zod';
import { ForecastSchema, HealthRatingSchema, forecastScoreThreshold } from './health.js';
import { ItemKindSchema, SeveritySchema } from './inventory.js';
import { SnapshotIdSchema } from './snapshots.js';


/** One repository as the portfolio shows it: where it stands, where it goes, what is open. */
const PortfolioRepositorySchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  path: z.string(),
  /** The folder is gone (deleted or moved): its history is kept; `repositories.relocate` points Steward at its new place. */
  missing: z.boolean(),
  /** The owners CODEOWNERS gives the whole repository (its `*` line) at the latest scan; null when it names none. */
  team: z.array(z.string()).nullable(),
  /** The latest scan of HEAD; null before the first. */
  latestScan: z
    .object({
      snapshotId: SnapshotIdSchema,
      finishedAt: z.iso.datetime(),
      commit: z.string(),
      /** Whether that scan is of the commit checked out now (false: commits came since; null: the folder cannot be read). */
      atHead: z.boolean().nullable(),
    })
    .nullable(),
  /** The latest scan's health (docs/health-score.md); score null with the reason when there is no code to weigh debt against. */
  health: z
    .object({
      score: z.number().min(0).max(100).nullable(),
      rating: HealthRatingSchema.nullable(),
      reason: z.string().nullable(),
      /** Points since the latest scored commit at least a week older; null without one. */
      changeSinceWeek: z.number().nullable(),
      /** Scores of the last year of commits, oldest first, at most 52 (one per week, its latest): the sparkline. */
      trend: z.array(z.object({ at: z.string(), score: z.number() })),
      /** Where the score's trend leads against the portfolio's threshold. */
      forecast: ForecastSchema,
    })
    .nullable(),
  /** Open items of the latest scan (not accepted, dismissed or resolved); null before the first scan with an inventory. */
  items: z
    .object({
      total: z.number().int().nonnegative(),
      bySeverity: z.partialRecord(SeveritySchema, z.number().int()),
      byKind: z.partialRecord(ItemKindSchema, z.number().int()),
      effortHours: z.number().nonnegative(),
    })
    .nullable(),
  /** Mean drift of the latest dependency check's packages behind their latest release, in days; null when not measured. */
  meanDriftDays: z.number().nonnegative().nullable(),
});
export type PortfolioRepository = z.infer<typeof PortfolioRepositorySchema>;

/** A share with what it is of, so that "0 %" of nothing is never shown as a measure. */
const ShareSchema = z.object({ part: z.number().nonnegative(), whole: z.number().nonnegative(), share: z.number().min(0).max(1).nullable() });

const PortfolioSchema = z.object({
  /** The score the forecasts are made against. */
  threshold: z.number(),
  repositories: z.array(PortfolioRepositorySchema),
  /** The measures the whole practice is judged by. */
  practice: z.object({
    /** Lines of code whose latest scan is of the commit checked out now, at most a week old (a current assessment), of all registered code. */
    freshness: ShareSchema,
    /** Mean score of the scored repositories, weighted by their lines of code; null when none is scored. */
    score: z.number().nullable(),
    /** The same mean's change since a week before (repositories with a score a week older); null without any. */
    changeSinceWeek: z.number().nullable(),
    /** Mean drift behind the latest release, in days, over every measured package of every repository. */
    meanDriftDays: z.number().nonnegative().nullable(),
    /** Drafts approved of those a person decided on (approved or rejected; discarded ones are not a verdict). */
    draftApproval: ShareSchema,
  }),
});
export type Portfolio = z.infer<typeof PortfolioSchema>;

export const portfolioRoutes = {
  /** Every registered repository with its health, trend, forecast and open debt; and the practice's measures. */
  'portfolio.overview': { input: z.object({ threshold: z.number().min(0).max(100).default(forecastScoreThreshold) }), output: PortfolioSchema },
} as const;

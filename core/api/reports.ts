import { z } from 'zod';
import { HealthRatingSchema } from './health.js';
import { SnapshotIdSchema } from './snapshots.js';

const count = z.number().int().nonnegative();
const date = z.iso.datetime({ offset: true });

/** A scored snapshot a report speaks of: which commit, made when (the commit's date). */
const ReportSnapshotSchema = z.object({ snapshotId: SnapshotIdSchema, commit: z.string(), at: date, kind: z.enum(['head', 'backfill']) });
export type ReportSnapshot = z.infer<typeof ReportSnapshotSchema>;

/** An item that costs points, as the score's breakdown stored it. */
const ReportItemSchema = z.object({
  fingerprint: z.string(),
  kind: z.string(),
  title: z.string(),
  path: z.string().nullable(),
  effortMinutes: z.number().nonnegative(),
  points: z.number().nonnegative(),
});
export type ReportItem = z.infer<typeof ReportItemSchema>;

/** One part of the score (docs/health-score.md) now and at the earlier snapshot, and the items behind the change. */
const PartChangeSchema = z.object({
  category: z.string(),
  title: z.string(),
  weight: z.number(),
  lostNow: z.number().nonnegative(),
  /** Null without an earlier snapshot. */
  lostThen: z.number().nonnegative().nullable(),
  /** Points gained (+) or lost (−) by the part; null without an earlier snapshot. */
  change: z.number().nullable(),
  /** Items that cost points now and not then (they took points), most first. */
  added: z.array(ReportItemSchema),
  /** Items that cost points then and not now (fixed, removed, or decided on: they gave points back), most first. */
  removed: z.array(ReportItemSchema),
  /** The change of the items in both: their effort changed, or the code grew or shrank (each item weighs less in more code). */
  reweighed: z.number(),
});
export type PartChange = z.infer<typeof PartChangeSchema>;

/** A next step: a few items of one kind, what fixing them takes, and what it gives the score (computed by the score's own formula). */
const NextActionSchema = z.object({
  category: z.string(),
  kind: z.string(),
  items: z.array(ReportItemSchema),
  effortMinutes: z.number().nonnegative(),
  /** Points the score gains when these items are gone, everything else unchanged. */
  gain: z.number().nonnegative(),
});
export type NextAction = z.infer<typeof NextActionSchema>;

const HotspotSchema = z.object({
  path: z.string(),
  rank: z.number().int().positive(),
  /** Its rank at the earlier snapshot; null when it was not a hotspot then or there is none. */
  rankThen: z.number().int().positive().nullable(),
  /** Commits that changed it in the window × its complexity. */
  score: count,
  revisions: count,
  complexity: count,
  measure: z.enum(['cognitive', 'lines']),
  /** Its complexity at some commits that changed it, oldest first. */
  trend: z.array(z.object({ at: date, complexity: count })),
});

const DependencyStateSchema = z.object({
  dependencies: count,
  /** Null when no package's metadata could be read (offline without a cache): then nothing is known to be current. */
  outdated: count.nullable(),
  /** Packages whose registry metadata could not be read (not counted as outdated or current). */
  unchecked: count,
  /** Sum of libyears over installed packages; null when publish dates could not tell it. */
  libyears: z.number().nonnegative().nullable(),
  vulnerabilities: count.nullable(),
  bySeverity: z.record(z.string(), count).nullable(),
});

const ForecastAlertSchema = z.object({
  /** `score`: the health score; `part`: a part losing points week after week; `folder`: a folder's complexity. */
  subject: z.enum(['score', 'part', 'folder']),
  name: z.string(),
  /** `crossing`: on its trend it crosses the threshold on `at`; `crossed`: already past it; `worsening`: a part losing points. */
  kind: z.enum(['crossing', 'crossed', 'worsening']),
  threshold: z.number().nullable(),
  at: date.nullable(),
  earliest: date.nullable(),
  latest: date.nullable(),
  perWeek: z.number(),
});
export type ForecastAlert = z.infer<typeof ForecastAlertSchema>;

const DraftMentionSchema = z.object({ id: z.string(), kind: z.string(), title: z.string(), at: date, by: z.string() });

const RepositoryReportSchema = z.object({
  repository: z.object({ id: z.number().int().positive(), name: z.string(), path: z.string() }),
  /** The latest scored scan of HEAD; null when the repository has no score yet (then the rest is empty). */
  current: ReportSnapshotSchema.nullable(),
  /** The date compared with: a week before the current snapshot's commit, or the date asked for. */
  target: date.nullable(),
  /** The scored snapshot before the current one whose commit date is nearest to `target`; null when there is none. */
  baseline: ReportSnapshotSchema.nullable(),
  score: z.object({
    now: z.number().min(0).max(100).nullable(),
    rating: HealthRatingSchema.nullable(),
    then: z.number().min(0).max(100).nullable(),
    ratingThen: HealthRatingSchema.nullable(),
    linesOfCode: count,
    linesOfCodeThen: count.nullable(),
    /** Why there is no score, when there is none. */
    reason: z.string().nullable(),
  }),
  /** Every scored commit, oldest first (the chart of the score over time). */
  series: z.array(z.object({ snapshotId: SnapshotIdSchema, at: date, score: z.number() })),
  parts: z.array(PartChangeSchema),
  /** Open items of the inventory now, and their effort. */
  openItems: z.object({ items: count, effortMinutes: z.number().nonnegative() }).nullable(),
  hotspots: z.array(HotspotSchema),
  /** Which hotspots cost points: the top ranks changed at least this often in the window (core/analyses/history/items.ts). */
  hotspotItems: z.object({ topRanks: count, minRevisions: count }),
  dependencies: z.object({ now: DependencyStateSchema.nullable(), then: DependencyStateSchema.nullable() }),
  /** Covered lines of executable lines (0–100) where coverage was read; null: not measured. */
  coverage: z.object({ percent: z.number().min(0).max(100).nullable(), matchesCommit: z.enum(['yes', 'no', 'unknown']).nullable() }),
  /** Flaky tests of the tests run (0–100) where test results were imported; null: not measured. */
  flakiness: z.object({ percent: z.number().min(0).max(100).nullable(), tests: count.nullable(), flaky: z.array(z.string()) }),
  forecasts: z.array(ForecastAlertSchema),
  drafts: z.object({ opened: z.array(DraftMentionSchema), approved: z.array(DraftMentionSchema), rejected: z.array(DraftMentionSchema) }),
  actions: z.array(NextActionSchema),
});
export type RepositoryReport = z.infer<typeof RepositoryReportSchema>;

export const WeeklyReportSchema = z.object({
  generatedAt: date,
  /** Drafts opened, approved and rejected from this date on count as this week's (a week before `generatedAt`, or the date asked for). */
  draftsSince: date,
  /** Each repository asked for, by name. */
  repositories: z.array(RepositoryReportSchema),
});
export type WeeklyReport = z.infer<typeof WeeklyReportSchema>;

export const weeklyReportRoutes = {
  /**
   * The weekly health report of one repository, or of every registered one (`all`): each compared
   * with its scored snapshot nearest to `since` (by commit date; default a week before its latest scan's commit).
   */
  'reports.weekly': {
    input: z.union([
      z.object({ repositoryId: z.number().int().positive(), since: z.iso.date().optional() }),
      z.object({ all: z.literal(true), since: z.iso.date().optional() }),
    ]),
    output: WeeklyReportSchema,
  },
} as const;

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
  linesOfCode: z.number().int().nonnegative(),
  /** Null when there is nothing to weigh the debt against, with the reason. */
  score: z.number().min(0).max(100).nullable(),
  rating: z.enum(['A', 'B', 'C', 'D', 'E']).nullable(),
  reason: z.string().nullable(),
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

export const healthRoutes = {
  /** The health score of the latest scan (or of a snapshot), of the repository or of a folder, with the items behind every lost point. */
  'health.score': {
    input: z.object({ repositoryId: z.number().int().positive(), snapshotId: SnapshotIdSchema.optional(), folder: z.string().optional() }),
    output: HealthScoreSchema,
  },
} as const;

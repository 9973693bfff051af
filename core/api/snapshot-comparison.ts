import { z } from 'zod';
import { SnapshotIdSchema, SnapshotSummarySchema } from './snapshots.js';

const count = z.number().int().nonnegative();

/** A part of the comparison: what changed, or why it cannot be told (one of the snapshots did not run that analysis). */
const compared = <Changes extends z.ZodType>(changes: Changes) =>
  z.discriminatedUnion('state', [z.object({ state: z.literal('compared'), changes }), z.object({ state: z.literal('missing'), reason: z.string() })]);

const HealthChangesSchema = z.discriminatedUnion('comparable', [
  z.object({
    comparable: z.literal(true),
    scoreBefore: z.number().nullable(),
    scoreAfter: z.number().nullable(),
    ratingBefore: z.string().nullable(),
    ratingAfter: z.string().nullable(),
    /** Each part's lost points in both snapshots, the most changed first; null where a score had no such part. */
    parts: z.array(z.object({ category: z.string(), title: z.string(), lostBefore: z.number().nullable(), lostAfter: z.number().nullable() })),
  }),
  z.object({ comparable: z.literal(false), reason: z.string() }),
]);

const ComparedItemSchema = z.object({ fingerprint: z.string(), kind: z.string(), title: z.string(), path: z.string().nullable(), line: z.number().int().nullable() });

const ItemChangesSchema = z.object({
  /** Per kind: found only in the later snapshot, only in the earlier, in both. */
  byKind: z.array(z.object({ kind: z.string(), new: count, resolved: count, stillOpen: count })),
  /** The first of the new and resolved items, by kind and place (the counts above are complete). */
  new: z.array(ComparedItemSchema),
  resolved: z.array(ComparedItemSchema),
});

const FunctionChangeSchema = z.object({
  path: z.string(),
  name: z.string(),
  line: z.number().int().positive(),
  cognitiveBefore: count.nullable(),
  cognitiveAfter: count.nullable(),
  cyclomaticBefore: count.nullable(),
  cyclomaticAfter: count.nullable(),
});

/** Over the snapshots' lists of most complex functions (those over a threshold, and the top few). */
const FunctionChangesSchema = z.object({
  appeared: z.array(FunctionChangeSchema),
  worse: z.array(FunctionChangeSchema),
  better: z.array(FunctionChangeSchema),
  left: z.array(FunctionChangeSchema),
});

const VersionChangeSchema = z.object({ workspace: z.string(), name: z.string(), before: z.string().nullable(), after: z.string().nullable() });
const VulnerabilitySchema = z.object({ id: z.string(), package: z.string(), installed: z.string(), severity: z.string(), title: z.string() });
/** The dependency check's headline figures in one snapshot (null where it could not tell). */
const DependencyFiguresSchema = z.object({ dependencies: count, outdated: count, libyears: z.number().nullable(), vulnerabilities: count.nullable() });

const DependencyChangesSchema = z.object({
  before: DependencyFiguresSchema,
  after: DependencyFiguresSchema,
  upgraded: z.array(VersionChangeSchema),
  downgraded: z.array(VersionChangeSchema),
  added: z.array(VersionChangeSchema),
  removed: z.array(VersionChangeSchema),
  newlyVulnerable: z.array(VulnerabilitySchema),
  noLongerVulnerable: z.array(VulnerabilitySchema),
});

const HotspotChangeSchema = z.object({ path: z.string(), rankBefore: count.nullable(), rankAfter: count.nullable(), scoreBefore: count.nullable(), scoreAfter: count.nullable() });

const HotspotChangesSchema = z.object({
  /** Each snapshot ranks the files changed in the months before its commit (the later snapshot's window). */
  windowMonths: count,
  top: z.array(HotspotChangeSchema),
  cooled: z.array(HotspotChangeSchema),
});

const SnapshotComparisonSchema = z.object({
  /** The earlier and the later snapshot, with their summaries (files, lines of code, commits, contributors). */
  from: SnapshotSummarySchema,
  to: SnapshotSummarySchema,
  health: compared(HealthChangesSchema),
  items: compared(ItemChangesSchema),
  complexity: compared(FunctionChangesSchema),
  dependencies: compared(DependencyChangesSchema),
  hotspots: compared(HotspotChangesSchema),
});
export type SnapshotComparison = z.infer<typeof SnapshotComparisonSchema>;

export const snapshotComparisonRoutes = {
  /** What changed from one snapshot of a repository to another, per analysis. */
  'snapshots.compare': {
    input: z.object({ from: SnapshotIdSchema, to: SnapshotIdSchema }).refine((input) => input.from !== input.to, { message: 'Pick two different snapshots to compare' }),
    output: SnapshotComparisonSchema,
  },
} as const;

import { z } from 'zod';
import { IdentityMapUsedSchema } from './identities.js';

export const SnapshotIdSchema = z.number().int().positive();

/**
 * `complete`: every analysis step ran on every input. `partial`: the snapshot is usable but some
 * input could not be read (its warnings say which).
 */
const SnapshotStatusSchema = z.enum(['complete', 'partial']);

/**
 * Everything a snapshot's analyses took from outside the commit, so that two snapshots can be told
 * comparable or not, and a reader knows what was measured.
 */
const ScanEnvironmentSchema = z.object({
  /** The date every age was measured from. */
  now: z.iso.datetime(),
  /** Whether node_modules was installed at the repository root (deprecations of installed packages' types, peers). */
  nodeModules: z.enum(['installed', 'absent', 'not read']),
  /** How the dependency check asked registries; null when it did not run. */
  dependencies: z
    .object({
      /** Each registry asked, and where the setting came from (.npmrc, environment, --registry, settings). */
      registries: z.array(z.object({ url: z.string(), source: z.string() })),
      offline: z.boolean(),
      /** Where advisories came from (a registry's audit endpoint, OSV, a file), or why there were none. */
      advisories: z.string(),
    })
    .nullable(),
  /** The coverage files read from the work tree: when each was written, and whether it is of the scanned commit; null when coverage was not read. */
  coverage: z.array(z.object({ file: z.string(), modifiedAt: z.string(), matchesCommit: z.enum(['yes', 'no', 'unknown']) })).nullable().default(null),
  /** The git that read the repository (`git version`). */
  git: z.string(),
  /** The .mailmap and the user's identity map that counted authors; null before Steward recorded them. */
  identities: IdentityMapUsedSchema.nullable().default(null),
});
export type ScanEnvironment = z.infer<typeof ScanEnvironmentSchema>;

/** `head`: the checked-out commit when scanned; `backfill`: a past commit; `draft`: a maintenance draft's commit. */
const SnapshotKindSchema = z.enum(['head', 'backfill', 'draft']);

const SnapshotSchema = z.object({
  id: SnapshotIdSchema,
  repositoryId: z.number().int().positive(),
  kind: SnapshotKindSchema,
  commit: z.string().regex(/^[0-9a-f]{40,64}$/),
  /** The commit's committer date; trends order by it. Null for snapshots taken before Steward recorded it. */
  commitDate: z.iso.datetime({ offset: true }).nullable(),
  /** Null when HEAD was detached. */
  branch: z.string().nullable(),
  status: SnapshotStatusSchema,
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  /** Analysis step → version of the code that produced its results. */
  analyzerVersions: z.record(z.string(), z.string()),
  warnings: z.array(z.string()),
  /** Null for snapshots taken before Steward recorded it. */
  environment: ScanEnvironmentSchema.nullable(),
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
  /** People who authored commits, each once (after .mailmap and the user's merges), bots not counted. */
  contributors: z.number().int().nonnegative(),
  /** Bot authors and their commits, apart from people (so commits add up). */
  bots: z.object({ count: z.number().int().nonnegative(), commits: z.number().int().nonnegative() }),
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

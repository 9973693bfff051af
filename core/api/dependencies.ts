import { z } from 'zod';
import { SnapshotIdSchema } from './snapshots.js';

const count = z.number().int().nonnegative();
const date = z.iso.datetime({ offset: true });
const severity = z.enum(['low', 'moderate', 'high', 'critical']);

const RegistryQualitySchema = z.object({
  url: z.string(),
  /** Where the setting came from: npm's default, an .npmrc, the environment, --registry, or a scope. */
  source: z.string(),
  packages: count,
  /** 'unreliable' when its documents show rewritten publish times: ages from it are not shown. */
  times: z.enum(['reliable', 'unreliable', 'unknown']),
  /** How many packages showed each sign of rewritten times. */
  timeSigns: z.record(z.string(), count),
  /** 'stripped' when a package known to be deprecated is not marked so here (the notices it kept are still shown). */
  deprecations: z.enum(['reported', 'stripped', 'unverified']),
});

const DependencySchema = z.object({
  workspace: z.string(),
  name: z.string(),
  field: z.enum(['dependencies', 'devDependencies', 'optionalDependencies']),
  specifier: z.string(),
  kind: z.enum(['registry', 'tag', 'alias', 'workspace', 'file', 'link', 'git', 'url']),
  registryName: z.string().nullable(),
  /** The lockfile's version; null without one (see versionFrom). */
  installed: z.string().nullable(),
  /** The version measured: the lockfile's, or the highest the range allows. */
  version: z.string().nullable(),
  versionFrom: z.enum(['lockfile', 'range']).nullable(),
  latest: z.string().nullable(),
  /** npm-check-updates' upgrade targets (with the cooldown); null when unavailable. */
  targets: z.object({ latest: z.string().nullable(), minor: z.string().nullable(), patch: z.string().nullable() }).nullable(),
  behind: z.object({ major: count, minor: count, patch: count }).nullable(),
  /** libyear drift in days; null when unknown or the registry's times are unreliable. */
  driftDays: z.number().nonnegative().nullable(),
  pulseDays: z.number().nonnegative().nullable(),
  abandoned: z.boolean().nullable(),
  times: z.enum(['reliable', 'unreliable', 'unknown']),
  deprecated: z.string().nullable(),
  latestDeprecated: z.string().nullable(),
  deprecations: z.enum(['reported', 'unknown']),
  engines: z.object({ target: z.string().nullable(), requires: z.string().nullable(), repository: z.string().nullable(), fit: z.enum(['yes', 'partly', 'no', 'unknown']) }),
  peerConflicts: z.array(z.object({ peer: z.string(), range: z.string(), installed: z.string() })),
  installScripts: z.object({ installed: z.boolean().nullable(), target: z.boolean().nullable() }),
  /** Advisories that apply to the installed version (null when no advisory source could be asked). */
  advisories: count.nullable(),
  /** Higher is more urgent: advisories, deprecation, abandonment, drift and majors behind (docs/dependency-metrics.md). */
  risk: z.number().nonnegative(),
  /** Why the metrics are missing (the package could not be fetched), or what else to know. */
  problem: z.string().nullable(),
  note: z.string().nullable(),
});
export type DependencyReportItem = z.infer<typeof DependencySchema>;

const VulnerabilitySchema = z.object({
  id: z.string(),
  package: z.string(),
  installed: z.string(),
  severity,
  title: z.string(),
  url: z.string().nullable(),
  vulnerableVersions: z.string(),
  fixedIn: z.string().nullable(),
  fixIsMajor: z.boolean().nullable(),
  /** The advisory's CVSS base score (0–10); null when it gives none (and in checks saved before Steward read it). */
  cvss: z.number().min(0).max(10).nullable().default(null),
  /** From a direct dependency down to the package. */
  paths: z.array(z.array(z.string())),
});
export type VulnerabilityReport = z.infer<typeof VulnerabilitySchema>;

export const DependencyReportSchema = z.object({
  commit: z.string(),
  checkedAt: date,
  lockfile: z.string().nullable(),
  registries: z.array(RegistryQualitySchema),
  /** How the package metadata was obtained this time. */
  metadata: z.object({
    offline: z.boolean(),
    network: count,
    revalidated: count,
    cache: count,
    staleCache: count,
    failed: count,
    /** The oldest metadata used, when some came from the cache. */
    oldestFetch: date.nullable(),
  }),
  advisories: z.object({ status: z.enum(['checked', 'unavailable']), source: z.string(), note: z.string().nullable() }),
  targets: z.object({ status: z.enum(['ok', 'unavailable']), cooldownDays: count, note: z.string().nullable() }),
  summary: z.object({
    /** Declared registry dependencies (per workspace), and distinct installed packages among them. */
    dependencies: count,
    packages: count,
    outdated: count,
    /** libyears over distinct installed packages; null when no drift could be measured. */
    libyears: z.number().nonnegative().nullable(),
    meanLibyears: z.number().nonnegative().nullable(),
    over90: count.nullable(),
    over180: count.nullable(),
    over365: count.nullable(),
    deprecated: count.nullable(),
    abandoned: count.nullable(),
    vulnerabilities: count.nullable(),
    bySeverity: z.record(severity, count).nullable(),
  }),
  dependencies: z.array(DependencySchema),
  vulnerabilities: z.array(VulnerabilitySchema),
  warnings: z.array(z.string()),
});
export type DependencyReport = z.infer<typeof DependencyReportSchema>;

/** One snapshot's dependency summary, for the staleness trend. */
const DependencyTrendPointSchema = z.object({
  snapshotId: SnapshotIdSchema,
  commit: z.string(),
  checkedAt: date,
  dependencies: count,
  outdated: count,
  libyears: z.number().nonnegative().nullable(),
  deprecated: count.nullable(),
  vulnerabilities: count.nullable(),
});
export type DependencyTrendPoint = z.infer<typeof DependencyTrendPointSchema>;

export const dependencyRoutes = {
  /** Every snapshot's dependency summary for a repository, oldest first: how staleness developed. */
  'repositories.dependencyTrend': { input: z.object({ repositoryId: z.number().int().positive() }), output: z.array(DependencyTrendPointSchema) },
};

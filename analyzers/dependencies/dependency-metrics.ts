import semver from 'semver';
import type { PackageMetadata, PublishedVersion } from './package-metadata.js';

const dayMs = 86_400_000;
/** No release for longer than this: abandoned. */
const abandonedAfterDays = 365;

interface VersionsBehind {
  /** Newer major versions (distinct major numbers up to the latest). */
  major: number;
  /** Newer minor versions within the installed major. */
  minor: number;
  /** Newer patches within the installed minor. */
  patch: number;
}

type EnginesFit = 'yes' | 'partly' | 'no' | 'unknown';

interface PeerConflict {
  /** The peer dependency the upgrade target asks for. */
  peer: string;
  /** The range it asks for. */
  range: string;
  /** The version installed here, outside that range. */
  installed: string;
}

interface DependencyMetrics {
  /** The version measured against: the lockfile's, or the highest the range allows when there is no lockfile. */
  version: string | null;
  versionFrom: 'lockfile' | 'range' | null;
  /** dist-tags.latest. */
  latest: string | null;
  behind: VersionsBehind | null;
  /** Release date of the latest stable version − release date of the version in use, in days (0 when up to date). */
  driftDays: number | null;
  /** Days since the package's most recent release of any kind. */
  pulseDays: number | null;
  /** No release for more than a year. */
  abandoned: boolean | null;
  /** Whether the publish times above could be used: 'unreliable' when the registry rewrites them, 'unknown' when it has none. */
  times: 'reliable' | 'unreliable' | 'unknown';
  /** The deprecation message of the version in use, and of the latest; null when there is none (which proves nothing when `deprecations` is 'unknown'). */
  deprecated: string | null;
  latestDeprecated: string | null;
  deprecations: 'reported' | 'unknown';
  /** Whether the upgrade target's engines.node allows every Node version the repository supports. */
  engines: { target: string | null; requires: string | null; repository: string | null; fit: EnginesFit };
  /** Peer dependencies of the upgrade target that the installed versions do not satisfy. */
  peerConflicts: PeerConflict[];
  /** Whether installing runs preinstall/install/postinstall scripts: the version in use, and the upgrade target. */
  installScripts: { installed: boolean | null; target: boolean | null };
}

export interface MetricsInput {
  metadata: PackageMetadata;
  /** The lockfile's version, or null. */
  installed: string | null;
  /** The declared range, for when there is no lockfile version. */
  range: string | null;
  /** The version an upgrade would move to (npm-check-updates' latest target), or null to use dist-tags.latest. */
  target: string | null;
  /** Whether this package's publish times can be trusted (the registry's verdict and its own signs). */
  timesReliable: boolean;
  /** Whether the registry reports deprecations (some mirrors strip them). */
  deprecationsReported: boolean;
  /** The repository's engines.node. */
  repositoryNode: string | null;
  /** Versions installed next to it (its workspace's and the root's dependencies), for peer checks. */
  neighbours: ReadonlyMap<string, string>;
  now: Date;
}

/**
 * The staleness of one dependency from its package metadata: versions behind, libyear drift,
 * pulse, abandonment, deprecation, engines fit, peer conflicts of the upgrade, install scripts.
 */
export function dependencyMetrics(input: MetricsInput): DependencyMetrics {
  const { metadata, now } = input;
  const byVersion = new Map(metadata.versions.map((version) => [version.version, version]));
  const latestTag = metadata.distTags['latest'] ?? null;
  const latest = latestTag && byVersion.has(latestTag) ? latestTag : null;
  const version = versionInUse(metadata, input.installed, input.range);
  const inUse = version ? byVersion.get(version) : undefined;
  const targetVersion = input.target ?? latest;
  const target = targetVersion ? byVersion.get(targetVersion) : undefined;

  const times = !input.timesReliable ? 'unreliable' : metadata.versions.some((v) => v.time) ? 'reliable' : 'unknown';
  const newestStable = latest && !semver.prerelease(latest) ? latest : highestStable(metadata.versions);
  let driftDays: number | null = null;
  let pulseDays: number | null = null;
  if (times === 'reliable') {
    const stable = newestStable ? byVersion.get(newestStable) : undefined;
    if (inUse?.time && stable?.time && semver.valid(version) && semver.valid(newestStable)) driftDays = semver.gte(version!, newestStable!) ? 0 : Math.max(0, days(Date.parse(stable.time) - Date.parse(inUse.time)));
    const newest = Math.max(...metadata.versions.map((v) => (v.time ? Date.parse(v.time) : Number.NEGATIVE_INFINITY)));
    if (Number.isFinite(newest)) pulseDays = Math.max(0, days(now.getTime() - newest));
  }
  return {
    version,
    versionFrom: input.installed ? 'lockfile' : version ? 'range' : null,
    latest,
    behind: semver.valid(version) && semver.valid(latest) ? versionsBehind(version!, latest!, metadata.versions) : null,
    driftDays,
    pulseDays,
    abandoned: pulseDays === null ? null : pulseDays > abandonedAfterDays,
    times,
    // A notice present is true even where the registry strips others; its absence then proves nothing.
    deprecated: inUse?.deprecated ?? null,
    latestDeprecated: (latest && byVersion.get(latest)?.deprecated) || null,
    deprecations: input.deprecationsReported ? 'reported' : 'unknown',
    engines: enginesFit(target, input.repositoryNode),
    peerConflicts: peerConflicts(target, input.neighbours),
    installScripts: { installed: inUse ? inUse.installScripts : null, target: target ? target.installScripts : null },
  };
}

/** The version to measure: the lockfile's, else the highest published version the declared range allows. */
export function versionInUse(metadata: PackageMetadata, installed: string | null, range: string | null): string | null {
  if (installed) return installed;
  if (!range || !semver.validRange(range)) return range && Object.hasOwn(metadata.distTags, range) ? metadata.distTags[range]! : null;
  return semver.maxSatisfying(
    metadata.versions.map((version) => version.version),
    range,
  );
}

/** Drift and pulse are kept to a tenth of a day. */
function days(ms: number): number {
  return Math.round((ms / dayMs) * 10) / 10;
}

function highestStable(versions: readonly PublishedVersion[]): string | null {
  let highest: semver.SemVer | null = null;
  for (const { parsed } of parsedVersions(versions)) if (parsed.prerelease.length === 0 && (!highest || parsed.compare(highest) > 0)) highest = parsed;
  return highest?.version ?? null;
}

const parsedCache = new WeakMap<readonly PublishedVersion[], { version: string; parsed: semver.SemVer }[]>();

/** The valid versions of a package, parsed once however many dependencies measure against them. */
function parsedVersions(versions: readonly PublishedVersion[]): { version: string; parsed: semver.SemVer }[] {
  let parsed = parsedCache.get(versions);
  if (!parsed) {
    parsed = versions.flatMap(({ version }) => {
      const semverVersion = semver.parse(version);
      return semverVersion ? [{ version, parsed: semverVersion }] : [];
    });
    parsedCache.set(versions, parsed);
  }
  return parsed;
}

/**
 * Distinct newer releases up to the latest, by how far they reach: majors (counted once per major
 * number), minors within the installed major, patches within the installed minor. Prereleases do not count.
 */
export function versionsBehind(installed: string, latest: string, versions: readonly PublishedVersion[]): VersionsBehind {
  const majors = new Set<number>();
  const minors = new Set<number>();
  let patch = 0;
  const [from, to] = [new semver.SemVer(installed), new semver.SemVer(latest)];
  for (const { parsed } of parsedVersions(versions)) {
    if (parsed.prerelease.length > 0 || parsed.compare(from) <= 0 || parsed.compare(to) > 0) continue;
    if (parsed.major !== from.major) majors.add(parsed.major);
    else if (parsed.minor !== from.minor) minors.add(parsed.minor);
    else patch++;
  }
  return { major: majors.size, minor: minors.size, patch };
}

function enginesFit(target: PublishedVersion | undefined, repository: string | null): DependencyMetrics['engines'] {
  const requires = target?.node ?? null;
  const result = { target: target?.version ?? null, requires, repository };
  if (!target || !repository || !semver.validRange(repository)) return { ...result, fit: 'unknown' };
  if (!requires) return { ...result, fit: 'yes' };
  if (!semver.validRange(requires)) return { ...result, fit: 'unknown' };
  if (semver.subset(repository, requires)) return { ...result, fit: 'yes' };
  return { ...result, fit: semver.intersects(repository, requires) ? 'partly' : 'no' };
}

function peerConflicts(target: PublishedVersion | undefined, neighbours: ReadonlyMap<string, string>): PeerConflict[] {
  const conflicts: PeerConflict[] = [];
  for (const [peer, range] of Object.entries(target?.peerDependencies ?? {})) {
    const installed = neighbours.get(peer);
    if (installed && semver.valid(installed) && semver.validRange(range) && !semver.satisfies(installed, range, { includePrerelease: true })) conflicts.push({ peer, range, installed });
  }
  return conflicts;
}

import semver from 'semver';

/** What the comparison reads of a declared dependency. */
interface ComparedDependency {
  workspace: string;
  name: string;
  /** The version measured (the lockfile's, or the highest the range allows); null when unknown. */
  version: string | null;
}

/** What the comparison reads of an advisory that applies to an installed package. */
interface ComparedVulnerability {
  id: string;
  package: string;
  installed: string;
  severity: string;
  title: string;
}

interface VersionChange {
  workspace: string;
  name: string;
  before: string | null;
  after: string | null;
}

interface DependencyChanges {
  upgraded: VersionChange[];
  /** A lower version than before (a pin or a rollback). */
  downgraded: VersionChange[];
  added: VersionChange[];
  removed: VersionChange[];
  /** Advisories that apply in the later snapshot and did not in the earlier one. */
  newlyVulnerable: ComparedVulnerability[];
  /** Advisories that applied in the earlier snapshot and no longer do. */
  noLongerVulnerable: ComparedVulnerability[];
}

const dependencyKey = (entry: ComparedDependency): string => `${entry.workspace}\0${entry.name}`;
const vulnerabilityKey = (entry: ComparedVulnerability): string => `${entry.id}\0${entry.package}\0${entry.installed}`;
const byName = (a: VersionChange, b: VersionChange): number => a.name.localeCompare(b.name) || a.workspace.localeCompare(b.workspace);

/**
 * Whether `after` is a higher version than `before`: by semver where both are versions (the same
 * precedence, as 1.2.0+build.1 and 1.2.0+build.2 or v2.0.0 and 2.0.0, is no change), else unknown.
 */
function direction(before: string, after: string): 'up' | 'down' | 'same' | 'unknown' {
  const older = semver.valid(before);
  const newer = semver.valid(after);
  if (!older || !newer) return 'unknown';
  const order = semver.compare(newer, older);
  return order > 0 ? 'up' : order < 0 ? 'down' : 'same';
}

/** How two snapshots' dependencies differ: per workspace and package, and the advisories that apply. */
export function dependencyChanges(
  from: { dependencies: readonly ComparedDependency[]; vulnerabilities: readonly ComparedVulnerability[] },
  to: { dependencies: readonly ComparedDependency[]; vulnerabilities: readonly ComparedVulnerability[] },
): DependencyChanges {
  const before = new Map(from.dependencies.map((entry) => [dependencyKey(entry), entry]));
  const after = new Map(to.dependencies.map((entry) => [dependencyKey(entry), entry]));
  const result: DependencyChanges = { upgraded: [], downgraded: [], added: [], removed: [], newlyVulnerable: [], noLongerVulnerable: [] };
  for (const [key, entry] of after) {
    const earlier = before.get(key);
    const versions = { workspace: entry.workspace, name: entry.name, before: earlier?.version ?? null, after: entry.version };
    if (!earlier) result.added.push(versions);
    else if (earlier.version !== null && entry.version !== null && earlier.version !== entry.version) {
      const moved = direction(earlier.version, entry.version);
      // A version that is not semver (a tag or a git ref that changed) counts as an upgrade: it was moved on.
      if (moved !== 'same') (moved === 'down' ? result.downgraded : result.upgraded).push(versions);
    }
  }
  for (const [key, entry] of before) if (!after.has(key)) result.removed.push({ workspace: entry.workspace, name: entry.name, before: entry.version, after: null });
  for (const list of [result.upgraded, result.downgraded, result.added, result.removed]) list.sort(byName);
  const vulnerableBefore = new Set(from.vulnerabilities.map(vulnerabilityKey));
  const vulnerableAfter = new Set(to.vulnerabilities.map(vulnerabilityKey));
  result.newlyVulnerable = to.vulnerabilities.filter((entry) => !vulnerableBefore.has(vulnerabilityKey(entry)));
  result.noLongerVulnerable = from.vulnerabilities.filter((entry) => !vulnerableAfter.has(vulnerabilityKey(entry)));
  return result;
}

import semver from 'semver';
import { isObject } from '../../../analyzers/discover/package-json.js';
import { type Upgrade, changeClass, unitLabel, upgradeGroups, upgradeUnits } from '../../../analyzers/drafts/upgrade-groups.js';
import { requestJson } from '../../analyses/dependencies/request-json.js';
import type { DependencyReport, DependencyReportItem, VulnerabilityReport } from '../../api/dependencies.js';
import type { DraftUnit } from '../../api/drafts.js';
import type { DraftContext, DraftKindModule, PlannedGroup } from '../draft-kind.js';
import { dependencyUpgrades } from './dependency-upgrades.js';

/** One way to bring a vulnerable package to a fixed version. */
type Fix = { upgrade: Upgrade; how: string };

/**
 * Security fixes: each vulnerable package to the lowest fixed version — its own declaration when it
 * is a direct dependency; else the release of the direct dependency that pulls it in whose range
 * excludes the vulnerable versions; else an override (npm `overrides`, pnpm `pnpm.overrides`, yarn
 * `resolutions`). A fix that crosses a major version is its own commit, as in dependency drafts.
 */
export const securityFixes: DraftKindModule = {
  kind: 'security',
  analyses: dependencyUpgrades.analyses,

  async plan(context) {
    const report = context.base.reports.dependencies as DependencyReport | undefined;
    if (!report) return [];
    const fixes: Fix[] = [];
    for (const item of context.items) {
      const vulnerability = report.vulnerabilities.find((candidate) => item.symbol === `${candidate.package} ${candidate.id}`);
      if (!vulnerability) context.warn(`${item.title}: not found by the scan of the base commit; left out`);
      else if (!vulnerability.fixedIn) context.warn(`${vulnerability.package} ${vulnerability.installed}: no fixed version of ${vulnerability.id} is published; replace it or accept the risk`);
      else {
        const fix = await fixOf(context, report, vulnerability, vulnerability.fixedIn, item.fingerprint);
        if (fix) fixes.push(fix);
      }
    }
    // Advisories of one package fixed by one version: the highest of their lowest fixed versions.
    const merged = new Map<string, Fix>();
    for (const fix of fixes) {
      const key = `${fix.upgrade.workspace} ${fix.upgrade.field} ${fix.upgrade.name}`;
      const known = merged.get(key);
      if (!known || semver.gt(fix.upgrade.to, known.upgrade.to)) merged.set(key, known ? { ...fix, upgrade: { ...fix.upgrade, fingerprints: [...known.upgrade.fingerprints, ...fix.upgrade.fingerprints] } } : fix);
      else known.upgrade.fingerprints.push(...fix.upgrade.fingerprints);
    }
    const hows = new Map([...merged.values()].map((fix) => [fix.upgrade.name, fix.how]));
    return upgradeGroups(upgradeUnits([...merged.values()].map((fix) => fix.upgrade)), { small: 'Security fixes', major: (label) => `Security fix, a major upgrade: ${label}` }).map(
      (group): PlannedGroup => ({
        title: group.title,
        units: group.units.map((unit): DraftUnit => ({
          label: unitLabel(unit),
          versions: unit.upgrades.map(({ workspace, name, field, from, to }) => ({ workspace, name, field, from, to, change: changeClass(from, to) })),
          removals: [],
          renames: [],
          together: unit.together,
          fixedBy: unit.upgrades.map((upgrade) => hows.get(upgrade.name)).join('; '),
          fingerprints: unit.upgrades.flatMap((upgrade) => upgrade.fingerprints),
        })),
      }),
    );
  },

  apply: dependencyUpgrades.apply,
  message: dependencyUpgrades.message,
  explain: dependencyUpgrades.explain,
};

async function fixOf(context: DraftContext, report: DependencyReport, vulnerability: VulnerabilityReport, fixedIn: string, fingerprint: string): Promise<Fix | null> {
  const base = { peers: [], fingerprints: [fingerprint] };
  const direct = report.dependencies.find((dependency) => dependency.registryName === vulnerability.package && dependency.version === vulnerability.installed);
  if (direct) return { upgrade: { ...base, workspace: direct.workspace, name: direct.name, field: direct.field, from: vulnerability.installed, to: fixedIn }, how: `${direct.name} is a direct dependency` };
  // Pulled in by a direct dependency: a release of it that asks for a fixed version, if one exists.
  const parents = [...new Set(vulnerability.paths.filter((path) => path.length === 2).map((path) => path[0]!))];
  for (const parentName of parents) {
    const parent = report.dependencies.find((dependency: DependencyReportItem) => dependency.name === parentName && dependency.version);
    if (!parent?.registryName || !parent.version) continue;
    const release = await parentReleaseFixing(context, parent.registryName, parent.version, vulnerability.package, fixedIn);
    if (release) return { upgrade: { ...base, workspace: parent.workspace, name: parent.name, field: parent.field, from: parent.version, to: release }, how: `${parent.name} ${release} asks for a fixed ${vulnerability.package}` };
  }
  return {
    upgrade: { ...base, workspace: '', name: vulnerability.package, field: 'overrides', from: vulnerability.installed, to: fixedIn },
    how: `no release of what pulls in ${vulnerability.package} (${vulnerability.paths.map((path) => path.join(' › ')).slice(0, 2).join('; ')}) asks for a fixed version: an override forces ${fixedIn}`,
  };
}

/** The lowest release of a package after the one in use whose dependency on `name` can only resolve to `fixedIn` or later. */
async function parentReleaseFixing(context: DraftContext, parent: string, inUse: string, name: string, fixedIn: string): Promise<string | null> {
  const registry = context.registryFor(parent);
  const answer = await requestJson<[string, string][]>(
    `${registry.url}${parent.replace('/', '%2f')}`,
    {
      headers: { accept: 'application/json', 'user-agent': 'steward', ...(registry.authorization ? { authorization: registry.authorization } : {}) },
      reduce: (document) => {
        const versions = isObject(document) && isObject(document['versions']) ? document['versions'] : {};
        return Object.entries(versions).flatMap(([version, manifest]) => {
          const range = isObject(manifest) && isObject(manifest['dependencies']) ? manifest['dependencies'][name] : undefined;
          return typeof range === 'string' ? [[version, range] as [string, string]] : [];
        });
      },
    },
    { signal: context.signal },
  );
  if (answer.kind !== 'document') return null;
  const fixing = answer.document
    .filter(([version, range]) => semver.valid(version) && !semver.prerelease(version) && semver.gt(version, inUse) && semver.validRange(range) && semver.gte(semver.minVersion(range) ?? '0.0.0', fixedIn))
    .map(([version]) => version)
    .sort(semver.compare);
  return fixing[0] ?? null;
}

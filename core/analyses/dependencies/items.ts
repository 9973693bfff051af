import type { DependencyReport, DependencyReportItem } from '../../api/dependencies.js';
import type { Severity } from '../../api/inventory.js';
import type { ItemContext, ItemDraft } from '../../inventory/item-draft.js';

/** A dependency is stale a major version behind, or when its installed release is over a year older than the newest. */
const staleDriftDays = 365;

const severityOf: Record<DependencyReport['vulnerabilities'][number]['severity'], Severity> = { critical: 'critical', high: 'high', moderate: 'medium', low: 'low' };

/** The package.json that declares a dependency: its item's path. */
export const dependencyManifest = (dependency: Pick<DependencyReportItem, 'workspace'>): string => `${dependency.workspace ? `${dependency.workspace}/` : ''}package.json`;

/** A dependency's item symbol: its name, and the field when not `dependencies`. */
export const dependencySymbol = (dependency: Pick<DependencyReportItem, 'name' | 'field'>): string =>
  dependency.field === 'dependencies' ? dependency.name : `${dependency.name} (${dependency.field})`;

/** Stale, deprecated and abandoned dependencies, and vulnerabilities of the installed tree. */
export function dependencyItems(report: DependencyReport, { importersOf }: ItemContext): ItemDraft[] {
  const items: ItemDraft[] = [];
  for (const dependency of report.dependencies) {
    if (!dependency.registryName || !dependency.version) continue;
    const manifest = dependencyManifest(dependency);
    const importers = importersOf(dependency.registryName);
    const from = dependency.versionFrom === 'lockfile' ? 'the lockfile' : 'the highest version its range allows (no lockfile entry)';
    const base = {
      path: manifest,
      line: null,
      symbol: dependencySymbol(dependency),
      size: importers ?? 0,
      evidence: evidenceOf(dependency, importers),
    };
    const majors = dependency.behind?.major ?? 0;
    const drifted = dependency.driftDays !== null && dependency.driftDays > staleDriftDays;
    if (majors > 0 || drifted) {
      items.push({
        ...base,
        kind: 'stale-dependency',
        title: `${dependency.name} ${dependency.version} is behind ${dependency.latest ?? 'the latest'}${majors > 0 ? ` (${majors} major version${majors === 1 ? '' : 's'})` : ''}${dependency.driftDays === null ? '' : `, ${Math.round(dependency.driftDays)} days of drift`}`,
        severity: majors >= 2 ? 'medium' : 'low',
        confidence: dependency.versionFrom === 'lockfile' ? 'high' : 'medium',
        confidenceReason: `The version in use comes from ${from}; versions behind are counted from the registry's list of releases.`,
        material: `${dependency.version} ${dependency.latest ?? ''}`,
        fix: {
          text: `Upgrade ${dependency.name} from ${dependency.version} to ${dependency.targets?.latest ?? dependency.latest ?? 'the latest version'}${majors > 0 ? ' (a major upgrade: read its release notes)' : ''}.`,
          draft: 'deps',
        },
      });
    }
    if (dependency.deprecated) {
      items.push({
        ...base,
        kind: 'deprecated-dependency',
        title: `${dependency.name} ${dependency.version} is deprecated: ${dependency.deprecated}`,
        severity: 'medium',
        confidence: 'high',
        confidenceReason: 'Its registry marks the version in use deprecated.',
        material: dependency.version,
        fix: { text: `Replace ${dependency.name} as its deprecation says: ${dependency.deprecated}`, draft: 'deps' },
      });
    }
    if (dependency.abandoned) {
      items.push({
        ...base,
        kind: 'abandoned-dependency',
        title: `${dependency.name} looks abandoned: no release for ${Math.round(dependency.pulseDays ?? 0)} days`,
        severity: 'medium',
        confidence: 'medium',
        confidenceReason: 'No release of any kind for over a year (from publish times the registry reports reliably); a finished package looks the same.',
        material: dependency.latest ?? dependency.version,
        fix: { text: `Find a maintained replacement for ${dependency.name}, or accept it as finished.`, draft: 'deps' },
      });
    }
  }
  for (const vulnerability of report.vulnerabilities) {
    items.push({
      kind: 'vulnerability',
      title: `${vulnerability.package} ${vulnerability.installed}: ${vulnerability.title} (${vulnerability.severity})`,
      // Where the vulnerable version is pinned, and so whose owner fixes it.
      path: report.lockfile ?? 'package.json',
      line: null,
      symbol: `${vulnerability.package} ${vulnerability.id}`,
      evidence: {
        advisory: vulnerability.id,
        url: vulnerability.url,
        installed: vulnerability.installed,
        vulnerableVersions: vulnerability.vulnerableVersions,
        fixedIn: vulnerability.fixedIn,
        fixIsMajor: vulnerability.fixIsMajor,
        cvss: vulnerability.cvss ?? null,
        paths: vulnerability.paths.map((path) => path.join(' › ')),
      },
      severity: severityOf[vulnerability.severity],
      confidence: report.lockfile ? 'high' : 'medium',
      confidenceReason: report.lockfile
        ? `The installed version (from ${report.lockfile}) is in the advisory's vulnerable range.`
        : 'No lockfile: the version is the highest the declared range allows, which may not be the one installed.',
      size: vulnerability.fixIsMajor ? (importersOf(vulnerability.package) ?? 0) : 0,
      cvss: vulnerability.cvss ?? undefined,
      material: vulnerability.installed,
      fix: vulnerability.fixedIn
        ? { text: `Upgrade ${vulnerability.package} to ${vulnerability.fixedIn}, the lowest fixed version${vulnerability.fixIsMajor ? ' (a major upgrade)' : ''}.`, draft: 'security' }
        : { text: `No fixed version is published for ${vulnerability.package}: replace it, or accept the risk with a reason.`, draft: null },
    });
  }
  return items;
}

function evidenceOf(dependency: DependencyReportItem, importers: number | null): ItemDraft['evidence'] {
  return {
    version: dependency.version,
    versionFrom: dependency.versionFrom,
    latest: dependency.latest,
    majorsBehind: dependency.behind?.major ?? null,
    minorsBehind: dependency.behind?.minor ?? null,
    driftDays: dependency.driftDays === null ? null : Math.round(dependency.driftDays),
    pulseDays: dependency.pulseDays === null ? null : Math.round(dependency.pulseDays),
    deprecated: dependency.deprecated,
    risk: dependency.risk,
    importers,
  };
}

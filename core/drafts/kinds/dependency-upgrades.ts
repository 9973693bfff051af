import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { applyEdits, modify } from 'jsonc-parser';
import semver from 'semver';
import type { PackageMetadata } from '../../../analyzers/dependencies/package-metadata.js';
import type { UpgradeRisk } from '../../../analyzers/drafts/draft-risk.js';
import { type Upgrade, changeClass, movedSpecifier, unitLabel, upgradeGroups, upgradeUnits } from '../../../analyzers/drafts/upgrade-groups.js';
import { dependencyManifest, dependencySymbol } from '../../analyses/dependencies/items.js';
import { fetchMetadata } from '../../analyses/dependencies/registry-metadata.js';
import type { CoverageReport } from '../../api/coverage.js';
import type { DependencyReport, DependencyReportItem } from '../../api/dependencies.js';
import { analyses } from '../../analyses/registry.js';
import { latestSnapshotSummaries } from '../../store/snapshots.js';
import type { VersionChange } from '../../api/drafts.js';
import { packageUses } from '../call-sites.js';
import type { DraftContext, DraftExplanation, DraftKindModule, PlannedGroup } from '../draft-kind.js';
import { readReleaseFacts } from '../release-notes.js';

const dayMs = 86_400_000;

/** Where each package manager takes a version forced on the whole tree (a transitive package's fix). */
const overridesField: Record<DraftContext['manager']['manager'], string[]> = { npm: ['overrides'], pnpm: ['pnpm', 'overrides'], yarn: ['resolutions'], bun: ['overrides'] };

/**
 * Dependency upgrades: patch and minor upgrades in one commit, each major in its own; packages that
 * must move together (a package and its types, one family, peers) never apart; targets from the
 * scan's upgrade targets (npm-check-updates, with the repository's cooldown).
 */
export const dependencyUpgrades: DraftKindModule = {
  kind: 'deps',
  analyses: ['code', 'deadCode', 'dependencies'],

  async plan(context) {
    const report = context.base.reports.dependencies as DependencyReport | undefined;
    if (!report) return [];
    const metadata = await metadataOf(context, report.dependencies.filter((dependency) => context.items.some((item) => matches(item, dependency))));
    const untimed = report.registries.filter((registry) => registry.times !== 'reliable');
    if (report.targets.cooldownDays > 0 && untimed.length > 0) {
      context.warn(`${untimed.map((registry) => registry.url).join(', ')} does not give publish times Steward can trust, so the ${report.targets.cooldownDays}-day cooldown may let a younger release through`);
    }
    const upgrades: Upgrade[] = [];
    for (const item of context.items) {
      const dependency = report.dependencies.find((candidate) => matches(item, candidate));
      if (!dependency || dependency.kind !== 'registry' || !dependency.registryName || !dependency.version) {
        context.warn(`${item.title}: not a registry dependency of the base commit; left out`);
        continue;
      }
      const to = targetOf(dependency, context.request.target);
      if (!to || !semver.valid(to) || !semver.gt(to, dependency.version)) {
        context.warn(`${dependency.name} ${dependency.version}: no ${context.request.target} upgrade ${report.targets.cooldownDays > 0 ? `older than the ${report.targets.cooldownDays}-day cooldown ` : ''}to move to; left out`);
        continue;
      }
      const peers = Object.keys(metadata.get(dependency.registryName)?.versions.find((version) => version.version === to)?.peerDependencies ?? {});
      upgrades.push({ workspace: dependency.workspace, name: dependency.name, field: dependency.field, from: dependency.version, to, peers, fingerprints: [item.fingerprint] });
    }
    return upgradeGroups(upgradeUnits(upgrades)).map(
      (group): PlannedGroup => ({
        title: group.title,
        units: group.units.map((unit) => ({
          label: unitLabel(unit),
          versions: unit.upgrades.map(({ workspace, name, field, from, to }) => ({ workspace, name, field, from, to, change: changeClass(from, to) })),
          removals: [],
          renames: [],
          together: unit.together,
          fixedBy: null,
          fingerprints: unit.upgrades.flatMap((upgrade) => upgrade.fingerprints),
        })),
      }),
    );
  },

  async apply(context, units) {
    const byManifest = new Map<string, VersionChange[]>();
    for (const version of units.flatMap((unit) => unit.versions)) {
      const manifest = dependencyManifest(version);
      byManifest.set(manifest, [...(byManifest.get(manifest) ?? []), version]);
    }
    for (const [manifest, versions] of byManifest) {
      const file = join(context.folder, manifest);
      let text = await readFile(file, 'utf8');
      const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
      for (const version of versions) {
        const path = version.field === 'overrides' ? [...overridesField[context.manager.manager], version.name] : [version.field, version.name];
        const declared = path.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), JSON.parse(text));
        if (typeof declared !== 'string' && version.field !== 'overrides') throw new Error(`${manifest} no longer declares ${version.name} in ${version.field}`);
        const edits = modify(text, path, version.field === 'overrides' ? version.to : movedSpecifier(declared as string, version.to), {
          formattingOptions: { insertSpaces: !indent.includes('\t'), tabSize: indent.includes('\t') ? 1 : indent.length, eol: text.includes('\r\n') ? '\r\n' : '\n' },
        });
        text = applyEdits(text, edits);
      }
      await writeFile(file, text);
    }
    return [...byManifest.keys()];
  },

  message(group) {
    const rows = group.units.flatMap((unit) => unit.versions.map((version) => `| ${version.name} | ${version.workspace || '(root)'} | ${version.from} | ${version.to} | ${version.change} |`));
    const together = group.units.flatMap((unit) => (unit.together ? [`Moved together: ${unit.together}.`] : []));
    return [group.title, '', '| package | workspace | from | to | change |', '|---|---|---|---|---|', ...rows, ...(together.length > 0 ? ['', ...together] : [])].join('\n');
  },

  async explain(context, committed, leftOut, typeErrors) {
    const versions = committed.flatMap((unit) => unit.versions);
    const tried = [...versions, ...leftOut.flatMap((unit) => unit.versions)];
    const names = new Set(tried.map((version) => version.name));
    const head = await packageUses({ cache: context.cache, folder: context.folder, commit: 'HEAD', parseWorkerUrl: context.parseWorkerUrl, signal: context.signal, names });
    const report = context.base.reports.dependencies as DependencyReport;
    const coverage = latestCoverage(context);
    const metadata = await metadataOf(context, report.dependencies.filter((dependency) => names.has(dependency.name)));
    const reliable = new Set(report.registries.filter((registry) => registry.times === 'reliable').map((registry) => registry.url));
    const unique = [...new Map(tried.map((version) => [version.name, version])).values()];
    const facts = new Map(await Promise.all(unique.map(async (version) => [version.name, await readReleaseFacts(version.name, version.from, version.to, context.registryFor(version.name), context.signal)] as const)));
    const kept = [...new Map(versions.map((version) => [version.name, version])).values()];
    const upgrades = kept.map((version): UpgradeRisk => {
      const published = metadata.get(version.name)?.versions;
      const target = published?.find((candidate) => candidate.version === version.to);
      const current = published?.find((candidate) => candidate.version === version.from);
      const timed = reliable.has(context.registryFor(version.name).url) && target?.time;
      return {
        name: version.name,
        from: version.from,
        to: version.to,
        change: version.change,
        targetAgeDays: timed ? (context.now.getTime() - Date.parse(target.time!)) / dayMs : null,
        targetDeprecated: target?.deprecated ?? null,
        newInstallScripts: Boolean(target?.installScripts && !current?.installScripts),
        newPublisher: facts.get(version.name)!.newPublisher,
      };
    });
    return {
      callSites: kept.reduce((sum, version) => sum + (head.counts.get(version.name) ?? 0), 0),
      coveredPercent: coveredShare(coverage, new Set(kept.flatMap((version) => [...(head.importers.get(version.name) ?? [])]))),
      impact: unique.map((version) => {
        const importers = head.importers.get(version.name) ?? new Set<string>();
        return {
          name: version.name,
          callSites: head.uses.get(version.name) ?? [],
          typeErrors: typeErrors.filter((error) => importers.has(error.path)),
          coveredPercent: coveredShare(coverage, importers),
        };
      }),
      releaseNotes: [...facts.values()].map((fact) => fact.notes),
      upgrades,
      sideEffects: [
        'node_modules must be installed again from the restored lockfile',
        ...upgrades.filter((upgrade) => upgrade.newInstallScripts).map((upgrade) => `${upgrade.name} ${upgrade.to} ran install scripts: what they wrote outside node_modules stays`),
      ],
    } satisfies DraftExplanation;
  },
};

/** The coverage the latest scan of the repository read (from the user's checkout: a draft's worktree has none), if any. */
function latestCoverage(context: DraftContext): CoverageReport | undefined {
  const snapshot = latestSnapshotSummaries(context.db, [context.repositoryId]).get(context.repositoryId);
  const report = snapshot ? analyses.coverage.load(context.db, snapshot.snapshot.id) : undefined;
  return report?.status === 'read' ? report : undefined;
}

/** Covered lines of the files, of their executable lines, in percent; null when the coverage says nothing of them. */
function coveredShare(coverage: CoverageReport | undefined, files: ReadonlySet<string>): number | null {
  const measured = coverage?.files.filter((file) => files.has(file.path)) ?? [];
  const lines = measured.reduce((sum, file) => sum + file.lines, 0);
  return lines === 0 ? null : Math.round((measured.reduce((sum, file) => sum + file.covered, 0) / lines) * 1000) / 10;
}

function matches(item: { path: string | null; symbol: string | null; kind: string }, dependency: DependencyReportItem): boolean {
  return item.path === dependencyManifest(dependency) && item.symbol === dependencySymbol(dependency);
}

/** The version a target asks for: patch, minor (else patch), or the latest the cooldown allows. */
function targetOf(dependency: DependencyReportItem, target: DraftContext['request']['target']): string | null {
  const targets = dependency.targets;
  if (!targets) return target === 'latest' ? dependency.latest : null;
  if (target === 'patch') return targets.patch;
  if (target === 'minor') return targets.minor ?? targets.patch;
  return targets.latest ?? targets.minor ?? targets.patch;
}

async function metadataOf(context: DraftContext, dependencies: readonly DependencyReportItem[]): Promise<Map<string, PackageMetadata>> {
  const names = [...new Set(dependencies.flatMap((dependency) => (dependency.registryName ? [dependency.registryName] : [])))];
  const answers = await fetchMetadata({ db: context.cache, requests: names.map((name) => ({ name, registry: context.registryFor(name) })), offline: false, now: context.now, signal: context.signal });
  return new Map([...answers].flatMap(([name, answer]) => (answer.status === 'found' ? [[name, answer.metadata]] : [])));
}


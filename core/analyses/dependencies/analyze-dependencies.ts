import { setMaxListeners } from 'node:events';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import semver from 'semver';
import { type Advisory, type Vulnerability, matchAdvisories } from '../../../analyzers/dependencies/advisories.js';
import { dependencyMetrics, versionInUse } from '../../../analyzers/dependencies/dependency-metrics.js';
import { dependencyPaths } from '../../../analyzers/dependencies/dependency-paths.js';
import { dependencyRisk } from '../../../analyzers/dependencies/dependency-risk.js';
import { installedDependencies } from '../../../analyzers/dependencies/installed-dependencies.js';
import { lockfileNames, readLockfile } from '../../../analyzers/dependencies/lockfile.js';
import { type TimeSign, judgeTimes, timeSigns } from '../../../analyzers/dependencies/metadata-quality.js';
import { type NpmConfig, type RegistryOverride, type RegistryTarget, readNpmConfig } from '../../../analyzers/dependencies/npmrc.js';
import { type PackageMetadata, metadataAsOf } from '../../../analyzers/dependencies/package-metadata.js';
import { isObject } from '../../../analyzers/discover/package-json.js';
import type { DependencyReport, DependencyReportItem } from '../../api/dependencies.js';
import { readProjectLayout } from '../../code/project-layout.js';
import { parseStewardConfig } from '../../config/steward-config.js';
import { readTextFiles } from '../../git/read-blobs.js';
import type { TreeListing } from '../../git/tree-files.js';
import type { Database } from '../../store/database.js';
import { fetchAdvisories } from './fetch-advisories.js';
import { type MetadataAnswer, fetchMetadata } from './registry-metadata.js';
import { ServerWatch } from './server-watch.js';
import { targetKey, upgradeTargets } from './upgrade-targets.js';
import { parseJson } from '../../../analyzers/documents/parse-document.js';
import { plural, preview } from '../../wording.js';

interface DependencyCheckOptions {
  /** The registry for unscoped packages, named for Steward (`--registry`, the settings). */
  registry?: RegistryOverride | undefined;
  /** Serve everything from the cache. */
  offline: boolean;
  /** Advisories imported from a file (npm audit or OSV JSON), used instead of asking a source. */
  advisoryFile?: { path: string; advisories: Advisory[] } | undefined;
}

interface AnalyzeDependenciesInput {
  /** The registry's and advisories' answers, upgrade targets and project contexts, kept between checks. */
  cache: Database;
  root: string;
  commit: string;
  tree: TreeListing;
  options: DependencyCheckOptions;
  /** The clock: what the caches' ages are measured by. */
  now: Date;
  /** For a past commit: its date, when drift, pulse, targets and abandonment are measured (today otherwise). */
  asOf?: Date | undefined;
  /** Whether the work tree's node_modules was installed for this commit (false for a past one). */
  installed: boolean;
  /** For `${VAR}` in .npmrc, `npm_config_registry`, where the user's .npmrc is, and STEWARD_OSV_URL. */
  env: Readonly<Record<string, string | undefined>>;
  signal: AbortSignal;
  progress(done: number, total: number, detail?: string): void;
}

/** npm's registry, where the deprecation check looks up a package known to be deprecated. */
const deprecationProbe = { name: 'request', version: '2.88.2' };

/**
 * Dependency intelligence for one commit: what is installed (package.json files and the lockfile),
 * package metadata from the registries the .npmrc files name, upgrade targets from
 * npm-check-updates, advisories, and per dependency its drift, pulse, versions behind, deprecation,
 * abandonment, engines fit, peer conflicts and install scripts, with a verdict on how far the
 * registry's metadata can be trusted.
 */
export async function analyzeDependencies(input: AnalyzeDependenciesInput): Promise<DependencyReport> {
  const { cache, root, commit, tree, options, now, signal } = input;
  // Every request in flight (16 at a time, each with its backoff) listens to the check's signal.
  setMaxListeners(64, signal);
  const warnings: string[] = [];
  const layout = await readProjectLayout(cache, root, tree.files, signal, { willResolve: false, installed: input.installed });
  const config = parseStewardConfig(layout.stewardConfigText, (message) => warnings.push(message));
  const workspaces = layout.discovery.workspaces.flatMap((workspace) => {
    const text = workspace.packageJsonPath ? layout.configTexts.get(workspace.packageJsonPath) : undefined;
    const packageJson = text === undefined ? undefined : parseJsonObject(text);
    return packageJson ? [{ dir: workspace.dir, packageJson }] : [];
  });

  const lockfilePath = pickLockfile(tree, layout.discovery.packageManager);
  const rootTexts = await readTextFiles(root, tree.files.filter((file) => file.path === lockfilePath || file.path === '.npmrc'), signal);
  const lockfileText = lockfilePath ? rootTexts.get(lockfilePath) : undefined;
  const repositoryNpmrc = rootTexts.get('.npmrc');
  const lockfileRead = lockfilePath && lockfileText !== undefined ? readLockfile(lockfilePath, lockfileText) : undefined;
  const lockfile = lockfileRead && !('error' in lockfileRead) ? lockfileRead : undefined;
  const declared = installedDependencies({ workspaces, lockfile: lockfilePath && lockfileRead ? { path: lockfilePath, read: lockfileRead } : undefined });
  warnings.push(...declared.warnings);

  const npm = readNpmConfig({ repository: repositoryNpmrc, user: await userNpmrc(input.env), env: input.env, override: options.registry });
  const names = [...new Set(declared.dependencies.flatMap((dependency) => (dependency.registryName ? [dependency.registryName] : [])))].sort();
  const requestOptions = { db: cache, offline: options.offline, now, signal, servers: new ServerWatch() };
  const answers = await fetchMetadata({
    ...requestOptions,
    requests: names.map((name) => ({ name, registry: npm.registryFor(name) })),
    progress: (done, total) => input.progress(done, total, `Fetching package metadata (${done}/${total})`),
  });
  const signs = new Map([...answers].flatMap(([name, answer]) => (answer.status === 'found' ? [[name, timeSigns(answer.metadata)]] : [])));
  const registries = await judgeRegistries(npm, names, answers, signs, requestOptions);
  const timesReliable = (name: string): boolean => registries.get(npm.registryFor(name).url)!.times === 'reliable' && signs.get(name)?.length === 0;
  // A past commit is measured against the registry of its day where publish times can be trusted; else against today's, and said.
  const { asOf } = input;
  const measuredToday = new Set<string>();
  const found = (name: string | null): { metadata: PackageMetadata; hash: string } | undefined => {
    const answer = name ? answers.get(name) : undefined;
    if (answer?.status !== 'found' || !asOf) return answer?.status === 'found' ? answer : undefined;
    if (!timesReliable(name!)) {
      measuredToday.add(name!);
      return answer;
    }
    return { metadata: metadataAsOf(answer.metadata, asOf), hash: `${answer.hash}@${asOf.toISOString()}` };
  };
  const at = asOf ?? now;
  const inUse = declared.dependencies.map((dependency) => {
    const metadata = found(dependency.registryName);
    return metadata ? versionInUse(metadata.metadata, dependency.installed, dependency.range) : null;
  });
  const cooldownDays = config.dependencies.cooldownDays;
  const targetRequests = declared.dependencies.flatMap((dependency, index) => {
    const metadata = found(dependency.registryName);
    const version = inUse[index];
    if (!metadata || !version) return [];
    const name = dependency.registryName!;
    return [{ name, installed: version, registry: npm.registryFor(name).url, metadata: metadata.metadata, metadataHash: metadata.hash, expectsLatest: hasNewerLatest(metadata.metadata, version, cooldownDays, at) }];
  });
  const targets = await upgradeTargets({ db: cache, requests: uniqueBy(targetRequests, targetKey), cooldownDays, now: at, signal });

  // The installed tree for advisories: the lockfile's packages, or the direct dependencies' versions without one.
  const treeVersions = new Map<string, Set<string>>();
  const addInstalled = (name: string, version: string): void => void treeVersions.set(name, (treeVersions.get(name) ?? new Set()).add(version));
  for (const pkg of lockfile?.packages.values() ?? []) addInstalled(pkg.name, pkg.version);
  const directs = new Map<string, Set<string>>();
  declared.dependencies.forEach((dependency, index) => {
    const version = inUse[index];
    if (!dependency.registryName || !version) return;
    addInstalled(dependency.registryName, version);
    directs.set(dependency.registryName, (directs.get(dependency.registryName) ?? new Set()).add(version));
  });
  const installedTree = new Map([...treeVersions].map(([name, versions]) => [name, [...versions]]));
  const advisorySource = options.advisoryFile
    ? { source: `imported file ${options.advisoryFile.path}`, status: 'checked' as const, advisories: options.advisoryFile.advisories }
    : await fetchAdvisories({ ...requestOptions, installed: installedTree, registry: npm.defaultTarget, osvUrl: osvUrl(input.env['STEWARD_OSV_URL']) });
  const advisoriesChecked = advisorySource.status === 'checked';
  const vulnerabilities = advisoriesChecked ? matchAdvisories(advisorySource.advisories, installedTree, dependencyPaths(lockfile, directs)) : [];

  const neighbourhoods = new Map<string, Map<string, string>>();
  const neighboursOf = (workspace: string): Map<string, string> => {
    let found = neighbourhoods.get(workspace);
    if (!found) neighbourhoods.set(workspace, (found = neighbours(declared.dependencies, inUse, workspace)));
    return found;
  };
  const items = declared.dependencies.map((dependency, index): DependencyReportItem => {
    const base = { ...dependency, note: dependency.note ?? null };
    const answer = dependency.registryName ? answers.get(dependency.registryName) : undefined;
    const metadata = found(dependency.registryName);
    const version = inUse[index] ?? null;
    // Its own version's advisories, and those of packages installed through it.
    const reached = vulnerabilities.filter(
      (vulnerability) => (vulnerability.package === dependency.registryName && vulnerability.installed === version) || vulnerability.paths.some((path) => path.length > 1 && path[0] === dependency.name),
    );
    if (!metadata) return { ...base, ...emptyMetrics(), advisories: advisoriesChecked ? reached.length : null, risk: 0, problem: problemOf(dependency.registryName, answer) };
    const target = version ? (targets.targets.get(targetKey({ name: dependency.registryName!, installed: version })) ?? null) : null;
    const metrics = dependencyMetrics({
      metadata: metadata.metadata,
      installed: dependency.installed,
      range: dependency.range,
      target: target?.latest ?? null,
      timesReliable: timesReliable(dependency.registryName!),
      deprecationsReported: registries.get(npm.registryFor(dependency.registryName!).url)!.deprecations !== 'stripped',
      repositoryNode: nodeRange(workspaces[0]?.packageJson),
      neighbours: neighboursOf(dependency.workspace),
      now: at,
    });
    const risk = dependencyRisk({
      severities: reached.map((vulnerability) => vulnerability.severity),
      deprecated: metrics.deprecated !== null,
      abandoned: metrics.abandoned === true,
      driftDays: metrics.driftDays,
      majorsBehind: metrics.behind?.major ?? 0,
      peerConflicts: metrics.peerConflicts.length,
      enginesMismatch: metrics.engines.fit === 'no',
    });
    const note = answer?.status === 'found' && answer.note ? [base.note, answer.note].filter(Boolean).join('; ') : base.note;
    return { ...base, ...metrics, note, targets: target, advisories: advisoriesChecked ? reached.length : null, risk, problem: null };
  });
  items.sort((a, b) => b.risk - a.risk || a.name.localeCompare(b.name) || a.workspace.localeCompare(b.workspace) || a.field.localeCompare(b.field));

  const cachedAnswers = [...answers.values()].filter((answer): answer is Exclude<MetadataAnswer, { status: 'failed' }> => answer.status !== 'failed');
  const via = (kind: string): number => cachedAnswers.filter((answer) => answer.via === kind).length;
  const fromCache = cachedAnswers.filter((answer) => answer.via === 'cache' || answer.via === 'stale cache').map((answer) => answer.fetchedAt).sort();
  const failed = [...answers].filter(([, answer]) => answer.status === 'failed');
  warnings.push(...npm.warnings);
  if (failed.length > 0) warnings.push(`Metadata missing for ${failed.length === 1 ? '1 package' : `${failed.length} packages`}: ${failed.slice(0, 5).map(([name]) => name).join(', ')}${failed.length > 5 ? ', …' : ''}${options.offline ? ' (not in the cache; run once online)' : ''}.`);
  if (targets.failure) warnings.push(`Upgrade targets unavailable: ${targets.failure}.`);
  for (const [url, registry] of registries) {
    if (registry.times === 'unreliable') warnings.push(`Publish times from ${url} are unreliable (rewritten or missing), so drift, pulse and abandonment are not shown.`);
    if (registry.deprecations === 'stripped') warnings.push(`${url} strips deprecation notices (${deprecationProbe.name}@${deprecationProbe.version} is not marked deprecated there): the notices it kept are shown, but a package without one may be deprecated all the same.`);
  }
  if (!advisoriesChecked) warnings.push(`Vulnerability data unavailable: ${advisorySource.note}.`);
  if (asOf && measuredToday.size > 0) {
    warnings.push(`${plural(measuredToday.size, 'package')} without trustworthy publish times measured against today's registry, not the one of ${asOf.toISOString().slice(0, 10)}: ${preview([...measuredToday])}.`);
  }

  return {
    commit,
    checkedAt: now.toISOString(),
    lockfile: lockfilePath ?? null,
    registries: [...registries.values()],
    metadata: { offline: options.offline, network: via('network'), revalidated: via('revalidated'), cache: via('cache'), staleCache: via('stale cache'), failed: failed.length, oldestFetch: fromCache[0] ?? null },
    advisories: { status: advisorySource.status, source: advisorySource.source, note: advisorySource.note ?? null },
    targets: { status: targets.failure ? 'unavailable' : 'ok', cooldownDays: config.dependencies.cooldownDays, note: targets.failure ?? null },
    summary: summarise(items, advisoriesChecked ? vulnerabilities : null),
    dependencies: items,
    vulnerabilities,
    warnings,
  };
}

/** Whether the latest version is newer than the one in use and, with a cooldown, old enough for it. */
function hasNewerLatest(metadata: PackageMetadata, version: string, cooldownDays: number, now: Date): boolean {
  const latest = metadata.distTags['latest'];
  if (!latest || !semver.valid(latest) || !semver.valid(version) || !semver.gt(latest, version)) return false;
  if (cooldownDays === 0) return true;
  const published = metadata.versions.find((published) => published.version === latest)?.time;
  return published !== undefined && Date.parse(published) <= now.getTime() - cooldownDays * 86_400_000;
}

/** OSV's API (asked when the registry has no audit endpoint): STEWARD_OSV_URL names a mirror, or `off` never to ask. */
function osvUrl(setting: string | undefined): string | null {
  if (setting === 'off') return null;
  if (!setting) return 'https://api.osv.dev/';
  return setting.endsWith('/') ? setting : `${setting}/`;
}

type RegistryQuality = DependencyReport['registries'][number];

/** Per registry: whether its publish times can be trusted, and whether it reports deprecations. */
async function judgeRegistries(
  npm: NpmConfig,
  names: readonly string[],
  answers: ReadonlyMap<string, MetadataAnswer>,
  signs: ReadonlyMap<string, TimeSign[]>,
  requestOptions: Omit<Parameters<typeof fetchMetadata>[0], 'requests'>,
): Promise<Map<string, RegistryQuality>> {
  const byRegistry = new Map<string, { source: string; target: RegistryTarget; metadata: PackageMetadata[]; packages: number }>();
  byRegistry.set(npm.defaultRegistry, { source: npm.source, target: npm.defaultTarget, metadata: [], packages: 0 });
  for (const name of names) {
    const target = npm.registryFor(name);
    const url = target.url;
    const entry = byRegistry.get(url) ?? { source: 'a scope in .npmrc', target, metadata: [], packages: 0 };
    entry.packages++;
    const answer = answers.get(name);
    if (answer?.status === 'found') entry.metadata.push(answer.metadata);
    byRegistry.set(url, entry);
  }
  const result = new Map<string, RegistryQuality>();
  for (const [url, { source, target, metadata, packages }] of byRegistry) {
    if (packages === 0 && url === npm.defaultRegistry && byRegistry.size > 1) continue;
    const verdict = judgeTimes(metadata.map((pkg) => signs.get(pkg.name) ?? []));
    const times = metadata.length === 0 ? 'unknown' : verdict.reliable ? 'reliable' : 'unreliable';
    // A mirror may keep some notices and strip others: ask about a package known to be deprecated.
    const probe = (await fetchMetadata({ ...requestOptions, requests: [{ name: deprecationProbe.name, registry: target }] })).get(deprecationProbe.name);
    const known = probe?.status === 'found' ? probe.metadata.versions.find((published) => published.version === deprecationProbe.version) : undefined;
    const anyNotice = metadata.some((pkg) => pkg.versions.some((version) => version.deprecated));
    const deprecations: RegistryQuality['deprecations'] = known ? (known.deprecated ? 'reported' : 'stripped') : anyNotice ? 'reported' : 'unverified';
    result.set(url, { url, source, packages, times, timeSigns: verdict.signs, deprecations });
  }
  return result;
}

function summarise(items: readonly DependencyReportItem[], vulnerabilities: readonly Vulnerability[] | null): DependencyReport['summary'] {
  const fromRegistry = items.filter((item) => item.registryName !== null);
  // Each installed package once, however many workspaces declare it.
  const distinct = uniqueBy(
    fromRegistry.filter((item) => item.version !== null),
    (item) => `${item.registryName}@${item.version}`,
  );
  const measured = distinct.filter((item) => item.driftDays !== null);
  const libyears = measured.length > 0 ? round(measured.reduce((sum, item) => sum + item.driftDays! / 365.25, 0), 2) : null;
  const over = (days: number): number | null => (measured.length > 0 ? measured.filter((item) => item.driftDays! > days).length : null);
  const knowsDeprecations = distinct.some((item) => item.deprecations === 'reported');
  const knowsPulse = distinct.some((item) => item.abandoned !== null);
  return {
    dependencies: fromRegistry.length,
    packages: distinct.length,
    outdated: distinct.filter((item) => item.behind !== null && item.behind.major + item.behind.minor + item.behind.patch > 0).length,
    libyears,
    meanLibyears: libyears === null ? null : round(libyears / measured.length, 2),
    over90: over(90),
    over180: over(180),
    over365: over(365),
    deprecated: knowsDeprecations ? distinct.filter((item) => item.deprecated !== null).length : null,
    abandoned: knowsPulse ? distinct.filter((item) => item.abandoned === true).length : null,
    vulnerabilities: vulnerabilities ? vulnerabilities.length : null,
    bySeverity: vulnerabilities
      ? { low: 0, moderate: 0, high: 0, critical: 0, ...Object.fromEntries(['low', 'moderate', 'high', 'critical'].map((severity) => [severity, vulnerabilities.filter((found) => found.severity === severity).length])) }
      : null,
  };
}

type MetricFields = Omit<DependencyReportItem, 'workspace' | 'name' | 'field' | 'specifier' | 'kind' | 'registryName' | 'installed' | 'advisories' | 'risk' | 'problem' | 'note'>;

function emptyMetrics(): MetricFields {
  return {
    version: null,
    versionFrom: null,
    latest: null,
    targets: null,
    behind: null,
    driftDays: null,
    pulseDays: null,
    abandoned: null,
    times: 'unknown',
    deprecated: null,
    latestDeprecated: null,
    deprecations: 'unknown',
    engines: { target: null, requires: null, repository: null, fit: 'unknown' },
    peerConflicts: [],
    installScripts: { installed: null, target: null },
  };
}

function problemOf(registryName: string | null, answer: MetadataAnswer | undefined): string | null {
  if (!registryName || !answer) return null;
  if (answer.status === 'not-found') return `${registryName} is not in the registry (404)`;
  return answer.status === 'failed' ? answer.reason : null;
}

/** The versions in use next to a workspace's dependency: the root's, then the workspace's own. */
function neighbours(dependencies: readonly { workspace: string; registryName: string | null; name: string }[], inUse: readonly (string | null)[], workspace: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const wanted of ['', workspace]) {
    dependencies.forEach((dependency, index) => {
      if (dependency.workspace === wanted && inUse[index]) found.set(dependency.name, inUse[index]!);
    });
  }
  return found;
}

function nodeRange(packageJson: Readonly<Record<string, unknown>> | undefined): string | null {
  const engines = packageJson?.['engines'];
  return isObject(engines) && typeof engines['node'] === 'string' ? engines['node'] : null;
}

/** The root lockfile the package manager uses (or the first one present). */
function pickLockfile(tree: TreeListing, packageManager: string | null): string | undefined {
  const present = lockfileNames.filter((name) => tree.files.some((file) => file.path === name));
  const preferred: Record<string, string[]> = { npm: ['package-lock.json', 'npm-shrinkwrap.json'], pnpm: ['pnpm-lock.yaml'], yarn: ['yarn.lock'] };
  return present.find((name) => preferred[packageManager ?? '']?.includes(name)) ?? present[0];
}

export async function userNpmrc(env: AnalyzeDependenciesInput['env']): Promise<string | undefined> {
  const path = env['NPM_CONFIG_USERCONFIG'] ?? env['npm_config_userconfig'] ?? join(homedir(), '.npmrc');
  return readFile(path, 'utf8').catch(() => undefined);
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = parseJson(text);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}

function round(value: number, digits: number): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}

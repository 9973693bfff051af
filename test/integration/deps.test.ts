import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DependencyReport, DependencyReportItem } from '../../core/api/dependencies.js';
import type { InventoryPage } from '../../core/api/inventory.js';
import { getDependencyReport } from '../../core/analyses/dependencies/store.js';
import { openDatabase } from '../../core/store/database.js';
import { runSteward } from '../support/cli.js';
import { type FixturePackage, type FixtureRegistry, startFixtureRegistry } from '../support/fixture-registry.js';
import { buildDependencyRepository, dayMs, dependencyAdvisories, dependencyPackages, v } from '../support/dependency-fixture.js';
import { createRepository, temporaryDirectory } from '../support/git-fixture.js';

let repo: string;
let home: string;
let registry: FixtureRegistry;
const isolated = { NPM_CONFIG_USERCONFIG: '/nonexistent/.npmrc', STEWARD_OSV_URL: 'off' };

beforeAll(async () => {
  repo = buildDependencyRepository(temporaryDirectory('steward-deps-'));
  registry = await startFixtureRegistry({ packages: dependencyPackages, advisories: dependencyAdvisories, failures: { broken: 'server-error' } });
  home = temporaryDirectory('steward-deps-home-');
});

afterAll(async () => {
  await registry.close();
  rmSync(repo, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
});

async function deps(args: string[], stewardHome = home): Promise<DependencyReport> {
  const result = await runSteward(stewardHome, ['deps', repo, '--json', ...args], isolated);
  if (result.status !== 0) throw new Error(`steward deps exited ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout) as DependencyReport;
}

const item = (report: DependencyReport, name: string, workspace = ''): DependencyReportItem => {
  const found = report.dependencies.find((dependency) => dependency.name === name && dependency.workspace === workspace);
  if (!found) throw new Error(`no ${name} in ${workspace || 'the root'}`);
  return found;
};

describe('steward deps against a fixture registry', () => {
  let report: DependencyReport;
  beforeAll(async () => {
    report = await deps(['--registry', registry.url]);
  }, 60_000);

  it('measures drift, versions behind and pulse exactly as worked out by hand', () => {
    const alpha = item(report, 'alpha');
    // 2.1.0 (2024-06-01) − 1.0.1 (2023-02-01) = 365 + 121 days; behind: 2.x (one major), 1.1.0 (one minor); pulse: the prerelease 5 days ago.
    expect({ version: alpha.version, latest: alpha.latest, behind: alpha.behind, drift: alpha.driftDays, pulse: alpha.pulseDays, abandoned: alpha.abandoned }).toEqual({
      version: '1.0.1',
      latest: '2.1.0',
      behind: { major: 1, minor: 1, patch: 0 },
      drift: 486,
      pulse: 5,
      abandoned: false,
    });
    expect(alpha.targets).toEqual({ latest: '2.1.0', minor: '1.1.0', patch: null });
    // The workspace's own alpha: 2.1.0 − 2.0.0 (2024-01-01) = 152 days (2024 is a leap year).
    expect([item(report, 'alpha', 'packages/app').driftDays, item(report, 'alpha', 'packages/app').behind]).toEqual([152, { major: 0, minor: 1, patch: 0 }]);
    expect([item(report, 'alpha-old').version, item(report, 'alpha-old').driftDays]).toEqual(['1.0.0', 517]);
    expect([item(report, 'epsilon').driftDays, item(report, 'gamma').driftDays, item(report, 'delta').driftDays]).toEqual([396, 60, 61]);
  });

  it('flags deprecated and abandoned packages, a deprecated latest version, engines and peer conflicts of the upgrade, install scripts', () => {
    const beta = item(report, 'beta');
    expect([beta.deprecated, beta.abandoned, beta.pulseDays! >= (Date.now() - Date.parse('2020-06-01T00:00:00Z')) / dayMs - 1]).toEqual(['use gamma', true, true]);
    expect([item(report, 'gamma').deprecated, item(report, 'gamma').latestDeprecated]).toEqual([null, 'no longer maintained']);
    expect(item(report, 'delta').engines).toEqual({ target: '1.1.0', requires: '>=22', repository: '>=20', fit: 'partly' });
    expect(item(report, 'delta').installScripts).toEqual({ installed: true, target: false });
    expect(item(report, 'epsilon').peerConflicts).toEqual([{ peer: 'alpha', range: '^2.0.0', installed: '1.0.1' }]);
  });

  it('finds advisories in the whole installed tree, with the fix and the path from a direct dependency', () => {
    expect(report.advisories.status).toBe('checked');
    expect(report.vulnerabilities.map((found) => [found.package, found.installed, found.severity, found.cvss, found.fixedIn, found.fixIsMajor, found.paths])).toEqual([
      // npm's score 0 with no vector is "no CVSS", not 0.
      ['tiny', '0.1.0', 'critical', null, '2.0.0', true, [['epsilon', 'tiny']]],
      ['alpha', '1.0.0', 'high', 8.1, '1.1.0', false, [['alpha']]],
      ['alpha', '1.0.1', 'high', 8.1, '1.1.0', false, [['alpha']]],
    ]);
    // Counted on the dependency whose version has it, or through which it is installed.
    expect([item(report, 'alpha').advisories, item(report, 'alpha', 'packages/app').advisories, item(report, 'alpha-old').advisories, item(report, 'epsilon').advisories, item(report, 'gamma').advisories]).toEqual([1, 0, 1, 1, 0]);
    // Sorted by risk: critical advisory 40 + abandoned 10 + 396 days 4.3 + a major behind 3 + peer conflict 2.
    expect([report.dependencies[0]?.name, report.dependencies[0]?.risk]).toEqual(['epsilon', 59.3]);
  });

  it('reports each odd dependency on its own line and keeps the rest intact', () => {
    expect(item(report, 'ghost').problem).toBe('ghost is not in the registry (404)');
    expect(item(report, 'broken').problem).toBe('the registry answered HTTP 500, 3 attempts');
    expect([item(report, 'zeta').installed, item(report, 'zeta').version, item(report, 'zeta').versionFrom, item(report, 'zeta').note]).toEqual([
      null,
      '1.2.0',
      'range',
      'not in package-lock.json: the lockfile is out of sync with package.json',
    ]);
    expect(['local', 'linked', 'fromgit', 'lib'].map((name) => [name, report.dependencies.find((dependency) => dependency.name === name)?.kind])).toEqual([
      ['local', 'file'],
      ['linked', 'link'],
      ['fromgit', 'git'],
      ['lib', 'workspace'],
    ]);
    expect(report.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/out of sync/), 'Dependencies: Metadata missing for 1 package: broken.']));
  });

  it('sums libyears over the installed packages, each once', () => {
    // (486 + 517 + 152 + 152 + 60 + 61 + 396 + 0) / 365.25 over alpha@1.0.1, alpha@1.0.0, alpha@2.0.0, beta, gamma, delta, epsilon, zeta.
    expect(report.summary).toEqual({
      dependencies: 11,
      packages: 8,
      outdated: 7,
      libyears: 4.99,
      meanLibyears: 0.62,
      over90: 5,
      over180: 3,
      over365: 3,
      deprecated: 1,
      abandoned: 4,
      vulnerabilities: 3,
      bySeverity: { low: 0, moderate: 0, high: 2, critical: 1 },
    });
  });

  it('offline with a warm cache gives the same result and names the cache age; with a cold one it says what is missing', async () => {
    const offline = await deps(['--registry', registry.url, '--offline']);
    const strip = (r: DependencyReport) => r.dependencies.map(({ pulseDays: _p, problem: _problem, ...rest }) => rest);
    expect(strip(offline)).toEqual(strip(report));
    expect(offline.summary).toEqual(report.summary);
    expect(item(offline, 'broken').problem).toBe('not in the cache, and Steward is offline');
    expect([offline.metadata.cache, offline.metadata.network, offline.metadata.failed, offline.metadata.oldestFetch]).toEqual([7, 0, 1, report.checkedAt]);
    const text = await runSteward(home, ['deps', repo, '--registry', registry.url, '--offline'], isolated);
    expect(text.stdout).toMatch(/7 from the cache \(oldest fetched \d+ min ago\).* — offline/);

    const cold = await deps(['--registry', registry.url, '--offline'], temporaryDirectory('steward-deps-cold-'));
    expect(cold.metadata.failed).toBe(8);
    expect(cold.summary.vulnerabilities).toBeNull();
    expect(cold.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^Dependencies: Metadata missing for 8 packages: .* \(not in the cache; run once online\)\.$/), expect.stringMatching(/^Dependencies: Vulnerability data unavailable/)]));
  });
});

describe('steward scan keeps the dependency check', () => {
  it('saves it with the snapshot, as steward deps reports it, so staleness has a history', async () => {
    const scanHome = temporaryDirectory('steward-deps-scan-');
    const scanned = await runSteward(scanHome, ['scan', repo, '--json', '--registry', registry.url], isolated);
    expect(scanned.status).toBe(0);
    const snapshot = (JSON.parse(scanned.stdout) as { snapshot: { id: number; warnings: string[] } }).snapshot;
    expect(snapshot.warnings).toEqual(expect.arrayContaining(['Dependencies: Metadata missing for 1 package: broken.']));
    const db = openDatabase(join(scanHome, 'steward.db'));
    try {
      const saved = getDependencyReport(db, snapshot.id)!;
      const direct = await deps(['--registry', registry.url], scanHome);
      const stable = (r: DependencyReport) => r.dependencies.map(({ pulseDays: _pulse, ...rest }) => rest);
      expect(stable(saved)).toEqual(stable(direct));
      expect([saved.summary, saved.vulnerabilities, saved.registries]).toEqual([direct.summary, direct.vulnerabilities, direct.registries]);
    } finally {
      db.close();
    }

    // Its findings are debt items: a vulnerability's risk is its CVSS × 10 where it has one, else its severity's.
    const listed = await runSteward(scanHome, ['inventory', repo, '--json', '--kind', 'vulnerability,deprecated-dependency,abandoned-dependency,stale-dependency'], isolated);
    const { items } = JSON.parse(listed.stdout) as InventoryPage;
    const vulnerabilities = items.filter((found) => found.kind === 'vulnerability');
    expect(vulnerabilities.map((found) => [found.symbol, found.severity, found.confidence, found.cost.risk, found.fix.draft]).sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      // Two installed versions of alpha, both affected: two items, told apart by their order.
      ['alpha 1001', 'high', 'high', 81, 'security'],
      ['alpha 1001 #2', 'high', 'high', 81, 'security'],
      ['tiny 1002', 'critical', 'high', 90, 'security'],
    ]);
    expect(vulnerabilities.map((found) => found.title)).toContain('alpha 1.0.0: Prototype pollution in alpha (high)');
    expect(items.filter((found) => found.kind === 'abandoned-dependency').map((found) => found.symbol)).toContain('epsilon');
    for (const found of items) expect([found.fingerprint, found.owner?.name, found.fix.text]).toEqual([expect.any(String), 'Ada', expect.stringMatching(/\S/)]);
  });
});

describe('steward deps against a mirror that rewrites metadata', () => {
  let mirror: FixtureRegistry;
  beforeAll(async () => {
    // Publish times replaced by ingest times (three versions in one second, out of order), no created/modified, no deprecations, no audit endpoint.
    const ingested = (name: string, versions: string[]): FixturePackage => ({
      name,
      withoutCreatedModified: true,
      versions: versions.map((version, index) => v(version, new Date(Date.parse('2026-03-29T08:50:05.000Z') + (versions.length - index) * 60).toISOString())),
    });
    mirror = await startFixtureRegistry({
      packages: [ingested('alpha', ['1.0.0', '1.0.1', '1.1.0', '2.0.0', '2.1.0']), ingested('beta', ['0.9.0', '1.0.0']), ingested('gamma', ['1.0.0', '1.0.1']), ingested('request', ['2.88.0', '2.88.2'])],
      auditStatus: 405,
    });
  });
  afterAll(() => mirror.close());

  it('flags publish times as unreliable and vulnerability data as unavailable: no fake ages, no "0 vulnerabilities"', async () => {
    const report = await deps(['--registry', mirror.url], temporaryDirectory('steward-deps-mirror-'));
    expect(report.registries).toEqual([
      { url: mirror.url, source: '--registry', packages: 8, times: 'unreliable', timeSigns: { 'no created/modified': 3, 'out of order': 2, clustered: 1 }, deprecations: 'stripped' },
    ]);
    expect(item(report, 'alpha')).toMatchObject({ times: 'unreliable', driftDays: null, pulseDays: null, abandoned: null, behind: { major: 1, minor: 1, patch: 0 } });
    expect([report.summary.libyears, report.summary.deprecated, report.summary.abandoned, report.summary.vulnerabilities]).toEqual([null, null, null, null]);
    expect(report.advisories).toEqual({ status: 'unavailable', source: `npm audit endpoint of ${mirror.url}`, note: 'the registry has no audit endpoint (HTTP 405)' });

    const text = await runSteward(home, ['deps', repo, '--registry', mirror.url], isolated);
    expect(text.stdout).toMatch(/publish times unreliable/);
    expect(text.stdout).toMatch(/vulnerability data unavailable/);
    expect(text.stdout).not.toMatch(/0 vulnerabilities/);
  });
});

describe('steward deps with bad input', () => {
  it('reads the declared ranges when the lockfile is corrupt or missing, and says so', async () => {
    const manifest = JSON.stringify({ name: 'small', dependencies: { alpha: '^1.0.0', zeta: '~1.0.0' } });
    const corrupt = createRepository(temporaryDirectory('steward-deps-corrupt-'), [
      { author: 'Ada', email: 'ada@example.com', date: '2024-07-01T12:00:00Z', files: { 'package.json': manifest, 'package-lock.json': '{ "lockfileVersion": 3, "packages": {' } },
    ]);
    const missing = createRepository(temporaryDirectory('steward-deps-nolock-'), [{ author: 'Ada', email: 'ada@example.com', date: '2024-07-01T12:00:00Z', files: { 'package.json': manifest } }]);
    for (const [folder, warning] of [
      [corrupt, /^Dependencies: package-lock\.json could not be read: .*; the declared ranges are used instead\.$/],
      [missing, /^Dependencies: No lockfile: installed versions are unknown, so the declared ranges are used\.$/],
    ] as const) {
      const result = await runSteward(home, ['deps', folder, '--json', '--registry', registry.url], isolated);
      expect(result.status).toBe(0);
      const report = JSON.parse(result.stdout) as DependencyReport;
      expect(report.warnings).toEqual(expect.arrayContaining([expect.stringMatching(warning)]));
      // The highest versions the ranges allow: ^1.0.0 → 1.1.0, ~1.0.0 → 1.0.0.
      const byName = [...report.dependencies].sort((a, b) => a.name.localeCompare(b.name));
      expect(byName.map((dependency) => [dependency.name, dependency.installed, dependency.version, dependency.versionFrom])).toEqual([
        ['alpha', null, '1.1.0', 'range'],
        ['zeta', null, '1.0.0', 'range'],
      ]);
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('refuses a registry that is not a URL and an advisory file that cannot be read, in one line (exit 2)', async () => {
    const badRegistry = await runSteward(home, ['deps', repo, '--registry', 'not a url'], isolated);
    expect([badRegistry.status, badRegistry.stderr.trim().split('\n').length]).toEqual([2, 1]);
    const missing = await runSteward(home, ['deps', repo, '--advisories', join(home, 'nope.json')], isolated);
    expect([missing.status, missing.stderr]).toEqual([2, expect.stringMatching(/no such file/)]);
    const wrongShape = join(home, 'wrong.json');
    writeFileSync(wrongShape, '{"hello": 1}');
    const wrong = await runSteward(home, ['deps', repo, '--advisories', wrongShape], isolated);
    expect([wrong.status, wrong.stderr]).toEqual([2, expect.stringMatching(/neither npm audit JSON nor OSV JSON/)]);
    // A FIFO would block a reader forever: it is refused before it is opened.
    const fifo = join(home, 'advisories.fifo');
    execFileSync('mkfifo', [fifo]);
    const pipe = await runSteward(home, ['deps', repo, '--advisories', fifo], isolated);
    expect([pipe.status, pipe.stderr]).toEqual([2, expect.stringMatching(/not a regular file/)]);
  });

  it('finishes against a registry that never answers, naming every package it could not reach', async () => {
    const silent = await startFixtureRegistry({ packages: [], silent: true });
    try {
      const result = await runSteward(temporaryDirectory('steward-deps-silent-'), ['deps', repo, '--json', '--registry', silent.url], isolated);
      expect(result.status).toBe(0);
      const report = JSON.parse(result.stdout) as DependencyReport;
      const fromRegistry = report.dependencies.filter((dependency) => dependency.registryName !== null);
      expect(fromRegistry.length).toBeGreaterThan(3);
      for (const dependency of fromRegistry) expect(dependency.problem).toMatch(/no answer within 10 s|not asked: the registry left 3 requests in a row unanswered/);
      // One round of timeouts, not one per package: a few requests, each package asked at most once more.
      const asked = [...silent.requests.values()].reduce((sum, count) => sum + count, 0);
      expect(asked).toBeLessThanOrEqual(2 * fromRegistry.length);
      expect(report.advisories.status).toBe('unavailable');
    } finally {
      await silent.close();
    }
  }, 120_000);
});

import { describe, expect, it } from 'vitest';
import { type MetricsInput, dependencyMetrics, versionInUse, versionsBehind } from '../../analyzers/dependencies/dependency-metrics.js';
import type { PackageMetadata, PublishedVersion } from '../../analyzers/dependencies/package-metadata.js';

function v(version: string, time?: string, extra: Partial<PublishedVersion> = {}): PublishedVersion {
  return { version, installScripts: false, ...(time === undefined ? {} : { time }), ...extra };
}

/** A package with three majors, prereleases and a `next` tag. Fresh on every call (versions are cached by array identity). */
function lib(): PackageMetadata {
  return {
    name: 'lib',
    distTags: { latest: '3.1.0', next: '4.0.0-beta.2' },
    created: '2020-01-01T00:00:00.000Z',
    modified: '2023-03-01T00:00:00.000Z',
    versions: [
      v('1.2.3', '2020-01-01T00:00:00.000Z', { deprecated: 'use 3.x', installScripts: true }),
      v('1.2.4', '2020-02-01T00:00:00.000Z'),
      v('1.2.5', '2020-03-01T00:00:00.000Z'),
      v('1.3.0', '2020-04-01T00:00:00.000Z'),
      v('1.4.0', '2020-05-01T00:00:00.000Z'),
      v('1.4.1', '2020-06-01T00:00:00.000Z'),
      v('2.0.0', '2021-01-01T00:00:00.000Z', { node: '>=12' }),
      v('2.1.0', '2021-06-01T00:00:00.000Z', { node: '^14.0.0', installScripts: true }),
      v('3.0.0-beta.1', '2021-09-01T00:00:00.000Z'),
      v('3.0.0', '2022-01-01T00:00:00.000Z'),
      v('3.1.0', '2022-06-01T12:00:00.000Z', { node: '>=16', peerDependencies: { react: '^18.0.0' } }),
      v('4.0.0-beta.2', '2023-03-01T00:00:00.000Z'),
    ],
  };
}

function input(overrides: Partial<MetricsInput> = {}): MetricsInput {
  return {
    metadata: lib(),
    installed: '1.2.3',
    range: '^1.2.0',
    target: null,
    timesReliable: true,
    deprecationsReported: true,
    repositoryNode: '>=18',
    neighbours: new Map(),
    now: new Date('2023-06-01T00:00:00.000Z'),
    ...overrides,
  };
}

describe('versionsBehind', () => {
  it('counts majors once per major number, minors within the installed major, patches within the installed minor', () => {
    // Majors 2 (2.0.0, 2.1.0) and 3 (3.0.0, 3.1.0); minors 1.3 and 1.4 (1.4.0, 1.4.1); patches 1.2.4 and 1.2.5.
    // 3.0.0-beta.1 and 4.0.0-beta.2 are prereleases.
    expect(versionsBehind('1.2.3', '3.1.0', lib().versions)).toEqual({ major: 2, minor: 2, patch: 2 });
  });

  it('ignores versions above latest and prereleases', () => {
    const versions = ['3.0.0', '3.0.1', '3.1.0', '3.1.1', '3.2.0', '4.0.0', '3.0.2-rc.1', '3.1.0-beta.1'].map((version) => v(version));
    // 3.0.1 is a patch, 3.1.0 a minor; 3.1.1, 3.2.0 and 4.0.0 are above latest.
    expect(versionsBehind('3.0.0', '3.1.0', versions)).toEqual({ major: 0, minor: 1, patch: 1 });
    expect(versionsBehind('1.2.3', '1.3.0', ['1.2.3', '1.2.4-rc.1', '1.3.0-beta.1', '1.3.0'].map((version) => v(version)))).toEqual({ major: 0, minor: 1, patch: 0 });
  });

  it('is all zeros when the installed version is the latest or above it', () => {
    expect(versionsBehind('3.1.0', '3.1.0', lib().versions)).toEqual({ major: 0, minor: 0, patch: 0 });
    expect(versionsBehind('5.0.0', '3.1.0', lib().versions)).toEqual({ major: 0, minor: 0, patch: 0 });
  });
});

describe('versionInUse', () => {
  it("takes the lockfile's version over the range, published or not", () => {
    expect(versionInUse(lib(), '1.2.4', '^3.0.0')).toBe('1.2.4');
    expect(versionInUse(lib(), '1.2.99', '^3.0.0')).toBe('1.2.99');
  });

  it('otherwise takes the highest published version the range allows, prereleases only when the range asks for them', () => {
    expect(versionInUse(lib(), null, '^1.2.0')).toBe('1.4.1');
    expect(versionInUse(lib(), null, '~1.2.3')).toBe('1.2.5');
    expect(versionInUse(lib(), null, '^3.0.0')).toBe('3.1.0');
    expect(versionInUse(lib(), null, '>=3.0.0-beta.0 <3.0.0')).toBe('3.0.0-beta.1');
    expect(versionInUse(lib(), null, '^9.0.0')).toBeNull();
  });

  it('reads a dist-tag for a range that is a tag name, null for an unknown tag or no range', () => {
    expect(versionInUse(lib(), null, 'next')).toBe('4.0.0-beta.2');
    expect(versionInUse(lib(), null, 'latest')).toBe('3.1.0');
    expect(versionInUse(lib(), null, 'canary')).toBeNull();
    expect(versionInUse(lib(), null, null)).toBeNull();
    // Names every object has are not dist-tags.
    expect([versionInUse(lib(), null, 'constructor'), versionInUse(lib(), null, 'toString')]).toEqual([null, null]);
  });
});

describe('dependencyMetrics', () => {
  it('measures a dependency several releases behind', () => {
    expect(dependencyMetrics(input())).toEqual({
      version: '1.2.3',
      versionFrom: 'lockfile',
      latest: '3.1.0',
      behind: { major: 2, minor: 2, patch: 2 },
      // 2020-01-01T00:00 → 2022-06-01T12:00: 366 (2020) + 365 (2021) + 151 (Jan–May 2022) days + 12 h = 882.5 days.
      driftDays: 882.5,
      // Newest release of any kind is 4.0.0-beta.2 (2023-03-01): 31 + 30 + 31 = 92 days before 2023-06-01.
      pulseDays: 92,
      abandoned: false,
      times: 'reliable',
      deprecated: 'use 3.x',
      latestDeprecated: null,
      deprecations: 'reported',
      engines: { target: '3.1.0', requires: '>=16', repository: '>=18', fit: 'yes' },
      peerConflicts: [],
      installScripts: { installed: true, target: false },
    });
  });

  it('keeps drift and pulse to a tenth of a day', () => {
    const metadata: PackageMetadata = {
      name: 'tiny',
      distTags: { latest: '1.1.0' },
      versions: [v('1.0.0', '2024-01-01T00:00:00.000Z'), v('1.1.0', '2024-01-03T04:00:00.000Z')],
    };
    const metrics = dependencyMetrics(input({ metadata, installed: '1.0.0', now: new Date('2024-01-10T00:00:00.000Z') }));
    // Drift: 2 d 4 h = 2.1667 d → 2.2. Pulse: 6 d 20 h = 6.8333 d → 6.8.
    expect([metrics.driftDays, metrics.pulseDays]).toEqual([2.2, 6.8]);
  });

  it('has no drift when the version in use is the latest or above it', () => {
    expect(dependencyMetrics(input({ installed: '3.1.0' })).driftDays).toBe(0);
    expect(dependencyMetrics(input({ installed: '4.0.0-beta.2' })).driftDays).toBe(0);
    expect(dependencyMetrics(input({ installed: '4.0.0-beta.2' })).behind).toEqual({ major: 0, minor: 0, patch: 0 });
  });

  it('measures drift against the highest stable version when latest is a prerelease', () => {
    const metadata: PackageMetadata = {
      name: 'pre',
      distTags: { latest: '2.0.0-rc.1' },
      versions: [v('1.0.0', '2024-01-01T00:00:00.000Z'), v('1.1.0', '2024-01-11T00:00:00.000Z'), v('2.0.0-rc.1', '2024-02-01T00:00:00.000Z')],
    };
    const metrics = dependencyMetrics(input({ metadata, installed: '1.0.0', now: new Date('2024-02-02T00:00:00.000Z') }));
    // Drift to 1.1.0: 10 days. Pulse from 2.0.0-rc.1: 1 day. 2.0.0-rc.1 does not count as a major behind.
    expect([metrics.latest, metrics.driftDays, metrics.pulseDays, metrics.behind]).toEqual(['2.0.0-rc.1', 10, 1, { major: 0, minor: 1, patch: 0 }]);
  });

  it('has no latest and no versions behind when dist-tags.latest names an unpublished version', () => {
    const metadata = { ...lib(), distTags: { latest: '9.0.0' } };
    const metrics = dependencyMetrics(input({ metadata }));
    // Drift then goes to the highest stable version, 3.1.0.
    expect([metrics.latest, metrics.behind, metrics.driftDays]).toEqual([null, null, 882.5]);
  });

  it('calls a package abandoned after more than 365 days without a release', () => {
    const metadata: PackageMetadata = { name: 'old', distTags: { latest: '1.0.0' }, versions: [v('1.0.0', '2022-05-31T00:00:00.000Z')] };
    // 2022-05-31 → 2023-05-31 is 365 days: not yet.
    expect(dependencyMetrics(input({ metadata, installed: '1.0.0', now: new Date('2023-05-31T00:00:00.000Z') }))).toMatchObject({ pulseDays: 365, abandoned: false });
    expect(dependencyMetrics(input({ metadata, installed: '1.0.0', now: new Date('2023-06-01T00:00:00.000Z') }))).toMatchObject({ pulseDays: 366, abandoned: true });
  });

  it('uses no publish time when they are unreliable or missing', () => {
    expect(dependencyMetrics(input({ timesReliable: false }))).toMatchObject({ times: 'unreliable', driftDays: null, pulseDays: null, abandoned: null, behind: { major: 2, minor: 2, patch: 2 } });
    const untimed = { ...lib(), versions: lib().versions.map(({ time: _time, ...rest }) => rest) };
    expect(dependencyMetrics(input({ metadata: untimed }))).toMatchObject({ times: 'unknown', driftDays: null, pulseDays: null, abandoned: null });
  });

  it('reports the deprecation notices of the version in use and of latest', () => {
    const metadata = lib();
    metadata.versions.find((version) => version.version === '3.1.0')!.deprecated = 'moved to @lib/core';
    expect(dependencyMetrics(input({ metadata }))).toMatchObject({ deprecated: 'use 3.x', latestDeprecated: 'moved to @lib/core', deprecations: 'reported' });
    expect(dependencyMetrics(input({ installed: '1.2.4' }))).toMatchObject({ deprecated: null, latestDeprecated: null, deprecations: 'reported' });
  });

  it('says deprecations are unknown when the registry does not report them, but keeps the notices it did keep', () => {
    // Since commit 853e10b a notice present is shown even where the registry strips others; its absence proves nothing.
    const metadata = lib();
    metadata.versions.find((version) => version.version === '3.1.0')!.deprecated = 'moved to @lib/core';
    expect(dependencyMetrics(input({ metadata, deprecationsReported: false }))).toMatchObject({ deprecated: 'use 3.x', latestDeprecated: 'moved to @lib/core', deprecations: 'unknown' });
    expect(dependencyMetrics(input({ installed: '1.2.4', deprecationsReported: false }))).toMatchObject({ deprecated: null, latestDeprecated: null, deprecations: 'unknown' });
  });

  it('takes the version from the range when there is no lockfile version, and says so', () => {
    expect(dependencyMetrics(input({ installed: null, range: '^1.2.0' }))).toMatchObject({ version: '1.4.1', versionFrom: 'range', behind: { major: 2, minor: 0, patch: 0 } });
    expect(dependencyMetrics(input({ installed: null, range: 'next' }))).toMatchObject({ version: '4.0.0-beta.2', versionFrom: 'range' });
    expect(dependencyMetrics(input({ installed: null, range: '^9.0.0' }))).toMatchObject({ version: null, versionFrom: null, behind: null, driftDays: null });
  });

  it("judges the upgrade target's engines.node against the repository's", () => {
    const engines = (overrides: Partial<MetricsInput>) => dependencyMetrics(input(overrides)).engines;
    // Target 3.1.0 requires >=16.
    expect(engines({ repositoryNode: '^20.19.0 || >=22.12.0' })).toEqual({ target: '3.1.0', requires: '>=16', repository: '^20.19.0 || >=22.12.0', fit: 'yes' });
    expect(engines({ repositoryNode: '>=14' }).fit).toBe('partly');
    // Target 2.1.0 requires ^14.0.0.
    expect(engines({ target: '2.1.0', repositoryNode: '>=18' })).toEqual({ target: '2.1.0', requires: '^14.0.0', repository: '>=18', fit: 'no' });
    // 3.0.0 states no engines.node.
    expect(engines({ target: '3.0.0' })).toEqual({ target: '3.0.0', requires: null, repository: '>=18', fit: 'yes' });
    expect(engines({ repositoryNode: null }).fit).toBe('unknown');
    expect(engines({ repositoryNode: 'lts please' }).fit).toBe('unknown');
    expect(engines({ target: '9.9.9' })).toEqual({ target: null, requires: null, repository: '>=18', fit: 'unknown' });
    const metadata = lib();
    metadata.versions.find((version) => version.version === '3.1.0')!.node = 'current';
    expect(engines({ metadata }).fit).toBe('unknown');
  });

  it("reports only the target's peers whose installed neighbour is outside the range", () => {
    const metadata = lib();
    metadata.versions.find((version) => version.version === '3.1.0')!.peerDependencies = {
      react: '^18.0.0',
      'react-dom': '^18.0.0',
      typescript: '>=5',
      vue: '^3.0.0',
      preact: '^10.0.0',
    };
    const neighbours = new Map([
      ['react', '17.0.2'],
      ['react-dom', '18.2.0'],
      // A prerelease inside the range is no conflict.
      ['typescript', '5.5.0-beta'],
      ['preact', 'file:../preact'],
      ['lodash', '1.0.0'],
    ]);
    expect(dependencyMetrics(input({ metadata, neighbours })).peerConflicts).toEqual([{ peer: 'react', range: '^18.0.0', installed: '17.0.2' }]);
    // The peers are the target's: 3.0.0 has none.
    expect(dependencyMetrics(input({ metadata, neighbours, target: '3.0.0' })).peerConflicts).toEqual([]);
  });

  it('tells whether the version in use and the target run install scripts', () => {
    expect(dependencyMetrics(input({ installed: '1.2.4', target: '2.1.0' })).installScripts).toEqual({ installed: false, target: true });
    expect(dependencyMetrics(input({ installed: '1.2.99', target: '9.9.9' })).installScripts).toEqual({ installed: null, target: null });
  });

  it('measures nothing, rather than failing, for versions that are not semver', () => {
    const odd = { name: 'odd', distTags: { latest: 'latest-build' }, versions: [{ version: 'latest-build', time: '2024-01-01T00:00:00.000Z', installScripts: false }, { version: '1.0', time: '2023-01-01T00:00:00.000Z', installScripts: false }] };
    const metrics = dependencyMetrics(input({ metadata: odd, installed: '1.0' }));
    expect([metrics.behind, metrics.driftDays, metrics.latest]).toEqual([null, null, 'latest-build']);
  });
});

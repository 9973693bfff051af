import type { FixtureAdvisory, FixturePackage } from './fixture-registry.js';
import { createRepository } from './git-fixture.js';

export const dayMs = 86_400_000;
const daysAgo = (days: number): string => new Date(Date.now() - days * dayMs).toISOString();
export const v = (version: string, time: string, extra: Partial<FixturePackage['versions'][number]> = {}) => ({ version, time, ...extra });

/** Publish history with dates chosen so that every metric can be worked out by hand (see the expectations). */
export const dependencyPackages: FixturePackage[] = [
  {
    name: 'alpha',
    versions: [v('1.0.0', '2023-01-01T00:00:00.000Z'), v('1.0.1', '2023-02-01T00:00:00.000Z'), v('1.1.0', '2023-06-01T00:00:00.000Z'), v('2.0.0', '2024-01-01T00:00:00.000Z'), v('2.1.0', '2024-06-01T00:00:00.000Z'), v('3.0.0-beta.1', daysAgo(5))],
    distTags: { latest: '2.1.0', next: '3.0.0-beta.1' },
  },
  { name: 'beta', versions: [v('0.9.0', '2020-01-01T00:00:00.000Z', { deprecated: 'use gamma' }), v('1.0.0', '2020-06-01T00:00:00.000Z')] },
  { name: 'gamma', versions: [v('1.0.0', '2024-01-01T00:00:00.000Z'), v('1.0.1', '2024-03-01T00:00:00.000Z', { deprecated: 'no longer maintained' })] },
  { name: 'delta', versions: [v('1.0.0', '2024-05-01T00:00:00.000Z', { scripts: { postinstall: 'node build.js' } }), v('1.1.0', '2024-07-01T00:00:00.000Z', { engines: { node: '>=22' } })] },
  { name: 'epsilon', versions: [v('4.0.0', '2023-01-01T00:00:00.000Z', { dependencies: { tiny: '^0.1.0' } }), v('5.0.0', '2024-02-01T00:00:00.000Z', { peerDependencies: { alpha: '^2.0.0' } })] },
  { name: 'tiny', versions: [v('0.1.0', '2022-01-01T00:00:00.000Z'), v('2.0.0', '2022-06-01T00:00:00.000Z')] },
  { name: 'zeta', versions: [v('1.0.0', '2024-01-01T00:00:00.000Z'), v('1.2.0', daysAgo(30))] },
  { name: 'broken', versions: [v('1.0.0', '2024-01-01T00:00:00.000Z')] },
];

const packageJson = {
  name: 'fixture',
  private: true,
  workspaces: ['packages/*'],
  engines: { node: '>=20' },
  dependencies: {
    alpha: '^1.0.0',
    'alpha-old': 'npm:alpha@^1.0.0',
    beta: '^0.9.0',
    gamma: '^1.0.0',
    epsilon: '^4.0.0',
    ghost: '^1.0.0',
    broken: '^1.0.0',
    zeta: '^1.0.0',
    local: 'file:./vendor/local',
    linked: 'link:../elsewhere',
    fromgit: 'git+https://github.com/acme/fromgit.git',
  },
  // gamma twice, as some repositories have it: in dependencies and devDependencies.
  devDependencies: { delta: '^1.0.0', gamma: '^1.0.0' },
};

const packageLock = {
  name: 'fixture',
  lockfileVersion: 3,
  requires: true,
  packages: {
    '': { name: 'fixture', workspaces: ['packages/*'], dependencies: packageJson.dependencies, devDependencies: packageJson.devDependencies },
    'node_modules/alpha': { version: '1.0.1' },
    'node_modules/alpha-old': { name: 'alpha', version: '1.0.0' },
    'node_modules/beta': { version: '0.9.0' },
    'node_modules/gamma': { version: '1.0.0' },
    'node_modules/delta': { version: '1.0.0', dev: true, hasInstallScript: true },
    'node_modules/epsilon': { version: '4.0.0', dependencies: { tiny: '^0.1.0' } },
    'node_modules/tiny': { version: '0.1.0' },
    'node_modules/ghost': { version: '1.0.0' },
    'node_modules/broken': { version: '1.0.0' },
    'node_modules/app': { resolved: 'packages/app', link: true },
    'packages/app': { name: 'app', version: '0.0.0', dependencies: { alpha: '^2.0.0', lib: 'workspace:*' } },
    'packages/app/node_modules/alpha': { version: '2.0.0' },
  },
};

export const dependencyAdvisories: FixtureAdvisory[] = [
  {
    id: 1001,
    name: 'alpha',
    title: 'Prototype pollution in alpha',
    severity: 'high',
    vulnerable_versions: '<1.1.0',
    url: 'https://example.invalid/advisories/1001',
    cvss: { score: 8.1, vectorString: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H' },
  },
  { id: 1002, name: 'tiny', title: 'ReDoS in tiny', severity: 'critical', vulnerable_versions: '<2.0.0', url: 'https://example.invalid/advisories/1002' },
];

/**
 * A repository with a root package and one workspace whose dependencies cover every specifier kind,
 * a lockfile (v3) that misses one of them, an npm: alias and a transitive dependency with an advisory.
 */
export function buildDependencyRepository(folder: string): string {
  return createRepository(folder, [
    {
      author: 'Ada',
      email: 'ada@example.com',
      date: '2024-07-01T12:00:00Z',
      files: {
        'package.json': JSON.stringify(packageJson, null, 2),
        'package-lock.json': JSON.stringify(packageLock, null, 2),
        'packages/app/package.json': JSON.stringify({ name: 'app', version: '0.0.0', dependencies: { alpha: '^2.0.0', lib: 'workspace:*' } }),
        'src/index.ts': 'export {};\n',
      },
    },
  ]);
}

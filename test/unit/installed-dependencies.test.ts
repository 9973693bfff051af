import { describe, expect, it } from 'vitest';
import { installedDependencies, specifierKind } from '../../analyzers/dependencies/installed-dependencies.js';
import { readLockfile } from '../../analyzers/dependencies/lockfile.js';

const lockfile = readLockfile(
  'package-lock.json',
  JSON.stringify({
    lockfileVersion: 3,
    packages: {
      'node_modules/react': { version: '18.3.1' },
      'node_modules/string-width-cjs': { version: '4.2.3' },
      'node_modules/typescript': { version: '5.4.5' },
    },
  }),
);

const workspaces = [
  {
    dir: '',
    packageJson: {
      name: 'shop',
      dependencies: { react: '^18.0.0', 'string-width-cjs': 'npm:string-width@^4.2.0', lib: 'workspace:*', local: 'file:../local', beta: 'next' },
      devDependencies: { typescript: '~5.4.0', 'left-pad': '^1.3.0', tool: 'github:acme/tool#v1' },
      peerDependencies: { vue: '^3.0.0' },
    },
  },
];

describe('installedDependencies', () => {
  it("takes a dependency on one of the repository's own packages that the lockfile links for a workspace package, not a missing entry", () => {
    const pnpm = readLockfile(
      'pnpm-lock.yaml',
      [
        "lockfileVersion: '9.0'",
        'importers:',
        '  packages/next:',
        '    dependencies:',
        "      '@trpc/client':",
        '        specifier: 11.18.0',
        '        version: link:../client',
        '  packages/client:',
        '    dependencies: {}',
        '',
      ].join('\n'),
    );
    const { dependencies, warnings } = installedDependencies({
      workspaces: [
        { dir: 'packages/next', packageJson: { name: '@trpc/next', dependencies: { '@trpc/client': '11.18.0', zod: '^3.0.0' } } },
        { dir: 'packages/client', packageJson: { name: '@trpc/client' } },
      ],
      lockfile: { path: 'pnpm-lock.yaml', read: pnpm },
    });
    expect(dependencies.map((dependency) => [dependency.name, dependency.kind, dependency.registryName, dependency.note])).toEqual([
      ['@trpc/client', 'workspace', null, 'a package of this repository (the lockfile links it)'],
      ['zod', 'registry', 'zod', 'not in pnpm-lock.yaml: the lockfile is out of sync with package.json'],
    ]);
    expect(warnings).toEqual(['pnpm-lock.yaml has no entry for 1 declared dependency: it is out of sync with package.json (run the install again).']);
  });

  it('classifies every declared dependency and takes its installed version from the lockfile', () => {
    const { dependencies, warnings } = installedDependencies({ workspaces, lockfile: { path: 'package-lock.json', read: lockfile } });
    expect(dependencies.map((dependency) => `${dependency.field} ${dependency.name} ${dependency.kind} ${dependency.registryName}@${dependency.range} → ${dependency.installed}`)).toEqual([
      'dependencies react registry react@^18.0.0 → 18.3.1',
      'dependencies string-width-cjs alias string-width@^4.2.0 → 4.2.3',
      'dependencies lib workspace null@null → null',
      'dependencies local file null@null → null',
      'dependencies beta tag beta@next → null',
      'devDependencies typescript registry typescript@~5.4.0 → 5.4.5',
      'devDependencies left-pad registry left-pad@^1.3.0 → null',
      'devDependencies tool git null@null → null',
    ]);
    expect(dependencies.find((dependency) => dependency.name === 'left-pad')?.note).toBe('not in package-lock.json: the lockfile is out of sync with package.json');
    expect(dependencies.find((dependency) => dependency.name === 'tool')?.note).toBe('a git repository, not from the registry');
    expect(warnings).toEqual(['package-lock.json has no entry for 2 declared dependencies: it is out of sync with package.json (run the install again).']);
  });

  it('says so when there is no lockfile, or it cannot be read, and keeps the ranges', () => {
    const none = installedDependencies({ workspaces, lockfile: undefined });
    expect(none.warnings).toEqual(['No lockfile: installed versions are unknown, so the declared ranges are used.']);
    expect(none.dependencies.find((dependency) => dependency.name === 'react')).toMatchObject({ range: '^18.0.0', installed: null });
    const corrupt = installedDependencies({ workspaces, lockfile: { path: 'package-lock.json', read: readLockfile('package-lock.json', '{ broken') } });
    expect(corrupt.warnings[0]).toMatch(/^package-lock\.json could not be read: .*; the declared ranges are used instead\.$/);
  });

  it('tells specifier forms apart as npm does', () => {
    expect(['^1.2.3', '1.x', '*', '', '>=1 <2', 'latest', 'npm:a@1', 'workspace:^', 'link:../a', 'file:a.tgz', './a', 'git+https://h/x.git', 'user/repo#main', 'https://h/x.tgz'].map(specifierKind)).toEqual([
      'registry', 'registry', 'registry', 'registry', 'registry', 'tag', 'alias', 'workspace', 'link', 'file', 'file', 'git', 'git', 'url',
    ]);
  });
});

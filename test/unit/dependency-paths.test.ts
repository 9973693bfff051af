import { describe, expect, it } from 'vitest';
import { dependencyPaths } from '../../analyzers/dependencies/dependency-paths.js';
import { type Lockfile, readLockfile } from '../../analyzers/dependencies/lockfile.js';

/** A package-lock.json v3 from `node_modules/…` entries. */
function lockfile(packages: Record<string, { version: string; dependencies?: Record<string, string> }>): Lockfile {
  const read = readLockfile('package-lock.json', JSON.stringify({ name: 'app', lockfileVersion: 3, packages: { '': { name: 'app' }, ...packages } }));
  if ('error' in read) throw new Error(read.error);
  return read;
}

const directs = (entries: [string, string][]): Map<string, Set<string>> => new Map(entries.map(([name, version]) => [name, new Set([version])]));

describe('dependencyPaths', () => {
  // a → b → m → target and a → p → target; d → target; orphan → target (orphan is no direct dependency and nothing needs it).
  const tree = lockfile({
    'node_modules/a': { version: '1.0.0', dependencies: { b: '^1.0.0', p: '^1.0.0' } },
    'node_modules/b': { version: '1.0.0', dependencies: { m: '^1.0.0' } },
    'node_modules/m': { version: '1.0.0', dependencies: { target: '^1.0.0' } },
    'node_modules/p': { version: '1.0.0', dependencies: { target: '^1.0.0' } },
    'node_modules/d': { version: '1.0.0', dependencies: { target: '^1.0.0' } },
    'node_modules/target': { version: '1.2.0' },
    'node_modules/orphan': { version: '1.0.0', dependencies: { target: '^1.0.0' } },
  });
  const paths = dependencyPaths(
    tree,
    directs([
      ['a', '1.0.0'],
      ['d', '1.0.0'],
    ]),
  );

  it('gives a direct dependency as a path of its own', () => {
    expect(paths('a', '1.0.0')).toEqual([['a']]);
    expect(paths('d', '1.0.0')).toEqual([['d']]);
  });

  it('gives the shortest path from each direct dependency, shortest first', () => {
    // From a the way through p (3 names) is shorter than through b and m (4 names).
    expect(paths('target', '1.2.0')).toEqual([
      ['d', 'target'],
      ['a', 'p', 'target'],
    ]);
    expect(paths('m', '1.0.0')).toEqual([['a', 'b', 'm']]);
  });

  it('gives no path for a package no direct dependency reaches, nor for one not in the lockfile', () => {
    expect(paths('orphan', '1.0.0')).toEqual([]);
    expect(paths('ghost', '1.0.0')).toEqual([]);
    // target is installed at 1.2.0 only.
    expect(paths('target', '1.0.0')).toEqual([]);
  });

  it('gives at most three paths, one per direct dependency', () => {
    const wide = lockfile({
      'node_modules/w1': { version: '1.0.0', dependencies: { shared: '^1.0.0' } },
      'node_modules/w2': { version: '1.0.0', dependencies: { shared: '^1.0.0' } },
      'node_modules/w3': { version: '1.0.0', dependencies: { shared: '^1.0.0' } },
      'node_modules/w4': { version: '1.0.0', dependencies: { shared: '^1.0.0' } },
      'node_modules/w5': { version: '1.0.0', dependencies: { x: '^1.0.0' } },
      'node_modules/x': { version: '1.0.0', dependencies: { shared: '^1.0.0' } },
      'node_modules/shared': { version: '1.0.0' },
    });
    const found = dependencyPaths(wide, directs(['w1', 'w2', 'w3', 'w4', 'w5'].map((name) => [name, '1.0.0'])))('shared', '1.0.0');
    expect(found).toHaveLength(3);
    expect(found).toEqual([
      ['w1', 'shared'],
      ['w2', 'shared'],
      ['w3', 'shared'],
    ]);
  });

  it('gives one path for a direct dependency that reaches the package several ways', () => {
    const diamond = lockfile({
      'node_modules/r': { version: '1.0.0', dependencies: { x: '^1.0.0', y: '^1.0.0' } },
      'node_modules/x': { version: '1.0.0', dependencies: { s: '^1.0.0' } },
      'node_modules/y': { version: '1.0.0', dependencies: { s: '^1.0.0' } },
      'node_modules/s': { version: '1.0.0' },
    });
    expect(dependencyPaths(diamond, directs([['r', '1.0.0']]))('s', '1.0.0')).toEqual([['r', 'x', 's']]);
  });

  it('tells versions apart: the direct dependency at one version, a nested copy at another', () => {
    const nested = lockfile({
      'node_modules/a': { version: '1.0.0' },
      'node_modules/c': { version: '1.0.0', dependencies: { a: '^2.0.0' } },
      'node_modules/c/node_modules/a': { version: '2.0.0' },
    });
    const find = dependencyPaths(
      nested,
      directs([
        ['a', '1.0.0'],
        ['c', '1.0.0'],
      ]),
    );
    expect(find('a', '1.0.0')).toEqual([['a']]);
    expect(find('a', '2.0.0')).toEqual([['c', 'a']]);
  });

  it('handles scoped names and stops in dependency cycles', () => {
    const scoped = lockfile({
      'node_modules/@scope/ui': { version: '2.0.0', dependencies: { '@scope/core': '^1.0.0' } },
      'node_modules/@scope/core': { version: '1.1.0', dependencies: { loop: '^1.0.0' } },
      'node_modules/loop': { version: '1.0.0', dependencies: { '@scope/core': '^1.0.0' } },
      'node_modules/c1': { version: '1.0.0', dependencies: { c2: '^1.0.0' } },
      'node_modules/c2': { version: '1.0.0', dependencies: { c1: '^1.0.0' } },
    });
    const find = dependencyPaths(scoped, directs([['@scope/ui', '2.0.0']]));
    expect(find('@scope/core', '1.1.0')).toEqual([['@scope/ui', '@scope/core']]);
    expect(find('loop', '1.0.0')).toEqual([['@scope/ui', '@scope/core', 'loop']]);
    expect(find('c1', '1.0.0')).toEqual([]);
  });

  it('without a lockfile knows only the direct dependencies', () => {
    const find = dependencyPaths(undefined, directs([['a', '1.0.0']]));
    expect(find('a', '1.0.0')).toEqual([['a']]);
    expect(find('b', '1.0.0')).toEqual([]);
  });

  it('follows the copy Node loads from where each package is installed, not any copy of the right name', () => {
    // a asks for b ^1.0.0 and has its own b@1.0.0; c asks for b 1.5.0 and has its own; the hoisted b is 2.0.0.
    const nested = lockfile({
      'node_modules/a': { version: '1.0.0', dependencies: { b: '^1.0.0' } },
      'node_modules/a/node_modules/b': { version: '1.0.0' },
      'node_modules/c': { version: '1.0.0', dependencies: { b: '1.5.0' } },
      'node_modules/c/node_modules/b': { version: '1.5.0' },
      'node_modules/b': { version: '2.0.0' },
    });
    const found = dependencyPaths(
      nested,
      directs([
        ['a', '1.0.0'],
        ['b', '2.0.0'],
        ['c', '1.0.0'],
      ]),
    );
    expect([found('b', '1.0.0'), found('b', '1.5.0'), found('b', '2.0.0')]).toEqual([[['a', 'b']], [['c', 'b']], [['b']]]);
  });
});

import { describe, expect, it } from 'vitest';
import { type Lockfile, readLockfile } from '../../analyzers/dependencies/lockfile.js';

const json = (value: unknown): string => JSON.stringify(value, null, 2);

function read(fileName: string, text: string): Lockfile {
  const lockfile = readLockfile(fileName, text);
  if ('error' in lockfile) throw new Error(lockfile.error);
  return lockfile;
}

describe('readLockfile', () => {
  it('reads package-lock.json v3 with workspaces: each importer finds its version the way Node does', () => {
    const lockfile = read(
      'package-lock.json',
      json({
        lockfileVersion: 3,
        packages: {
          '': { name: 'shop', workspaces: ['packages/*'], devDependencies: { typescript: '^5.4.0' } },
          'packages/app': { name: '@shop/app', dependencies: { lodash: '^3.0.0', react: '^18.0.0' } },
          'node_modules/@shop/app': { resolved: 'packages/app', link: true },
          'node_modules/typescript': { version: '5.4.5', dev: true },
          'node_modules/lodash': { version: '4.17.21' },
          'node_modules/react': { version: '18.3.1', dependencies: { 'loose-envify': '^1.1.0', lodash: '^4.0.0' } },
          'node_modules/loose-envify': { version: '1.4.0' },
          'packages/app/node_modules/lodash': { version: '3.10.1' },
        },
      }),
    );
    expect(lockfile.kind).toBe('npm');
    expect(lockfile.resolve('', 'typescript', '^5.4.0')).toBe('5.4.5');
    expect(lockfile.resolve('packages/app', 'lodash', '^3.0.0')).toBe('3.10.1');
    expect(lockfile.resolve('packages/app', 'react', '^18.0.0')).toBe('18.3.1');
    expect(lockfile.resolve('', 'left-pad', '^1.0.0')).toBeUndefined();
    // Its dependencies as the copies Node loads from node_modules/react: the hoisted lodash, not the app's own.
    expect(lockfile.packages.get('react@18.3.1')).toEqual({ name: 'react', version: '18.3.1', dependencies: { 'loose-envify': '1.4.0', lodash: '4.17.21' }, peers: [] });
    expect([...lockfile.packages.keys()].sort()).toEqual(['lodash@3.10.1', 'lodash@4.17.21', 'loose-envify@1.4.0', 'react@18.3.1', 'typescript@5.4.5']);
  });

  it('reads package-lock.json v1 (nested dependencies)', () => {
    const lockfile = read(
      'package-lock.json',
      json({ lockfileVersion: 1, dependencies: { debug: { version: '2.6.9', requires: { ms: '2.0.0' }, dependencies: { ms: { version: '2.0.0' } } }, ms: { version: '2.1.3' } } }),
    );
    expect(lockfile.resolve('', 'debug', '^2.6.0')).toBe('2.6.9');
    expect(lockfile.resolve('', 'ms', '^2.1.0')).toBe('2.1.3');
    expect(lockfile.packages.get('debug@2.6.9')?.dependencies).toEqual({ ms: '2.0.0' });
    expect(lockfile.packages.has('ms@2.0.0')).toBe(true);
  });

  it('reads pnpm-lock.yaml v9: importers, peer suffixes, aliases, workspace links and the snapshot tree', () => {
    const lockfile = read(
      'pnpm-lock.yaml',
      [
        "lockfileVersion: '9.0'",
        'importers:',
        '  .:',
        '    devDependencies:',
        '      typescript:',
        '        specifier: ^5.4.0',
        '        version: 5.4.5',
        '  packages/web:',
        '    dependencies:',
        "      '@shop/lib':",
        '        specifier: workspace:*',
        '        version: link:../lib',
        '      react-dom:',
        '        specifier: ^18.0.0',
        '        version: 18.3.1(react@18.3.1)',
        '      string-width-cjs:',
        '        specifier: npm:string-width@^4.2.0',
        '        version: string-width@4.2.3',
        'packages:',
        '  react-dom@18.3.1:',
        '    resolution: {integrity: sha512-a}',
        '    peerDependencies:',
        '      react: ^18.3.1',
        '  typescript@5.4.5:',
        '    resolution: {integrity: sha512-b}',
        'snapshots:',
        '  react-dom@18.3.1(react@18.3.1):',
        '    dependencies:',
        '      loose-envify: 1.4.0',
        '      react: 18.3.1',
        '  typescript@5.4.5: {}',
      ].join('\n'),
    );
    expect(lockfile.kind).toBe('pnpm');
    expect(lockfile.resolve('', 'typescript', '^5.4.0')).toBe('5.4.5');
    expect(lockfile.resolve('packages/web', 'react-dom', '^18.0.0')).toBe('18.3.1');
    expect(lockfile.resolve('packages/web', 'string-width-cjs', 'npm:string-width@^4.2.0')).toBe('4.2.3');
    expect(lockfile.resolve('packages/web', '@shop/lib', 'workspace:*')).toBeUndefined();
    expect(lockfile.packages.get('react-dom@18.3.1')).toEqual({ name: 'react-dom', version: '18.3.1', dependencies: { 'loose-envify': '1.4.0', react: '18.3.1' }, peers: ['react'] });
  });

  it('reads yarn.lock, classic and berry, by the descriptor each range resolved through', () => {
    const classic = read(
      'yarn.lock',
      ['# yarn lockfile v1', '', '"@babel/core@^7.0.0", "@babel/core@^7.12.3":', '  version "7.23.2"', '  dependencies:', '    debug "^4.1.0"', '', 'debug@^4.1.0:', '  version "4.3.4"'].join('\n'),
    );
    expect(classic.kind).toBe('yarn-classic');
    expect(classic.resolve('', '@babel/core', '^7.12.3')).toBe('7.23.2');
    expect(classic.resolve('', '@babel/core', '^8.0.0')).toBeUndefined();
    expect(classic.packages.get('@babel/core@7.23.2')?.dependencies).toEqual({ debug: '^4.1.0' });
    const berry = read('yarn.lock', ['__metadata:', '  version: 8', '', '"left-pad@npm:^1.3.0, left-pad@npm:^1.3.1":', '  version: 1.3.0', '  resolution: "left-pad@npm:1.3.0"'].join('\n'));
    expect(berry.kind).toBe('yarn-berry');
    expect(berry.resolve('packages/app', 'left-pad', '^1.3.1')).toBe('1.3.0');
  });

  it('says why a corrupt lockfile cannot be read', () => {
    expect(readLockfile('package-lock.json', '{ "lockfileVersion": 3, ')).toEqual({ error: expect.stringMatching(/^package-lock\.json could not be read: /) });
    expect(readLockfile('package-lock.json', '[]')).toEqual({ error: 'package-lock.json could not be read: not a JSON object' });
  });
});

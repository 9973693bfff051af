import { describe, expect, it } from 'vitest';
import { peersFromLockfile } from '../../analyzers/dependencies/lockfile-peers.js';

const sorted = (peers: ReadonlyMap<string, readonly string[]>): Record<string, string[]> =>
  Object.fromEntries([...peers].map(([name, list]) => [name, [...list].sort()]).sort(([a], [b]) => String(a).localeCompare(String(b))));

describe('peersFromLockfile', () => {
  it('reads pnpm-lock.yaml v9: the packages section only, scoped and quoted names, every version', () => {
    const lockfile = `lockfileVersion: '9.0'

importers:

  .:
    dependencies:
      next:
        specifier: ^15.0.0
        version: 15.5.14(react-dom@19.1.0(react@19.1.0))(react@19.1.0)

packages:

  '@trpc/next@11.0.0':
    resolution: {integrity: sha512-x}
    peerDependencies:
      '@tanstack/react-query': ^5.59.15
      next: '*'
    peerDependenciesMeta:
      next:
        optional: true

  next@15.5.14:
    resolution: {integrity: sha512-y}
    hasBin: true
    peerDependencies:
      react: ^18.2.0 || ^19.0.0
      react-dom: ^18.2.0 || ^19.0.0

  next@14.2.0:
    resolution: {integrity: sha512-z}
    peerDependencies:
      '@opentelemetry/api': ^1.1.0

  left-pad@1.3.0:
    resolution: {integrity: sha512-w}

snapshots:

  next@15.5.14(react-dom@19.1.0(react@19.1.0))(react@19.1.0):
    dependencies:
      react: 19.1.0
`;
    expect(sorted(peersFromLockfile('pnpm-lock.yaml', lockfile))).toEqual({
      '@trpc/next': ['@tanstack/react-query', 'next'],
      next: ['@opentelemetry/api', 'react', 'react-dom'],
    });
  });

  it('reads pnpm-lock.yaml v6 and v5 keys', () => {
    const v6 = `lockfileVersion: '6.0'\n\npackages:\n\n  /@vitejs/plugin-react@4.0.0(vite@5.0.0):\n    resolution: {integrity: sha512-a}\n    peerDependencies:\n      vite: ^4 || ^5\n    dev: true\n`;
    const v5 = `lockfileVersion: 5.4\n\npackages:\n\n  /@vitejs/plugin-react/4.0.0_vite@5.0.0:\n    resolution: {integrity: sha512-a}\n    peerDependencies:\n      vite: ^4\n  /ts-jest/29.0.0_jest@29.0.0:\n    peerDependencies:\n      jest: ^29\n      typescript: '>=4.3'\n`;
    expect(sorted(peersFromLockfile('pnpm-lock.yaml', v6))).toEqual({ '@vitejs/plugin-react': ['vite'] });
    expect(sorted(peersFromLockfile('pnpm-lock.yaml', v5))).toEqual({ '@vitejs/plugin-react': ['vite'], 'ts-jest': ['jest', 'typescript'] });
  });

  it('reads package-lock.json v2/v3 entries, nested ones included, and ignores a corrupt file', () => {
    const lockfile = JSON.stringify({
      lockfileVersion: 3,
      packages: {
        '': { name: 'app', dependencies: { 'react-dom': '19' } },
        'node_modules/react-dom': { version: '19.1.0', peerDependencies: { react: '^19.1.0' } },
        'node_modules/a/node_modules/@scope/b': { version: '1.0.0', peerDependencies: { c: '*' } },
        'node_modules/left-pad': { version: '1.3.0' },
      },
    });
    expect(sorted(peersFromLockfile('package-lock.json', lockfile))).toEqual({ '@scope/b': ['c'], 'react-dom': ['react'] });
    expect(peersFromLockfile('package-lock.json', '{ not json').size).toBe(0);
  });

  it('reads a yarn berry lockfile, and knows that yarn.lock v1 records no peers', () => {
    const berry = `__metadata:\n  version: 8\n  cacheKey: 10c0\n\n"@testing-library/react@npm:^16.0.0, @testing-library/react@npm:^16.1.0":\n  version: 16.1.0\n  resolution: "@testing-library/react@npm:16.1.0"\n  dependencies:\n    "@babel/runtime": "npm:^7.12.5"\n  peerDependencies:\n    "@testing-library/dom": ^10.0.0\n    react: ^18.0.0 || ^19.0.0\n  peerDependenciesMeta:\n    "@types/react":\n      optional: true\n  languageName: node\n  linkType: hard\n`;
    const v1 = `# yarn lockfile v1\n\n\nreact-dom@^19.0.0:\n  version "19.1.0"\n  dependencies:\n    scheduler "^0.26.0"\n`;
    expect(sorted(peersFromLockfile('yarn.lock', berry))).toEqual({ '@testing-library/react': ['@testing-library/dom', 'react'] });
    expect(peersFromLockfile('yarn.lock', v1).size).toBe(0);
  });
});

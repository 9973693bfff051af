import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('preconstruct', () => {
  it('makes each package’s entrypoints below src/ entries, `index` by default, whatever its exports name', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'mono', private: true, workspaces: ['packages/*'], preconstruct: { packages: ['packages/*'] }, devDependencies: { '@preconstruct/cli': '2' } }),
      'packages/store/package.json': json({
        name: '@x/store',
        exports: { '.': './dist/x-store.cjs.js', './persist': './dist/x-store-persist.cjs.js' },
        preconstruct: { entrypoints: ['./index.ts', './persist.ts'] },
      }),
      'packages/store/src/index.ts': code,
      'packages/store/src/persist.ts': code,
      'packages/store/src/internal.ts': code,
      'packages/core/package.json': json({ name: '@x/core', main: 'dist/x-core.cjs.js', preconstruct: {} }),
      'packages/core/src/index.ts': code,
    });
    expect(result.entries).toEqual([
      // Found first as the package's default entries, which it also is.
      entry('packages/core/src/index.ts', 'default entry (no file packages/core/package.json declares has a source file)'),
      entry('packages/store/src/index.ts', 'default entry (no file packages/store/package.json declares has a source file)'),
      entry('packages/store/src/persist.ts', 'packages/store/package.json "preconstruct" entrypoints'),
    ]);
  });
});

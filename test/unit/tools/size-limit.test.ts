import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('sizeLimit', () => {
  it('makes the source files each check measures entries, and every declared plugin used', () => {
    const result = entryPointsOf({
      'package.json': json({
        name: 'lib',
        main: 'dist/index.js',
        scripts: { size: 'size-limit' },
        devDependencies: { 'size-limit': '11', '@size-limit/preset-small-lib': '11', '@size-limit/time': '11', 'size-limit-node-esbuild': '1' },
      }),
      '.size-limit.json': json([
        { name: 'core', path: 'src/index.ts', limit: '2 kB' },
        { name: 'plugins', path: ['src/plugins/*.ts', 'dist/extra.js'], limit: '1 kB' },
        { name: 'built', path: 'dist/index.js', limit: '3 kB' },
        { name: 'stale', path: 'src/removed.ts', limit: '1 kB' },
      ]),
      'src/index.ts': code,
      'src/plugins/a.ts': code,
      'src/plugins/b.ts': code,
      'src/internal.ts': code,
    });
    expect(result.entries).toEqual([
      entry('src/index.ts', 'package.json "main" (dist/index.js → src/index.ts)'),
      entry('src/plugins/a.ts', '.size-limit.json path'),
      entry('src/plugins/b.ts', '.size-limit.json path'),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: '@size-limit/preset-small-lib', reason: 'size-limit loads every plugin the package declares' },
      { workspaceDir: '', name: '@size-limit/time', reason: 'size-limit loads every plugin the package declares' },
      { workspaceDir: '', name: 'size-limit-node-esbuild', reason: 'size-limit loads every plugin the package declares' },
    ]);
    expect(result.warnings).toEqual(['.size-limit.json path names src/removed.ts, which is not in the repository.']);
  });

  it('reads the package.json field and .size-limit.js relative to their folder, and the files a command line names', () => {
    const field = entryPointsOf({
      'package.json': json({ name: 'mono', private: true, workspaces: ['packages/*'] }),
      'packages/ui/package.json': json({ name: 'ui', bin: 'bin/ui.js', 'size-limit': [{ path: 'src/button.ts', limit: '1 kB' }], devDependencies: { '@size-limit/file': '11' } }),
      'packages/ui/bin/ui.js': code,
      'packages/ui/src/button.ts': code,
      'packages/ui/src/unused.ts': code,
      'packages/core/package.json': json({ name: 'core', bin: 'bin/core.js', scripts: { size: 'size-limit --why' } }),
      'packages/core/bin/core.js': code,
      'packages/core/.size-limit.js': "module.exports = [{ path: 'lib/core.js', import: '{ run }', limit: '5 kB' }];\n",
      'packages/core/lib/core.js': code,
      'packages/web/package.json': json({ name: 'web', private: true, bin: 'bin/web.js', scripts: { size: 'size-limit --limit "10 kB" src/app.ts' } }),
      'packages/web/bin/web.js': code,
      'packages/web/src/app.ts': code,
    });
    expect(field.entries).toEqual([
      entry('packages/core/.size-limit.js', 'config file (size-limit)', false),
      entry('packages/core/bin/core.js', 'packages/core/package.json "bin"'),
      entry('packages/core/lib/core.js', 'packages/core/.size-limit.js path'),
      entry('packages/ui/bin/ui.js', 'packages/ui/package.json "bin"'),
      entry('packages/ui/src/button.ts', 'packages/ui/package.json "size-limit" path'),
      entry('packages/web/bin/web.js', 'packages/web/package.json "bin"'),
      // Any command naming a code file uses it (that reason comes first); size-limit makes it production code.
      entry('packages/web/src/app.ts', 'script "size": size-limit --limit "10 kB" src/app.ts'),
    ]);
    expect(field.referencedPackages).toEqual([{ workspaceDir: 'packages/ui', name: '@size-limit/file', reason: 'size-limit loads every plugin the package declares' }]);
    expect(field.warnings).toEqual([]);
  });
});

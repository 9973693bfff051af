import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('tsup', () => {
  it('bundles the entries of each config tsup.config.* exports (arrays, entry maps, globs), which ship', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'lib', exports: './dist/index.js', scripts: { build: 'tsup' }, devDependencies: { tsup: '8' } }),
      'tsup.config.ts': [
        "import { defineConfig } from 'tsup';",
        'export default defineConfig([',
        "  { entry: ['src/index.ts', 'src/plugins/*.ts'], format: ['esm', 'cjs'] },",
        "  { entry: { cli: 'src/cli.ts' }, format: 'esm' },",
        "  { entry: ['src/missing.ts'] },",
        ']);',
      ].join('\n'),
      'src/index.ts': code,
      'src/cli.ts': code,
      'src/plugins/a.ts': code,
      'src/plugins/b.ts': code,
      'src/internal/unused.ts': code,
    });
    expect(result.entries).toEqual([
      entry('src/cli.ts', 'tsup.config.ts entry'),
      entry('src/index.ts', 'package.json "exports" (dist/index.js → src/index.ts)'),
      entry('src/plugins/a.ts', 'tsup.config.ts entry'),
      entry('src/plugins/b.ts', 'tsup.config.ts entry'),
      entry('tsup.config.ts', 'config file (tsup)', false),
    ]);
    expect(result.warnings).toEqual(['tsup.config.ts entry names src/missing.ts, which is not in the repository.']);
    expect(result.unreadableEntries).toEqual([]);
  });

  it('reads the package.json "tsup" field, a config named with --config, and the files a command line bundles', () => {
    const result = entryPointsOf({
      'package.json': json({
        name: 'tools',
        bin: { tools: './bin/tools.js' },
        scripts: { 'build:node': 'tsup --config=tsup.node.config.ts', 'build:worker': 'tsup src/worker.ts --format esm --minify' },
        tsup: { entry: ['src/browser.ts'] },
        devDependencies: { tsup: '8' },
      }),
      'bin/tools.js': code,
      'tsup.node.config.ts': "export default { entry: { node: './src/node.ts' } };\n",
      'src/browser.ts': code,
      'src/node.ts': code,
      'src/worker.ts': code,
      'src/unused.ts': code,
    });
    expect(result.entries).toEqual([
      entry('bin/tools.js', 'package.json "bin.tools"'),
      entry('src/browser.ts', 'package.json "tsup" entry'),
      entry('src/node.ts', 'tsup.node.config.ts entry'),
      entry('src/worker.ts', 'script "build:worker": tsup src/worker.ts --format esm --minify'),
      entry('tsup.node.config.ts', 'config file (tsup)', false),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reports a package whose entries are computed when the config runs', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'lib', exports: './dist/index.js', devDependencies: { tsup: '8' } }),
      'tsup.config.mjs': "import { readdirSync } from 'node:fs';\nexport default { entry: readdirSync('src').map((name) => `src/${name}`) };\n",
      'src/index.ts': code,
    });
    expect(result.entries).toEqual([
      entry('src/index.ts', 'package.json "exports" (dist/index.js → src/index.ts)'),
      entry('tsup.config.mjs', 'config file (tsup)', false),
    ]);
    expect(result.unreadableEntries).toEqual([{ workspaceDir: '', origin: 'tsup.config.mjs entry' }]);
    expect(result.warnings).toEqual([]);
  });
});

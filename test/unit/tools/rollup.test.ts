import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('rollup', () => {
  it('ships the input of each config rollup.config exports, and loads the plugins --configPlugin and -p name', () => {
    const result = entryPointsOf({
      'package.json': json({
        name: 'lib',
        main: './dist/index.cjs',
        scripts: { build: 'rollup -c rollup.config.ts --configPlugin typescript', 'build:min': 'rollup -c -p terser={compress:true} -p node-resolve,rollup-plugin-visualizer' },
        devDependencies: { rollup: '4', '@rollup/plugin-typescript': '12', 'rollup-plugin-terser': '7', '@rollup/plugin-node-resolve': '16' },
      }),
      'rollup.config.ts': [
        "import { defineConfig } from 'rollup';",
        'export default defineConfig([',
        "  { input: 'src/index.ts', output: { file: 'dist/index.cjs', format: 'cjs' } },",
        "  { input: { cli: 'src/cli.ts', worker: 'src/worker/index.ts' }, output: { dir: 'dist' } },",
        "  { input: ['src/legacy.js', 'src/missing.ts'], output: { dir: 'dist/legacy' } },",
        ']);',
      ].join('\n'),
      'src/index.ts': code,
      'src/cli.ts': code,
      'src/worker/index.ts': code,
      'src/legacy.js': code,
      'src/unused.ts': code,
    });
    expect(result.entries).toEqual([
      entry('rollup.config.ts', 'config file (rollup)', false),
      entry('src/cli.ts', 'rollup.config.ts input'),
      entry('src/index.ts', 'package.json "main" (dist/index.cjs → src/index.ts)'),
      entry('src/legacy.js', 'rollup.config.ts input'),
      entry('src/worker/index.ts', 'rollup.config.ts input'),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: '@rollup/plugin-node-resolve', reason: 'script "build:min" plugin' },
      { workspaceDir: '', name: '@rollup/plugin-typescript', reason: 'script "build" plugin' },
      { workspaceDir: '', name: 'rollup-plugin-terser', reason: 'script "build:min" plugin' },
      { workspaceDir: '', name: 'rollup-plugin-visualizer', reason: 'script "build:min" plugin' },
    ]);
    expect(result.warnings).toEqual(['rollup.config.ts input names src/missing.ts, which is not in the repository.']);
  });

  it('ships the inputs of a command line without a config, and says when a config computes its inputs', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'mono', private: true, workspaces: ['packages/*'] }),
      'packages/cli/package.json': json({ name: 'cli', bin: './bin.js', scripts: { build: 'rollup src/main.ts -m inline -o dist/main.js -i extra=src/extra -p ./tools/banner.mjs --format es' } }),
      'packages/cli/bin.js': code,
      'packages/cli/src/main.ts': code,
      'packages/cli/src/extra/index.ts': code,
      'packages/cli/tools/banner.mjs': code,
      'packages/icons/package.json': json({ name: 'icons', main: 'index.js' }),
      'packages/icons/index.js': code,
      'packages/icons/rollup.config.mjs': "import { readdirSync } from 'node:fs';\nexport default { input: readdirSync('icons').map((name) => `icons/${name}`) };\n",
    });
    const script = 'script "build": rollup src/main.ts -m inline -o dist/main.js -i extra=src/extra -p ./tools/banner.mjs --format es';
    expect(result.entries).toEqual([
      entry('packages/cli/bin.js', 'packages/cli/package.json "bin"'),
      entry('packages/cli/src/extra/index.ts', 'rollup input (script "build")'),
      // Named by the script, and bundled by rollup.
      entry('packages/cli/src/main.ts', script),
      entry('packages/cli/tools/banner.mjs', script, false),
      entry('packages/icons/index.js', 'packages/icons/package.json "main"'),
      entry('packages/icons/rollup.config.mjs', 'config file (rollup)', false),
    ]);
    expect(result.referencedPackages).toEqual([]);
    expect(result.unreadableEntries).toEqual([{ workspaceDir: 'packages/icons', origin: 'packages/icons/rollup.config.mjs input' }]);
    expect(result.warnings).toEqual([]);
  });
});

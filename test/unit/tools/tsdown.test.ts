import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('tsdown', () => {
  it('bundles the entries of tsdown.config.* (an entry map, globs), which ship', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'cli', bin: './dist/bin.mjs', scripts: { build: 'tsdown' }, devDependencies: { tsdown: '0.15' } }),
      'tsdown.config.ts': "import { defineConfig } from 'tsdown';\nexport default defineConfig({ entry: { bin: './src/bin.ts', commands: './src/commands/*.ts' } });\n",
      'src/bin.ts': code,
      'src/commands/init.ts': code,
      'src/commands/build.ts': code,
      'src/index.ts': code,
    });
    expect(result.entries).toEqual([
      entry('src/bin.ts', 'package.json "bin" (dist/bin.mjs → src/bin.ts)'),
      entry('src/commands/build.ts', 'tsdown.config.ts entry'),
      entry('src/commands/init.ts', 'tsdown.config.ts entry'),
      entry('tsdown.config.ts', 'config file (tsdown)', false),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('bundles src/index.ts when neither the config, the package.json "tsdown" field nor the command line names an entry', () => {
    const withConfig = entryPointsOf({
      'package.json': json({ name: 'lib', exports: { '.': './dist/lib.mjs' }, scripts: { build: 'tsdown' } }),
      'tsdown.config.mts': "export default { format: ['esm', 'cjs'], dts: true };\n",
      'src/index.ts': code,
      'src/lib.ts': code,
      'src/unused.ts': code,
    });
    expect(withConfig.entries).toEqual([
      entry('src/index.ts', 'tsdown default entry'),
      entry('src/lib.ts', 'package.json "exports" "." (dist/lib.mjs → src/lib.ts)'),
      entry('tsdown.config.mts', 'config file (tsdown)', false),
    ]);
    const defaults = entryPointsOf({
      'packages/lib/package.json': json({ name: 'lib', exports: './dist/lib.mjs', scripts: { build: 'tsdown --format esm' } }),
      'packages/lib/src/index.ts': code,
      'packages/lib/src/lib.ts': code,
    });
    expect(defaults.entries).toEqual([
      entry('packages/lib/src/index.ts', 'tsdown default entry'),
      entry('packages/lib/src/lib.ts', 'packages/lib/package.json "exports" (dist/lib.mjs → src/lib.ts)'),
    ]);
    const field = entryPointsOf({
      'package.json': json({ name: 'lib', exports: './dist/lib.mjs', tsdown: { entry: ['src/lib.ts', 'src/extra/*.ts'] }, scripts: { build: 'tsdown' } }),
      'src/index.ts': code,
      'src/lib.ts': code,
      'src/extra/a.ts': code,
    });
    expect(field.entries).toEqual([
      entry('src/extra/a.ts', 'package.json "tsdown" entry'),
      entry('src/lib.ts', 'package.json "exports" (dist/lib.mjs → src/lib.ts)'),
    ]);
    expect([withConfig, defaults, field].flatMap(({ warnings }) => warnings)).toEqual([]);
  });

  it('takes the files and globs its command line names instead of the default', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'tools', exports: './dist/main.mjs', scripts: { build: 'tsdown src/cli.ts "src/workers/*.ts" --format esm' } }),
      'src/index.ts': code,
      'src/main.ts': code,
      'src/cli.ts': code,
      'src/workers/a.ts': code,
    });
    expect(result.entries).toEqual([
      entry('src/cli.ts', 'script "build": tsdown src/cli.ts "src/workers/*.ts" --format esm'),
      entry('src/main.ts', 'package.json "exports" (dist/main.mjs → src/main.ts)'),
      entry('src/workers/a.ts', 'script "build": tsdown src/cli.ts src/workers/*.ts --format esm'),
    ]);
    expect(result.warnings).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('unbuild', () => {
  it('builds the entries of each config build.config exports: rollup files, mkdist and copy folders, untyped schemas, and a preset', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'kit', type: 'module', main: './dist/index.mjs', scripts: { build: 'unbuild', dev: 'unbuild --stub' }, devDependencies: { unbuild: '3' } }),
      'build.config.ts': [
        "import { defineBuildConfig } from 'unbuild';",
        'export default defineBuildConfig([',
        '  {',
        "    entries: ['./src/index', { input: 'src/cli.ts', name: 'cli' }, { builder: 'mkdist', input: './src/runtime/', pattern: ['**/*.ts'] }, { builder: 'untyped', input: 'src/schema' }],",
        "    preset: 'unbuild-preset-vue',",
        '  },',
        "  { entries: [{ builder: 'copy', input: 'src/templates', outDir: 'dist/templates' }, 'src/missing'], preset: './build.preset' },",
        ']);',
      ].join('\n'),
      'build.preset.ts': code,
      'src/index.ts': code,
      'src/cli.ts': code,
      'src/runtime/plugin.ts': code,
      'src/runtime/composables/use-kit.ts': code,
      'src/runtime/legacy.js': code,
      'src/schema.ts': code,
      'src/templates/page.js': code,
      'src/utils.ts': code,
    });
    expect(result.entries).toEqual([
      entry('build.config.ts', 'config file (unbuild)', false),
      entry('build.preset.ts', 'build.config.ts preset', false),
      entry('src/cli.ts', 'build.config.ts entries'),
      entry('src/index.ts', 'package.json "main" (dist/index.mjs → src/index.ts)'),
      entry('src/runtime/composables/use-kit.ts', 'build.config.ts entries'),
      entry('src/runtime/plugin.ts', 'build.config.ts entries'),
      entry('src/schema.ts', 'build.config.ts entries', false),
      entry('src/templates/page.js', 'build.config.ts entries'),
    ]);
    expect(result.referencedPackages).toEqual([{ workspaceDir: '', name: 'unbuild-preset-vue', reason: 'build.config.ts preset' }]);
    expect(result.warnings).toEqual(['build.config.ts entries names src/missing, which is not in the repository.']);
  });

  it('reads package.json "unbuild", else "build" when unbuild runs, and the folder or config its command line names', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'mono', private: true, workspaces: ['packages/*'], scripts: { 'build:core': 'unbuild packages/core', 'build:alt': 'unbuild --config build.alt.config.mjs' }, devDependencies: { unbuild: '3' } }),
      'build.alt.config.mjs': "export default { entries: ['tools/alt'] };\n",
      'tools/alt.ts': code,
      'packages/core/package.json': json({ name: '@mono/core', exports: { '.': './dist/index.mjs' } }),
      'packages/core/build.config.mjs': "export default { entries: ['src/index', 'src/extra'], rootDir: '.' };\n",
      'packages/core/src/index.ts': code,
      'packages/core/src/extra.ts': code,
      'packages/field/package.json': json({ name: '@mono/field', scripts: { build: 'unbuild' }, unbuild: { entries: ['src/a'] }, build: { entries: ['src/ignored'] } }),
      'packages/field/src/a.ts': code,
      'packages/field/src/ignored.ts': code,
      'packages/legacy/package.json': json({ name: '@mono/legacy', scripts: { build: 'unbuild' }, build: { entries: [{ input: 'lib/main.mjs' }] } }),
      'packages/legacy/lib/main.mjs': code,
      'packages/app/package.json': json({ name: '@mono/app', build: { appId: 'com.mono.app', files: ['src/**'] } }),
      'packages/app/src/main.ts': code,
    });
    expect(result.entries).toEqual([
      entry('build.alt.config.mjs', 'config file (unbuild)', false),
      entry('packages/app/src/main.ts', 'default entry (packages/app/package.json declares no "main", "module", "exports" or "bin")'),
      entry('packages/core/build.config.mjs', 'config file (unbuild)', false),
      entry('packages/core/src/extra.ts', 'packages/core/build.config.mjs entries'),
      entry('packages/core/src/index.ts', 'packages/core/package.json "exports" "." (dist/index.mjs → src/index.ts)'),
      entry('packages/field/src/a.ts', 'packages/field/package.json "unbuild" entries'),
      entry('packages/legacy/lib/main.mjs', 'packages/legacy/package.json "build" entries'),
      entry('tools/alt.ts', 'build.alt.config.mjs entries'),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('says when the entries are computed at build time', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'icons', main: './dist/index.mjs', devDependencies: { unbuild: '3' } }),
      'build.config.ts': "import { readdirSync } from 'node:fs';\nexport default { entries: readdirSync('src/icons').map((file) => `src/icons/${file}`) };\n",
      'src/index.ts': code,
      'src/icons/arrow.ts': code,
    });
    expect(result.entries).toEqual([
      entry('build.config.ts', 'config file (unbuild)', false),
      entry('src/index.ts', 'package.json "main" (dist/index.mjs → src/index.ts)'),
    ]);
    expect(result.unreadableEntries).toEqual([{ workspaceDir: '', origin: 'build.config.ts entries' }]);
    expect(result.warnings).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

const packages = (...rows: [name: string, reason: string][]) => rows.map(([name, reason]) => ({ workspaceDir: '', name, reason }));

describe('typedoc', () => {
  it('documents the entryPoints of typedoc.json (files, globs, a folder’s index) and of the file it extends, and loads its plugins', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'lib', exports: './dist/index.js', scripts: { docs: 'typedoc' }, devDependencies: { typedoc: '0.28' } }),
      'typedoc.json': json({
        $schema: 'https://typedoc.org/schema.json',
        extends: ['./typedoc.base.json', '@company/typedoc-config'],
        entryPoints: ['./src/index.ts', './src/adapters/*.ts', './src/testing'],
        plugin: ['typedoc-plugin-markdown', './docs/plugin.mjs'],
        out: 'docs/api',
      }),
      'typedoc.base.json': json({ plugin: ['typedoc-plugin-mdn-links'], entryPoints: ['./src/extra.ts'] }),
      'typedoc.config.mjs': "export default { entryPoints: ['src/ignored.ts'] };\n",
      'docs/plugin.mjs': code,
      'src/index.ts': code,
      'src/adapters/node.ts': code,
      'src/adapters/deno.ts': code,
      'src/testing/index.ts': code,
      'src/extra.ts': code,
      'src/ignored.ts': code,
    });
    expect(result.entries).toEqual([
      entry('docs/plugin.mjs', 'typedoc.json plugin', false),
      entry('src/adapters/deno.ts', 'typedoc.json entryPoints', false),
      entry('src/adapters/node.ts', 'typedoc.json entryPoints', false),
      entry('src/extra.ts', 'typedoc.base.json entryPoints', false),
      entry('src/index.ts', 'package.json "exports" (dist/index.js → src/index.ts)'),
      entry('src/testing/index.ts', 'typedoc.json entryPoints', false),
      entry('typedoc.config.mjs', 'config file', false),
    ]);
    expect(result.referencedPackages).toEqual(
      packages(
        ['@company/typedoc-config', 'typedoc.json extends'],
        ['typedoc-plugin-markdown', 'typedoc.json plugin'],
        ['typedoc-plugin-mdn-links', 'typedoc.base.json plugin'],
      ),
    );
    expect(result.warnings).toEqual([]);
  });

  it('expands folders with the expand strategy, less `exclude`; reads .config/typedoc.config.cjs and package.json or tsconfig.json "typedocOptions"', () => {
    const expanded = entryPointsOf({
      'package.json': json({ name: 'app', private: true, scripts: { docs: 'typedoc' } }),
      '.config/typedoc.config.cjs': "module.exports = { entryPointStrategy: 'expand', entryPoints: ['../src'], exclude: ['../src/**/*.test.ts'] };\n",
      'src/a.ts': code,
      'src/nested/b.ts': code,
      'src/a.test.ts': code,
    });
    expect(expanded.entries).toEqual([
      entry('.config/typedoc.config.cjs', 'config file (typedoc)', false),
      entry('src/a.ts', '.config/typedoc.config.cjs entryPoints', false),
      entry('src/nested/b.ts', '.config/typedoc.config.cjs entryPoints', false),
    ]);
    const field = entryPointsOf({
      'package.json': json({ name: 'lib', main: 'lib/main.js', typedocOptions: { entryPoints: ['src/public.ts'], plugin: 'typedoc-plugin-zod' } }),
      'lib/main.js': code,
      'src/public.ts': code,
    });
    expect(field.entries).toEqual([entry('lib/main.js', 'package.json "main"'), entry('src/public.ts', 'package.json "typedocOptions" entryPoints', false)]);
    expect(field.referencedPackages).toEqual(packages(['typedoc-plugin-zod', 'package.json "typedocOptions" plugin']));
    const tsconfig = entryPointsOf({
      'package.json': json({ name: 'lib', main: 'lib/main.js', scripts: { docs: 'typedoc' } }),
      'tsconfig.json': json({ compilerOptions: { strict: true }, typedocOptions: { entryPoints: ['src/api.ts'] } }),
      'lib/main.js': code,
      'src/api.ts': code,
    });
    expect(tsconfig.entries).toEqual([entry('lib/main.js', 'package.json "main"'), entry('src/api.ts', 'tsconfig.json "typedocOptions" entryPoints', false)]);
    expect([...expanded.warnings, ...field.warnings, ...tsconfig.warnings]).toEqual([]);
  });

  it('reads the entry points and plugins of its command line, and the options file `--options` names', () => {
    const result = entryPointsOf({
      'package.json': json({
        name: 'lib',
        main: 'lib/main.js',
        scripts: { docs: 'typedoc --out docs src/index.ts "src/plugins/*.ts" --plugin typedoc-plugin-markdown', 'docs:internal': 'typedoc --options typedoc.internal.json' },
      }),
      'typedoc.internal.json': json({ entryPoints: ['src/internal.ts'], excludePrivate: false }),
      'lib/main.js': code,
      'src/index.ts': code,
      'src/plugins/a.ts': code,
      'src/internal.ts': code,
    });
    expect(result.entries).toEqual([
      entry('lib/main.js', 'package.json "main"'),
      // The script pass names the plain file first; the glob is typedoc's.
      entry('src/index.ts', 'script "docs": typedoc --out docs src/index.ts "src/plugins/*.ts" --plugin typedoc-plugin-markdown', false),
      entry('src/internal.ts', 'typedoc.internal.json entryPoints', false),
      entry('src/plugins/a.ts', 'entry point (typedoc, script "docs")', false),
    ]);
    expect(result.referencedPackages).toEqual(packages(['typedoc-plugin-markdown', 'script "docs" --plugin']));
    expect(result.warnings).toEqual([]);
  });
});

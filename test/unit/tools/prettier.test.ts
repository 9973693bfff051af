import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('prettier', () => {
  it('loads the plugins of its config and of its overrides, and of a config a script names with --config', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'app', main: 'index.js', scripts: { format: 'prettier --write .', 'format:docs': 'prettier --config config/prettier.docs.mjs --write docs' } }),
      'index.js': code,
      '.prettierrc.json': json({
        plugins: ['prettier-plugin-organize-imports', './tools/prettier-plugin-local.mjs'],
        overrides: [{ files: '*.svelte', options: { parser: 'svelte', plugins: ['prettier-plugin-svelte'] } }],
      }),
      'tools/prettier-plugin-local.mjs': code,
      'config/prettier.docs.mjs': "export default { plugins: ['@prettier/plugin-xml', './xml-helpers.mjs'] };\n",
      'config/xml-helpers.mjs': code,
    });
    expect(result.entries).toEqual([
      entry('config/prettier.docs.mjs', 'config file (prettier)', false),
      entry('config/xml-helpers.mjs', 'config/prettier.docs.mjs "./xml-helpers.mjs"', false),
      entry('index.js', 'package.json "main"'),
      entry('tools/prettier-plugin-local.mjs', '.prettierrc.json "./tools/prettier-plugin-local.mjs"', false),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: '@prettier/plugin-xml', reason: 'config/prettier.docs.mjs "@prettier/plugin-xml"' },
      { workspaceDir: '', name: 'prettier-plugin-organize-imports', reason: '.prettierrc.json "prettier-plugin-organize-imports"' },
      { workspaceDir: '', name: 'prettier-plugin-svelte', reason: '.prettierrc.json "prettier-plugin-svelte"' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads a shared config named by a string, in package.json "prettier" or a .prettierrc, and takes `-c` for --check', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'mono', private: true, workspaces: ['packages/*'], prettier: '@acme/prettier-config', scripts: { lint: 'prettier -c src' } }),
      'packages/web/package.json': json({ name: 'web', main: 'src/index.ts' }),
      'packages/web/src/index.ts': code,
      'packages/web/.prettierrc': '"@acme/prettier-config/web"\n',
      'packages/web/prettier.config.mjs': "/** @type {import('prettier').Config} */\nexport default { plugins: ['prettier-plugin-tailwindcss'] };\n",
    });
    expect(result.entries).toEqual([
      entry('packages/web/prettier.config.mjs', 'config file (prettier)', false),
      entry('packages/web/src/index.ts', 'packages/web/package.json "main"'),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: '@acme/prettier-config', reason: 'package.json "prettier"' },
      { workspaceDir: 'packages/web', name: '@acme/prettier-config', reason: 'packages/web/.prettierrc "@acme/prettier-config/web"' },
      { workspaceDir: 'packages/web', name: 'prettier-plugin-tailwindcss', reason: 'packages/web/prettier.config.mjs "prettier-plugin-tailwindcss"' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads a .prettierrc.json5', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'app', main: 'index.js' }),
      'index.js': code,
      '.prettierrc.json5': "{\n  // JSON5: comments, unquoted keys, single quotes\n  plugins: ['prettier-plugin-packagejson'],\n}\n",
    });
    expect(result.referencedPackages).toEqual([{ workspaceDir: '', name: 'prettier-plugin-packagejson', reason: '.prettierrc.json5 "prettier-plugin-packagejson"' }]);
    expect(result.warnings).toEqual([]);
  });
});

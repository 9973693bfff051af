import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('eslint', () => {
  it('turns .eslintrc files anywhere (extends, plugins, parsers, resolvers, overrides) into packages and local files', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'web', main: 'src/index.ts', scripts: { lint: 'eslint .' }, devDependencies: { eslint: '8' } }),
      'src/index.ts': code,
      '.eslintrc.cjs': [
        'module.exports = {',
        '  root: true,',
        "  extends: ['eslint:recommended', 'plugin:vue/vue3-recommended', 'plugin:@typescript-eslint/recommended', 'plugin:@company/strict', 'next/core-web-vitals', '@vue/eslint-config-typescript', './config/eslint-base.cjs'],",
        "  plugins: ['@typescript-eslint', 'simple-import-sort', 'eslint-plugin-unicorn', './tools/eslint-local-rules.cjs'],",
        "  parser: 'vue-eslint-parser',",
        "  parserOptions: { parser: '@typescript-eslint/parser' },",
        "  settings: { 'import/resolver': { typescript: { project: './tsconfig.json' }, node: true } },",
        "  overrides: [{ files: ['*.test.ts'], extends: ['plugin:vitest/recommended'], plugins: ['testing-library'] }],",
        '};',
      ].join('\n'),
      'config/eslint-base.cjs': code,
      'tools/eslint-local-rules.cjs': code,
      'test/.eslintrc.yml': 'env:\n  mocha: true\nextends:\n  - plugin:mocha/recommended\n',
    });
    expect(result.entries).toEqual([
      entry('.eslintrc.cjs', 'config file (eslint)', false),
      entry('config/eslint-base.cjs', '.eslintrc.cjs extends "./config/eslint-base.cjs"', false),
      entry('src/index.ts', 'package.json "main"'),
      entry('tools/eslint-local-rules.cjs', '.eslintrc.cjs plugins "./tools/eslint-local-rules.cjs"', false),
    ]);
    expect(result.referencedPackages).toEqual(
      [
        ['@company/eslint-plugin', '.eslintrc.cjs extends "plugin:@company/strict"'],
        ['@typescript-eslint/eslint-plugin', '.eslintrc.cjs extends "plugin:@typescript-eslint/recommended"'],
        ['@typescript-eslint/parser', '.eslintrc.cjs parserOptions.parser "@typescript-eslint/parser"'],
        ['@vue/eslint-config-typescript', '.eslintrc.cjs extends "@vue/eslint-config-typescript"'],
        ['eslint-config-next', '.eslintrc.cjs extends "next/core-web-vitals"'],
        ['eslint-import-resolver-node', '.eslintrc.cjs settings "import/resolver"'],
        ['eslint-import-resolver-typescript', '.eslintrc.cjs settings "import/resolver"'],
        ['eslint-plugin-mocha', 'test/.eslintrc.yml extends "plugin:mocha/recommended"'],
        ['eslint-plugin-simple-import-sort', '.eslintrc.cjs plugins "simple-import-sort"'],
        ['eslint-plugin-testing-library', '.eslintrc.cjs plugins "testing-library"'],
        ['eslint-plugin-unicorn', '.eslintrc.cjs plugins "eslint-plugin-unicorn"'],
        ['eslint-plugin-vitest', '.eslintrc.cjs extends "plugin:vitest/recommended"'],
        ['eslint-plugin-vue', '.eslintrc.cjs extends "plugin:vue/vue3-recommended"'],
        ['vue-eslint-parser', '.eslintrc.cjs parser "vue-eslint-parser"'],
      ].map(([name, reason]) => ({ workspaceDir: '', name, reason })),
    );
    expect(result.warnings).toEqual([]);
  });

  it('reads the package.json "eslintConfig" field, and only the import resolvers of a flat config (which imports its plugins)', () => {
    const legacy = entryPointsOf({
      'package.json': json({ name: 'app', main: 'index.js', eslintConfig: { extends: ['react-app', 'react-app/jest'], plugins: ['@emotion'] } }),
      'index.js': code,
    });
    expect(legacy.referencedPackages).toEqual([
      { workspaceDir: '', name: '@emotion/eslint-plugin', reason: 'package.json "eslintConfig" plugins "@emotion"' },
      { workspaceDir: '', name: 'eslint-config-react-app', reason: 'package.json "eslintConfig" extends "react-app"' },
    ]);
    const flat = entryPointsOf({
      'package.json': json({ name: 'app', main: 'index.js', scripts: { lint: 'eslint -c eslint.strict.config.mjs src' } }),
      'index.js': code,
      'eslint.config.mjs': [
        "import js from '@eslint/js';",
        "import importX from 'eslint-plugin-import-x';",
        "export default [js.configs.recommended, { plugins: { 'import-x': importX }, settings: { 'import-x/resolver': ['typescript', 'node'] } }];",
      ].join('\n'),
      'eslint.strict.config.mjs': "import base from './eslint.config.mjs';\nexport default [...base, { settings: { 'import/resolver': { '@company/eslint-resolver': {} } } }];\n",
    });
    expect(flat.entries).toEqual([
      entry('eslint.config.mjs', 'config file (eslint)', false),
      entry('eslint.strict.config.mjs', 'config file (eslint)', false),
      entry('index.js', 'package.json "main"'),
    ]);
    expect(flat.referencedPackages).toEqual([
      { workspaceDir: '', name: '@company/eslint-resolver', reason: 'eslint.strict.config.mjs settings "import/resolver"' },
      { workspaceDir: '', name: 'eslint-import-resolver-node', reason: 'eslint.config.mjs settings "import-x/resolver"' },
      { workspaceDir: '', name: 'eslint-import-resolver-typescript', reason: 'eslint.config.mjs settings "import-x/resolver"' },
    ]);
    expect([...legacy.warnings, ...flat.warnings]).toEqual([]);
  });
});

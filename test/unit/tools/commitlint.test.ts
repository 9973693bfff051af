import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

const packages = (result: ReturnType<typeof entryPointsOf>): string[] => result.referencedPackages.map(({ name, reason }) => `${name} ← ${reason}`);

describe('commitlint', () => {
  it('names the shared configs it extends by commitlint’s scheme, its parser preset and formatter as written, and its plugins', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'lib', main: 'index.js', devDependencies: { '@commitlint/cli': '^19.0.0' } }),
      'index.js': code,
      'commitlint.config.ts': [
        'export default {',
        "  extends: ['@commitlint/config-conventional', 'lerna-scopes', '@acme', 'commitlint-config-jira', './commitlint.base.js'],",
        "  parserPreset: 'conventional-changelog-conventionalcommits',",
        "  formatter: '@commitlint/format',",
        "  plugins: ['scope', '@acme', '@acme/rules', 'commitlint-plugin-jira-rules', { rules: {} }],",
        '};',
      ].join('\n'),
      'commitlint.base.js': code,
    });
    expect(result.entries).toEqual([
      entry('commitlint.base.js', 'commitlint.config.ts extends "./commitlint.base.js"', false),
      entry('commitlint.config.ts', 'config file (commitlint)', false),
      entry('index.js', 'package.json "main"'),
    ]);
    expect(packages(result)).toEqual([
      '@acme/commitlint-config ← commitlint.config.ts extends "@acme"',
      '@acme/commitlint-plugin ← commitlint.config.ts plugins',
      '@acme/commitlint-plugin-rules ← commitlint.config.ts plugins',
      '@commitlint/config-conventional ← commitlint.config.ts extends "@commitlint/config-conventional"',
      '@commitlint/format ← commitlint.config.ts formatter',
      'commitlint-config-jira ← commitlint.config.ts extends "commitlint-config-jira"',
      'commitlint-config-lerna-scopes ← commitlint.config.ts extends "lerna-scopes"',
      'commitlint-plugin-jira-rules ← commitlint.config.ts plugins',
      'commitlint-plugin-scope ← commitlint.config.ts plugins',
      'conventional-changelog-conventionalcommits ← commitlint.config.ts parserPreset',
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads a .commitlintrc without extension (JSON or YAML), and package.json "commitlint"', () => {
    const yaml = entryPointsOf({
      'package.json': json({ name: 'lib', private: true, devDependencies: { '@commitlint/cli': '^19.0.0' } }),
      '.commitlintrc': 'extends:\n  - "@commitlint/config-angular"\n',
    });
    expect(packages(yaml)).toEqual(['@commitlint/config-angular ← .commitlintrc extends "@commitlint/config-angular"']);
    expect(yaml.warnings).toEqual([]);
    const field = entryPointsOf({
      'package.json': json({ name: 'lib', private: true, commitlint: { extends: 'conventional' } }),
    });
    expect(packages(field)).toEqual(['commitlint-config-conventional ← package.json "commitlint" extends "conventional"']);
  });

  it('reads the config `commitlint --config` names (-g; -c is --color)', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'lib', private: true }),
      '.husky/commit-msg': 'npx --no -- commitlint -c false -g .config/commitlint.cjs --edit "$1"\n',
      '.config/commitlint.cjs': "module.exports = { extends: ['@commitlint/config-conventional'] };\n",
    });
    // The hook's file arguments are entries already (script-entries.ts); commitlint reads the one -g names, and takes `-c false` for no path.
    expect(result.entries).toEqual([entry('.config/commitlint.cjs', '.husky/commit-msg: npx --no -- commitlint -c false -g .config/commitlint.cjs --edit "$1"', false)]);
    expect(packages(result)).toEqual([
      '@commitlint/config-conventional ← .config/commitlint.cjs extends "@commitlint/config-conventional"',
      'husky ← .husky/ (git hooks husky installs)',
    ]);
    expect(result.warnings).toEqual([]);
  });
});

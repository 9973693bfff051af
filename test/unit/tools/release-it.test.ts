import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('releaseIt', () => {
  it('names the plugins of package.json "release-it" by package, and a relative one as a file', () => {
    const result = entryPointsOf({
      'package.json': json({
        name: 'lib',
        main: 'index.js',
        scripts: { release: 'release-it' },
        'release-it': { git: { commitMessage: 'chore: release v${version}' }, plugins: { '@release-it/conventional-changelog': { preset: 'angular' }, 'release-it-pnpm': {}, './scripts/release-plugin.js': {} } },
      }),
      'index.js': code,
      'scripts/release-plugin.js': code,
    });
    expect(result.entries).toEqual([
      entry('index.js', 'package.json "main"'),
      entry('scripts/release-plugin.js', 'package.json "release-it" plugins', false),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: '@release-it/conventional-changelog', reason: 'package.json "release-it" plugins' },
      { workspaceDir: '', name: 'release-it-pnpm', reason: 'package.json "release-it" plugins' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads .release-it.json, .release-it.ts and .release-it.toml', () => {
    const jsonConfig = entryPointsOf({
      'package.json': json({ name: 'lib', private: true, devDependencies: { 'release-it': '^17.0.0' } }),
      '.release-it.json': json({ plugins: { '@release-it/bumper': { out: 'manifest.json' } } }),
    });
    expect(jsonConfig.referencedPackages).toEqual([{ workspaceDir: '', name: '@release-it/bumper', reason: '.release-it.json plugins' }]);
    const script = entryPointsOf({
      'package.json': json({ name: 'lib', private: true, devDependencies: { 'release-it': '^17.0.0' } }),
      '.release-it.ts': "import type { Config } from 'release-it';\nexport default { plugins: { '@release-it-plugins/workspaces': true } } satisfies Config;\n",
    });
    expect(script.entries).toEqual([entry('.release-it.ts', 'config file (release-it)', false)]);
    expect(script.referencedPackages).toEqual([{ workspaceDir: '', name: '@release-it-plugins/workspaces', reason: '.release-it.ts plugins' }]);
    const toml = entryPointsOf({
      'package.json': json({ name: 'lib', private: true, devDependencies: { 'release-it': '^17.0.0' } }),
      '.release-it.toml': '[git]\nrequireCleanWorkingDir = false\n\n[plugins."@release-it/keep-a-changelog"]\nfilename = "CHANGELOG.md"\n',
    });
    expect(toml.referencedPackages).toEqual([{ workspaceDir: '', name: '@release-it/keep-a-changelog', reason: '.release-it.toml plugins' }]);
    expect([jsonConfig, script, toml].flatMap(({ warnings }) => warnings)).toEqual([]);
  });
});

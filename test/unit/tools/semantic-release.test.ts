import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('semanticRelease', () => {
  it('loads its plugins, the shared configs it extends and the conventional-changelog presets they use', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'lib', main: 'index.js', devDependencies: { 'semantic-release': '24' } }),
      'index.js': code,
      'release.config.ts': [
        "import type { Options } from 'semantic-release';",
        'export default {',
        "  extends: '@acme/semantic-release-config',",
        "  preset: 'conventionalcommits',",
        '  plugins: [',
        "    ['@semantic-release/commit-analyzer', { preset: 'angular', releaseRules: [{ type: 'docs', release: 'patch' }] }],",
        "    ['@semantic-release/release-notes-generator', { config: '@acme/conventional-changelog' }],",
        "    '@semantic-release/npm',",
        "    './release/notify.js',",
        '  ],',
        '} satisfies Options;',
        '',
      ].join('\n'),
      'release/notify.js': code,
    });
    expect(result.entries).toEqual([
      entry('index.js', 'package.json "main"'),
      entry('release.config.ts', 'config file (semantic-release)', false),
      entry('release/notify.js', 'release.config.ts "./release/notify.js"', false),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: '@acme/conventional-changelog', reason: 'release.config.ts config "@acme/conventional-changelog"' },
      { workspaceDir: '', name: '@acme/semantic-release-config', reason: 'release.config.ts "@acme/semantic-release-config"' },
      { workspaceDir: '', name: '@semantic-release/commit-analyzer', reason: 'release.config.ts "@semantic-release/commit-analyzer"' },
      { workspaceDir: '', name: '@semantic-release/npm', reason: 'release.config.ts "@semantic-release/npm"' },
      { workspaceDir: '', name: '@semantic-release/release-notes-generator', reason: 'release.config.ts "@semantic-release/release-notes-generator"' },
      { workspaceDir: '', name: 'conventional-changelog-angular', reason: 'release.config.ts preset "angular"' },
      { workspaceDir: '', name: 'conventional-changelog-conventionalcommits', reason: 'release.config.ts preset "conventionalcommits"' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads package.json "release" and .releaserc files (JSON or YAML)', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'mono', private: true, workspaces: ['packages/*'], release: { branches: ['main'], plugins: ['@semantic-release/github'] } }),
      'packages/cli/package.json': json({ name: 'cli', bin: 'cli.js' }),
      'packages/cli/cli.js': code,
      'packages/cli/.releaserc': 'extends: semantic-release-monorepo\nplugins:\n  - - "@semantic-release/exec"\n    - prepareCmd: ./scripts/prepare.sh\n',
    });
    expect(result.entries).toEqual([entry('packages/cli/cli.js', 'packages/cli/package.json "bin"')]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: '@semantic-release/github', reason: 'package.json "release" "@semantic-release/github"' },
      { workspaceDir: 'packages/cli', name: '@semantic-release/exec', reason: 'packages/cli/.releaserc "@semantic-release/exec"' },
      { workspaceDir: 'packages/cli', name: 'semantic-release-monorepo', reason: 'packages/cli/.releaserc "semantic-release-monorepo"' },
    ]);
    expect(result.warnings).toEqual([]);
  });
});

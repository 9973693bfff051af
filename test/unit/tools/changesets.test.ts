import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('changesets', () => {
  it('reads the changelog and commit generators of .changeset/config.json, by package name or by path from .changeset/', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'mono', private: true, devDependencies: { '@changesets/cli': '2' } }),
      '.changeset/config.json': json({ changelog: ['@changesets/changelog-github', { repo: 'a/b' }], commit: './commit-message.js', access: 'public' }),
      '.changeset/commit-message.js': code,
      'docs.changeset/config.json': json({ changelog: 'not-a-changesets-config' }),
    });
    expect(result.entries).toEqual([entry('.changeset/commit-message.js', '.changeset/config.json commit "./commit-message.js"', false)]);
    expect(result.referencedPackages).toEqual([{ workspaceDir: '', name: '@changesets/changelog-github', reason: '.changeset/config.json changelog "@changesets/changelog-github"' }]);
    expect(result.warnings).toEqual([]);
  });

  it('names nothing when the generators are turned off', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'lib' }),
      '.changeset/config.json': json({ changelog: false, commit: false }),
    });
    expect(result.entries).toEqual([]);
    expect(result.referencedPackages).toEqual([]);
    expect(result.warnings).toEqual([]);
  });
});

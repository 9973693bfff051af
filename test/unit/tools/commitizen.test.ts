import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('commitizen', () => {
  it('names the adapter of package.json config.commitizen.path, through ./node_modules/ too', () => {
    const result = entryPointsOf({
      'package.json': json({
        name: 'lib',
        main: 'index.js',
        scripts: { commit: 'cz' },
        config: { commitizen: { path: './node_modules/cz-conventional-changelog' }, port: 8080 },
        devDependencies: { commitizen: '^4.0.0', 'cz-conventional-changelog': '^3.0.0' },
      }),
      'index.js': code,
    });
    expect(result.entries).toEqual([entry('index.js', 'package.json "main"')]);
    expect(result.referencedPackages).toEqual([{ workspaceDir: '', name: 'cz-conventional-changelog', reason: 'package.json "config" commitizen.path' }]);
    expect(result.warnings).toEqual([]);
  });

  it('reads .czrc and .cz.json, where `path` may be a file of the repository', () => {
    const czrc = entryPointsOf({
      'package.json': json({ name: 'lib', private: true, devDependencies: { commitizen: '^4.0.0' } }),
      '.czrc': json({ path: '@commitlint/cz-commitlint' }),
    });
    expect(czrc.referencedPackages).toEqual([{ workspaceDir: '', name: '@commitlint/cz-commitlint', reason: '.czrc path' }]);
    const local = entryPointsOf({
      'package.json': json({ name: 'lib', private: true, scripts: { commit: 'git-cz' } }),
      '.cz.json': json({ path: './tools/cz-adapter' }),
      'tools/cz-adapter/index.js': code,
    });
    expect(local.entries).toEqual([entry('tools/cz-adapter/index.js', '.cz.json path', false)]);
    expect(local.referencedPackages).toEqual([]);
    expect([czrc, local].flatMap(({ warnings }) => warnings)).toEqual([]);
  });

  it('ignores package.json "config" without commitizen settings', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'lib', private: true, config: { port: 8080 }, devDependencies: { commitizen: '^4.0.0' } }),
    });
    expect(result.referencedPackages).toEqual([]);
    expect(result.warnings).toEqual([]);
  });
});

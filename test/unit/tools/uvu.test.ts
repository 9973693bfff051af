import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('uvu', () => {
  it('without a dir, runs the files its test pattern matches below the folder it runs in, never in .git* and node_modules', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'lib', main: 'src/index.js', scripts: { test: 'uvu' }, devDependencies: { uvu: '0.5' } }),
      'src/index.js': code,
      'src/index.test.js': code,
      'src/parse.spec.ts': code,
      'src/parse.test.mts': code,
      'test/a.js': code,
      'tests/deep/b.tsx': code,
      '__tests__/c.cjs': code,
      'test.js': code,
      'lib/test.js': code,
      '.github/test/check.js': code,
    });
    expect(result.entries).toEqual([
      entry('__tests__/c.cjs', 'test file (uvu, script "test")', false),
      entry('src/index.js', 'package.json "main"'),
      entry('src/index.test.js', 'test file (uvu, script "test")', false),
      entry('src/parse.spec.ts', 'test file (uvu, script "test")', false),
      entry('test.js', 'test file (uvu, script "test")', false),
      entry('test/a.js', 'test file (uvu, script "test")', false),
      entry('tests/deep/b.tsx', 'test file (uvu, script "test")', false),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('with a dir, runs every script below it (or those its pattern matches), minus what -i matches, and preloads its -r modules', () => {
    const result = entryPointsOf({
      'package.json': json({
        name: 'lib',
        main: 'src/index.js',
        scripts: { test: 'uvu -r tsm tests -i setup -i fixtures', packages: 'uvu packages "\\.spec\\.ts$" -r ./tests/setup/register.js', sub: 'uvu -C site test', bad: 'uvu src "(["' },
      }),
      'src/index.js': code,
      'tests/math.ts': code,
      'tests/deep/utils.mjs': code,
      'tests/types.d.mts': code,
      'tests/setup/env.js': code,
      'tests/setup/register.js': code,
      'tests/fixtures/page.js': code,
      'packages/math/src/add.spec.ts': code,
      'packages/math/src/add.ts': code,
      'site/test/page.jsx': code,
    });
    expect(result.entries).toEqual([
      entry('packages/math/src/add.spec.ts', 'test file (uvu, script "packages")', false),
      entry('site/test/page.jsx', 'test file (uvu, script "sub")', false),
      entry('src/index.js', 'package.json "main"'),
      entry('tests/deep/utils.mjs', 'test file (uvu, script "test")', false),
      entry('tests/math.ts', 'test file (uvu, script "test")', false),
      entry('tests/setup/register.js', 'script "packages": uvu packages "\\.spec\\.ts$" -r ./tests/setup/register.js', false),
    ]);
    expect(result.referencedPackages).toEqual([{ workspaceDir: '', name: 'tsm', reason: 'script "test"' }]);
    expect(result.warnings).toEqual(['script "bad" pattern "([" is not a regular expression Steward can match safely (ignored).']);
  });
});

import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('tap', () => {
  it('runs its default include globs when nothing names the tests, without fixtures, dist and tap-snapshots', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'lib', main: 'src/index.ts', scripts: { test: 'tap', cov: 'tap report --coverage-report=lcov' }, devDependencies: { tap: '21' } }),
      'src/index.ts': code,
      'src/util.ts': code,
      'test/index.ts': code,
      'test/deep/nested.mjs': code,
      'test/fixtures/data.js': code,
      'test/tap-snapshots/index.ts.test.cjs': code,
      '__tests__/view.tsx': code,
      'src/parse.test.mts': code,
      'src/format.spec.js': code,
      'src/format.tests.cts': code,
      'tests.js': code,
      'scripts/test.ts': code,
      'scripts/testing.ts': code,
    });
    expect(result.entries).toEqual([
      entry('__tests__/view.tsx', 'test file (tap default)', false),
      entry('scripts/test.ts', 'test file (tap default)', false),
      entry('src/format.spec.js', 'test file (tap default)', false),
      entry('src/format.tests.cts', 'test file (tap default)', false),
      entry('src/index.ts', 'package.json "main"'),
      entry('src/parse.test.mts', 'test file (tap default)', false),
      entry('test/deep/nested.mjs', 'test file (tap default)', false),
      entry('test/index.ts', 'test file (tap default)', false),
      entry('tests.js', 'test file (tap default)', false),
    ]);
    expect(result.referencedPackages).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('reads files, before, after, plugin and node-arg from the package.json "tap" field', () => {
    const result = entryPointsOf({
      'package.json': json({
        name: 'lib',
        main: 'index.js',
        devDependencies: { tap: '18' },
        tap: {
          files: ['test/**/*.test.ts', 'test/integration'],
          before: 'test/setup.ts',
          after: 'test/teardown.ts',
          plugin: ['@tapjs/nock', '!@tapjs/typescript', './test/tap-plugin.ts'],
          'node-arg': ['--require', 'ts-node/register', '--import=tsx', '--no-warnings'],
        },
      }),
      'index.js': code,
      'test/a.test.ts': code,
      'test/integration/db.js': code,
      'test/integration/deep/api.ts': code,
      'test/setup.ts': code,
      'test/teardown.ts': code,
      'test/tap-plugin.ts': code,
      'test/helper.ts': code,
    });
    expect(result.entries).toEqual([
      entry('index.js', 'package.json "main"'),
      entry('test/a.test.ts', 'test file (tap, package.json "tap")', false),
      entry('test/integration/db.js', 'test file (tap, package.json "tap")', false),
      entry('test/integration/deep/api.ts', 'test file (tap, package.json "tap")', false),
      entry('test/setup.ts', 'package.json "tap" before', false),
      entry('test/tap-plugin.ts', 'package.json "tap" plugin', false),
      entry('test/teardown.ts', 'package.json "tap" after', false),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: '@tapjs/nock', reason: 'package.json "tap" plugin' },
      { workspaceDir: '', name: 'ts-node', reason: 'package.json "tap" node-arg' },
      { workspaceDir: '', name: 'tsx', reason: 'package.json "tap" node-arg' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads include and exclude globs (`__EXTENSIONS__` standing for its extensions) in place of its defaults', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'lib', main: 'index.js', devDependencies: { tap: '18' }, tap: { include: ['spec/**/*.__EXTENSIONS__'], exclude: ['spec/data/**'] } }),
      'index.js': code,
      'spec/a.ts': code,
      'spec/fixtures/b.js': code,
      'spec/data/c.js': code,
      'test/d.js': code,
    });
    expect(result.entries).toEqual([
      entry('index.js', 'package.json "main"'),
      entry('spec/a.ts', 'test file (tap, package.json "tap")', false),
      entry('spec/fixtures/b.js', 'test file (tap, package.json "tap")', false),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('runs the files, folders and globs of its command line (after `run`), with its --before, --plugin and --node-arg modules', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'lib', main: 'index.js', scripts: { test: 'tap run -c --node-arg=--loader=ts-node/esm --plugin=@tapjs/clock "test/unit/**/*.ts" test/e2e', ci: 'tap -R junit --before=test/start-db.js test/smoke' } }),
      'index.js': code,
      'test/unit/a.ts': code,
      'test/unit/b.json.ts': code,
      'test/e2e/login.js': code,
      'test/e2e/deep/logout.tsx': code,
      'test/smoke/ping.mjs': code,
      'test/start-db.js': code,
      'test/other.ts': code,
    });
    expect(result.entries).toEqual([
      entry('index.js', 'package.json "main"'),
      entry('test/e2e/deep/logout.tsx', 'test file (tap, script "test")', false),
      entry('test/e2e/login.js', 'test file (tap, script "test")', false),
      entry('test/other.ts', 'test file (tap default)', false),
      entry('test/smoke/ping.mjs', 'test file (tap, script "ci")', false),
      entry('test/start-db.js', 'script "ci": tap -R junit --before=test/start-db.js test/smoke', false),
      entry('test/unit/a.ts', 'test file (tap, script "test")', false),
      entry('test/unit/b.json.ts', 'test file (tap, script "test")', false),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: '@tapjs/clock', reason: 'script "test" plugin' },
      { workspaceDir: '', name: 'ts-node', reason: 'script "test" node-arg' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  // Fails until static-config.ts reads `.taprc` as YAML (as it reads `.mocharc`): today it is read as a script and warned about.
  it('reads .taprc, which is YAML', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'lib', main: 'index.js', devDependencies: { tap: '18' } }),
      '.taprc': 'files:\n  - test/a.js\nbefore: test/setup.js\nplugin:\n  - "@tapjs/sinon"\n',
      'index.js': code,
      'test/a.js': code,
      'test/b.js': code,
      'test/setup.js': code,
    });
    expect(result.entries).toEqual([
      entry('index.js', 'package.json "main"'),
      entry('test/a.js', 'test file (tap, .taprc)', false),
      entry('test/setup.js', '.taprc before', false),
    ]);
    expect(result.referencedPackages).toEqual([{ workspaceDir: '', name: '@tapjs/sinon', reason: '.taprc plugin' }]);
    expect(result.warnings).toEqual([]);
  });
});

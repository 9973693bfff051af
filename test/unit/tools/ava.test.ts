import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('ava', () => {
  it('runs its default files with the configured extensions, minus helpers, fixtures, `_` files and `!` globs, and loads require and nodeArguments', () => {
    const result = entryPointsOf({
      'package.json': json({
        name: 'ky',
        main: 'source/index.ts',
        scripts: { test: 'ava -c 4' },
        ava: { extensions: { ts: 'module' }, files: ['!test/slow/**'], require: ['./test/_setup.ts', 'global-jsdom/register'], nodeArguments: ['--import=tsx/esm', '--no-warnings'] },
      }),
      'source/index.ts': code,
      'source/utils/merge.test.ts': code,
      'test.ts': code,
      'test/retry.ts': code,
      'test/slow/big.ts': code,
      'test/helpers/server.ts': code,
      'test/_setup.ts': code,
      'test/fixtures/page.ts': code,
      'test/legacy.js': code,
    });
    expect(result.entries).toEqual([
      entry('source/index.ts', 'package.json "main"'),
      entry('source/utils/merge.test.ts', 'test file (AVA, package.json "ava")', false),
      entry('test.ts', 'test file (AVA, package.json "ava")', false),
      entry('test/_setup.ts', 'package.json "ava" require', false),
      entry('test/retry.ts', 'test file (AVA, package.json "ava")', false),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: 'global-jsdom', reason: 'package.json "ava" require' },
      { workspaceDir: '', name: 'tsx', reason: 'package.json "ava" nodeArguments' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads `files` from ava.config.*, a config named with --config, and the files and folders of its command line', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'lib', main: 'index.js', scripts: { test: 'ava', e2e: 'ava --config ava.e2e.config.mjs', one: 'ava --match "retry*" test/integration' } }),
      'ava.config.js': "export default { files: ['test/unit/**/*.js', '!test/unit/wip/**'] };\n",
      'ava.e2e.config.mjs': "export default { files: ['e2e/**/*.spec.mjs'] };\n",
      'index.js': code,
      'test/unit/a.js': code,
      'test/unit/wip/b.js': code,
      'test/integration/c.js': code,
      'test/integration/deep/d.ts': code,
      'e2e/login.spec.mjs': code,
      'e2e/page.mjs': code,
    });
    expect(result.entries).toEqual([
      entry('ava.config.js', 'config file (ava)', false),
      entry('ava.e2e.config.mjs', 'config file (ava)', false),
      entry('e2e/login.spec.mjs', 'test file (AVA, ava.e2e.config.mjs)', false),
      entry('index.js', 'package.json "main"'),
      entry('test/integration/c.js', 'test file (AVA, script "one")', false),
      entry('test/integration/deep/d.ts', 'test file (AVA, script "one")', false),
      entry('test/unit/a.js', 'test file (AVA, ava.config.js)', false),
    ]);
    expect(result.warnings).toEqual([]);
  });
});

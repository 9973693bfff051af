import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('runtimeTests', () => {
  it('node --test runs its default patterns below the folder it runs in, every file of a test/ folder included', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'lib', main: 'index.js', scripts: { test: 'node --test' } }),
      'index.js': code,
      'lib/parse.test.mjs': code,
      'lib/parse-test.cjs': code,
      'lib/parse_test.js': code,
      'lib/test-format.js': code,
      'lib/test.js': code,
      'test/helpers/fixture.js': code,
      'lib/format.js': code,
      'lib/testing.js': code,
    });
    const test = (path: string) => entry(path, 'test file (node test default)', false);
    expect(result.entries).toEqual([
      entry('index.js', 'package.json "main"'),
      test('lib/parse-test.cjs'),
      test('lib/parse.test.mjs'),
      test('lib/parse_test.js'),
      test('lib/test-format.js'),
      test('lib/test.js'),
      test('test/helpers/fixture.js'),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('node --test runs the files and globs it is given, and the test files of a folder it is given', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'lib', main: 'index.js', scripts: { unit: 'node --import tsx --test --test-reporter spec "spec/**/*.spec.ts" smoke.mjs', integration: 'node --test integration/' } }),
      'index.js': code,
      'spec/a.spec.ts': code,
      'smoke.mjs': code,
      'integration/db.test.js': code,
      'integration/fixtures/seed.js': code,
      'lib/other.test.js': code,
    });
    expect(result.entries).toEqual([
      entry('index.js', 'package.json "main"'),
      entry('integration/db.test.js', 'test file (node test)', false),
      entry('smoke.mjs', 'script "unit": node --import tsx --test --test-reporter spec "spec/**/*.spec.ts" smoke.mjs', false),
      entry('spec/a.spec.ts', 'test file (node test)', false),
    ]);
    expect(result.referencedPackages).toEqual([{ workspaceDir: '', name: 'tsx', reason: 'script "unit": node --import tsx --test --test-reporter spec "spec/**/*.spec.ts" smoke.mjs' }]);
    expect(result.warnings).toEqual([]);
  });

  it('bun test: paths and globs run, bare words only filter; its default patterns otherwise', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'app', module: 'src/index.ts', scripts: { test: 'bun test', 'test:math': 'bun test math --timeout 500', 'test:e2e': 'bun test ./e2e' } }),
      'src/index.ts': code,
      'src/math.test.ts': code,
      'src/math_spec.tsx': code,
      'src/math.spec.js': code,
      'src/util.ts': code,
      'e2e/flow.test.ts': code,
      'e2e/server.ts': code,
    });
    expect(result.entries).toEqual([
      // `bun test` found it first; `bun test ./e2e` runs its test files only, not e2e/server.ts.
      entry('e2e/flow.test.ts', 'test file (bun test default)', false),
      entry('src/index.ts', 'package.json "module"'),
      entry('src/math.spec.js', 'test file (bun test default)', false),
      entry('src/math.test.ts', 'test file (bun test default)', false),
      entry('src/math_spec.tsx', 'test file (bun test default)', false),
    ]);
    expect(result.warnings).toEqual([]);

    const folder = entryPointsOf({
      'package.json': json({ name: 'app', module: 'src/index.ts', scripts: { 'test:e2e': 'bun test ./e2e "src/**/*.check.ts"' } }),
      'src/index.ts': code,
      'src/math.test.ts': code,
      'src/sum.check.ts': code,
      'e2e/flow.test.ts': code,
      'e2e/server.ts': code,
    });
    expect(folder.entries).toEqual([
      entry('e2e/flow.test.ts', 'test file (bun test)', false),
      entry('src/index.ts', 'package.json "module"'),
      entry('src/sum.check.ts', 'test file (bun test)', false),
    ]);
    expect(folder.warnings).toEqual([]);
  });

  it('deno test: its default pattern below the folder it runs in or a folder it is given; `--allow-read` takes no separate value', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'app', module: 'mod.ts', private: true, scripts: { test: 'deno test --allow-read tests/', 'test:all': 'cd packages/cli && deno test -A' } }),
      'mod.ts': code,
      'tests/parse_test.ts': code,
      'tests/format.test.tsx': code,
      'tests/test.mjs': code,
      'tests/helpers.ts': code,
      'other/x_test.ts': code,
      'packages/cli/main_test.ts': code,
      'packages/cli/main.ts': code,
    });
    expect(result.entries).toEqual([
      entry('mod.ts', 'package.json "module"'),
      entry('packages/cli/main_test.ts', 'test file (deno test default)', false),
      entry('tests/format.test.tsx', 'test file (deno test)', false),
      entry('tests/parse_test.ts', 'test file (deno test)', false),
      entry('tests/test.mjs', 'test file (deno test)', false),
    ]);
    expect(result.warnings).toEqual([]);
  });
});

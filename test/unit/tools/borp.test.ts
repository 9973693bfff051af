import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('borp', () => {
  it('runs **/*.test.{js,mjs,cjs,ts,mts,cts} by default, and the files and reporter modules of .borp.yaml', () => {
    const defaults = entryPointsOf({
      'package.json': json({ name: 'a', main: 'index.js', scripts: { test: 'borp -c 1 --coverage' } }),
      'index.js': code,
      'test/a.test.ts': code,
      'lib/b.test.mjs': code,
      'lib/c.spec.js': code,
      'test/helper.ts': code,
    });
    expect(defaults.entries).toEqual([
      entry('index.js', 'package.json "main"'),
      entry('lib/b.test.mjs', 'test file (borp, borp)', false),
      entry('test/a.test.ts', 'test file (borp, borp)', false),
    ]);
    expect(defaults.warnings).toEqual([]);

    const configured = entryPointsOf({
      'package.json': json({ name: 'a', main: 'index.js', devDependencies: { borp: '0.20' } }),
      '.borp.yaml': "files:\n  - 'test/**/*.spec.js'\nreporters:\n  - ./test/reporter.js\n  - '@reporters/github'\n  - 'junit:report.xml'\n",
      'index.js': code,
      'test/a.spec.js': code,
      'test/b.test.js': code,
      'test/reporter.js': code,
    });
    expect(configured.entries).toEqual([
      entry('index.js', 'package.json "main"'),
      entry('test/a.spec.js', 'test file (borp, .borp.yaml)', false),
      entry('test/reporter.js', '.borp.yaml reporters', false),
    ]);
    expect(configured.referencedPackages).toEqual([{ workspaceDir: '', name: '@reporters/github', reason: '.borp.yaml reporters' }]);
    expect(configured.warnings).toEqual([]);
  });

  it('runs the files, globs and --pattern of its command line, and loads the --reporter modules that are not built in', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'a', main: 'index.js', scripts: { unit: 'borp "test/unit/**/*.test.ts" test/smoke', e2e: 'borp -p "e2e/*.e2e.ts" -r spec -r ./reporters/slack.js:out.txt -r borp-slack:slack.log' } }),
      'index.js': code,
      'test/unit/a.test.ts': code,
      'test/unit/b.ts': code,
      'test/smoke/c.js': code,
      'e2e/login.e2e.ts': code,
      'reporters/slack.js': code,
    });
    expect(result.entries).toEqual([
      entry('e2e/login.e2e.ts', 'test file (borp, script "e2e")', false),
      entry('index.js', 'package.json "main"'),
      entry('reporters/slack.js', 'script "e2e"', false),
      entry('test/smoke/c.js', 'test file (borp, script "unit")', false),
      entry('test/unit/a.test.ts', 'test file (borp, script "unit")', false),
    ]);
    expect(result.referencedPackages).toEqual([{ workspaceDir: '', name: 'borp-slack', reason: 'script "e2e"' }]);
    expect(result.warnings).toEqual([]);
  });
});

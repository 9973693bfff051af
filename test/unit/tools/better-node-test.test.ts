import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('betterNodeTest', () => {
  it('runs every *.test.* and *.spec.* file below the folder `bnt` runs in, and loads tsx for TypeScript', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'lib', main: 'index.js', scripts: { 'test:unit': 'bnt' }, devDependencies: { 'better-node-test': '0.7', tsx: '4' } }),
      'index.js': code,
      'test/index.test.ts': code,
      'test/parse.spec.js': code,
      'src/deep/format.test.mts': code,
      'test/helpers.ts': code,
    });
    expect(result.entries).toEqual([
      entry('index.js', 'package.json "main"'),
      entry('src/deep/format.test.mts', 'test file (better-node-test, script "test:unit")', false),
      entry('test/index.test.ts', 'test file (better-node-test, script "test:unit")', false),
      entry('test/parse.spec.js', 'test file (better-node-test, script "test:unit")', false),
    ]);
    expect(result.referencedPackages).toEqual([{ workspaceDir: '', name: 'tsx', reason: 'better-node-test loads it for TypeScript tests' }]);
    expect(result.warnings).toEqual([]);
  });

  it('runs only the files, folders and globs its command line names, skipping the value of -t', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'lib', main: 'index.js', scripts: { test: 'bnt test/request.test.ts integration "e2e/**/*.ts" -t "uses HTTPS"' }, devDependencies: { 'better-node-test': '0.7' } }),
      'index.js': code,
      'test/request.test.ts': code,
      'test/other.test.ts': code,
      'integration/db.js': code,
      'integration/nested/cache.ts': code,
      'integration/README.md': '# notes',
      'e2e/login.ts': code,
    });
    expect(result.entries).toEqual([
      entry('e2e/login.ts', 'test file (better-node-test, script "test")', false),
      entry('index.js', 'package.json "main"'),
      entry('integration/db.js', 'test file (better-node-test, script "test")', false),
      entry('integration/nested/cache.ts', 'test file (better-node-test, script "test")', false),
      // Any command naming a code file uses it; that reason comes first.
      entry('test/request.test.ts', 'script "test": bnt test/request.test.ts integration "e2e/**/*.ts" -t "uses HTTPS"', false),
    ]);
    expect(result.referencedPackages).toEqual([{ workspaceDir: '', name: 'tsx', reason: 'better-node-test loads it for TypeScript tests' }]);
    expect(result.warnings).toEqual([]);
  });
});

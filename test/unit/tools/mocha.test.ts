import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('mocha', () => {
  it('runs ./test/*.{js,cjs,mjs} by default, not recursively', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'lib', main: 'index.js', devDependencies: { mocha: '10' } }),
      'index.js': code,
      'test/a.js': code,
      'test/b.mjs': code,
      'test/c.ts': code,
      'test/helpers/d.js': code,
    });
    expect(result.entries).toEqual([
      entry('index.js', 'package.json "main"'),
      entry('test/a.js', 'test file (mocha)', false),
      entry('test/b.mjs', 'test file (mocha)', false),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads spec, extension, recursive, require, file, reporter and ui from .mocharc.yml, and named variants from --config', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'lib', main: 'src/index.ts', scripts: { test: 'mocha', e2e: 'mocha --config .mocharc.e2e.json', watch: 'mocha -c test/unit --watch' } }),
      '.mocharc.yml': ['spec: test', 'recursive: true', 'extension: [ts]', 'require: [tsx/cjs, test/setup.ts]', 'file: test/global.ts', 'reporter: mocha-junit-reporter', 'ui: bdd'].join('\n'),
      '.mocharc.e2e.json': json({ spec: ['e2e/**/*.e2e.ts'], reporter: 'dot' }),
      'src/index.ts': code,
      'test/setup.ts': code,
      'test/global.ts': code,
      'test/unit/a.test.ts': code,
      'e2e/login.e2e.ts': code,
      'e2e/support.ts': code,
    });
    expect(result.entries).toEqual([
      entry('e2e/login.e2e.ts', 'test file (mocha)', false),
      entry('src/index.ts', 'package.json "main"'),
      entry('test/global.ts', 'test file (mocha)', false),
      entry('test/setup.ts', 'test file (mocha)', false),
      entry('test/unit/a.test.ts', 'test file (mocha)', false),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: 'mocha-junit-reporter', reason: '.mocharc.yml reporter' },
      { workspaceDir: '', name: 'tsx', reason: '.mocharc.yml require' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads the files, folders, globs and modules of its command line, and the package.json "mocha" field', () => {
    const result = entryPointsOf({
      'package.json': json({
        name: 'web',
        main: 'index.js',
        scripts: { test: 'nyc --reporter=lcov mocha --require test/support/env --reporter spec --ui tdd-plus --recursive --extension ts test/unit "test/int/**/*.spec.js" test/smoke.js' },
        mocha: { spec: 'spec/*.cjs', import: 'ts-node/esm' },
      }),
      'index.js': code,
      'test/support/env.js': code,
      'test/unit/a.js': code,
      'test/unit/deep/b.ts': code,
      'test/int/c.spec.js': code,
      'test/int/d.js': code,
      'test/smoke.js': code,
      'spec/e.cjs': code,
      'spec/f.js': code,
    });
    expect(result.entries).toEqual([
      entry('index.js', 'package.json "main"'),
      entry('spec/e.cjs', 'test file (mocha)', false),
      entry('test/int/c.spec.js', 'test file (mocha, script "test")', false),
      entry('test/smoke.js', 'script "test": nyc --reporter=lcov mocha --require test/support/env --reporter spec --ui tdd-plus --recursive --extension ts test/unit "test/int/**/*.spec.js" test/smoke.js', false),
      entry('test/support/env.js', 'script "test"', false),
      entry('test/unit/a.js', 'test file (mocha, script "test")', false),
      entry('test/unit/deep/b.ts', 'test file (mocha, script "test")', false),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: 'tdd-plus', reason: 'script "test" ui' },
      { workspaceDir: '', name: 'ts-node', reason: 'package.json "mocha" import' },
    ]);
    expect(result.warnings).toEqual([]);
  });
});

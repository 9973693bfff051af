import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('jasmine', () => {
  it('reads spec_files, helpers, requires and loader below spec_dir from spec/support/jasmine.json, the first default config found', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'lib', main: 'index.js', scripts: { test: 'jasmine', init: 'jasmine init' } }),
      'spec/support/jasmine.json': json({
        spec_dir: 'spec',
        spec_files: ['**/*[sS]pec.?(m)js', '!**/wip/**'],
        helpers: ['helpers/**/*.?(m)js'],
        requires: ['dotenv/config', './spec/support/globals.js'],
        loader: '@esbuild-kit/esm-loader',
        env: { random: false },
      }),
      'spec/support/jasmine.js': "module.exports = { spec_files: ['ignored/*.js'] };\n",
      'index.js': code,
      'spec/parserSpec.js': code,
      'spec/deep/format.spec.mjs': code,
      'spec/wip/draftSpec.js': code,
      'spec/helpers/matchers.js': code,
      'spec/support/globals.js': code,
      'spec/data.js': code,
      'ignored/a.js': code,
    });
    expect(result.entries).toEqual([
      entry('index.js', 'package.json "main"'),
      entry('spec/deep/format.spec.mjs', 'test file (jasmine, spec/support/jasmine.json)', false),
      entry('spec/helpers/matchers.js', 'spec/support/jasmine.json helpers', false),
      entry('spec/parserSpec.js', 'test file (jasmine, spec/support/jasmine.json)', false),
      entry('spec/support/globals.js', 'spec/support/jasmine.json requires', false),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: '@esbuild-kit/esm-loader', reason: 'spec/support/jasmine.json loader' },
      { workspaceDir: '', name: 'dotenv', reason: 'spec/support/jasmine.json requires' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads a config named with --config= from the folder the command runs in, and spec/support/jasmine.mjs', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'mono', private: true, workspaces: ['packages/*'] }),
      'packages/api/package.json': json({ name: 'api', main: 'src/index.ts', scripts: { e2e: 'jasmine --config=e2e/jasmine.e2e.json' }, devDependencies: { jasmine: '5' } }),
      'packages/api/e2e/jasmine.e2e.json': json({ spec_dir: 'e2e', spec_files: ['**/*.e2e.js'] }),
      'packages/api/spec/support/jasmine.mjs': "export default { spec_dir: 'spec', spec_files: ['**/*.spec.ts'], requires: ['tsx'] };\n",
      'packages/api/src/index.ts': code,
      'packages/api/e2e/login.e2e.js': code,
      'packages/api/e2e/page.js': code,
      'packages/api/spec/index.spec.ts': code,
    });
    expect(result.entries).toEqual([
      entry('packages/api/e2e/login.e2e.js', 'test file (jasmine, packages/api/e2e/jasmine.e2e.json)', false),
      entry('packages/api/spec/index.spec.ts', 'test file (jasmine, packages/api/spec/support/jasmine.mjs)', false),
      entry('packages/api/spec/support/jasmine.mjs', 'config file (jasmine)', false),
      entry('packages/api/src/index.ts', 'packages/api/package.json "main"'),
    ]);
    expect(result.referencedPackages).toEqual([{ workspaceDir: 'packages/api', name: 'tsx', reason: 'packages/api/spec/support/jasmine.mjs requires' }]);
    expect(result.warnings).toEqual([]);
  });

  it('runs the files and globs of its command line, with its --helper= (below spec_dir), --require= and --reporter= modules', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'lib', main: 'index.js', scripts: { one: 'jasmine "spec/unit/**/*Spec.js" --helper=helpers/extra.js --require=ts-node/register --reporter=jasmine-spec-reporter TZ=UTC -- ignored/*.js' } }),
      'spec/support/jasmine.json': json({ spec_dir: 'spec' }),
      'index.js': code,
      'spec/unit/aSpec.js': code,
      'spec/helpers/extra.js': code,
      'ignored/b.js': code,
    });
    expect(result.entries).toEqual([
      entry('index.js', 'package.json "main"'),
      entry('spec/helpers/extra.js', 'script "one" --helper', false),
      entry('spec/unit/aSpec.js', 'test file (jasmine, script "one")', false),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: 'jasmine-spec-reporter', reason: 'script "one"' },
      { workspaceDir: '', name: 'ts-node', reason: 'script "one"' },
    ]);
    expect(result.warnings).toEqual([]);
  });
});

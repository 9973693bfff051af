import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('jest', () => {
  it('matches testRegex under roots, and reads every option naming a module: files from rootDir, packages by jest’s naming', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'api', main: 'src/index.ts', scripts: { test: 'jest' }, devDependencies: { jest: '30' } }),
      'jest.config.ts': [
        "import type { Config } from 'jest';",
        'const config: Config = {',
        "  roots: ['<rootDir>/src', '<rootDir>/test'],",
        "  testRegex: '(/__tests__/.*|\\\\.spec)\\\\.ts$',",
        "  testEnvironment: 'node',",
        "  runner: 'groups',",
        "  transform: { '^.+\\\\.ts$': ['@swc/jest', {}], '^.+\\\\.graphql$': '<rootDir>/test/graphql-transform.js' },",
        "  setupFiles: ['dotenv/config'],",
        "  globalSetup: './test/global-setup.ts',",
        "  testSequencer: '<rootDir>/test/sequencer.js',",
        "  snapshotSerializers: ['jest-serializer-path'],",
        "  watchPlugins: ['jest-watch-typeahead/filename'],",
        "  moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },",
        "  reporters: ['default', 'github-actions', '<rootDir>/test/reporter.ts'],",
        '};',
        'export default config;',
      ].join('\n'),
      'src/index.ts': code,
      'src/user.spec.ts': code,
      'src/__tests__/db.ts': code,
      'src/user.test.ts': code,
      'test/e2e.spec.ts': code,
      'test/global-setup.ts': code,
      'test/sequencer.js': code,
      'test/graphql-transform.js': code,
      'test/reporter.ts': code,
      'scripts/tool.spec.ts': code,
    });
    expect(result.entries).toEqual([
      entry('jest.config.ts', 'config file (jest)', false),
      entry('src/__tests__/db.ts', 'test file (jest)', false),
      entry('src/index.ts', 'package.json "main"'),
      entry('src/user.spec.ts', 'test file (jest)', false),
      entry('test/e2e.spec.ts', 'test file (jest)', false),
      entry('test/global-setup.ts', 'jest.config.ts globalSetup', false),
      entry('test/graphql-transform.js', 'jest.config.ts transform', false),
      entry('test/reporter.ts', 'jest.config.ts reporters', false),
      entry('test/sequencer.js', 'jest.config.ts testSequencer', false),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: '@swc/jest', reason: 'jest.config.ts transform' },
      { workspaceDir: '', name: 'dotenv', reason: 'jest.config.ts setupFiles' },
      { workspaceDir: '', name: 'jest-runner-groups', reason: 'jest.config.ts runner' },
      { workspaceDir: '', name: 'jest-serializer-path', reason: 'jest.config.ts snapshotSerializers' },
      { workspaceDir: '', name: 'jest-watch-typeahead', reason: 'jest.config.ts watchPlugins' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads package.json "jest" projects with their own rootDir, a config named with -c, and the defaults of a workspace that only depends on jest', () => {
    const result = entryPointsOf({
      'package.json': json({
        name: 'mono',
        private: true,
        workspaces: ['packages/*'],
        scripts: { 'test:e2e': 'jest -c config/jest.e2e.json' },
        jest: {
          projects: [
            { displayName: 'dom', testEnvironment: 'jsdom', testMatch: ['<rootDir>/web/**/*.test.tsx'], setupFilesAfterEnv: ['<rootDir>/web/setup.ts'] },
            { displayName: 'server', rootDir: 'server', preset: 'ts-jest' },
          ],
        },
      }),
      'web/app.test.tsx': code,
      'web/setup.ts': code,
      'server/__tests__/route.ts': code,
      'server/handler.spec.js': code,
      'config/jest.e2e.json': json({ testMatch: ['<rootDir>/e2e/*.e2e.ts'] }),
      'config/e2e/login.e2e.ts': code,
      'packages/util/package.json': json({ name: 'util', main: 'index.js', devDependencies: { jest: '30' } }),
      'packages/util/index.js': code,
      'packages/util/index.test.js': code,
    });
    expect(result.entries).toEqual([
      // A config's rootDir is its own folder.
      entry('config/e2e/login.e2e.ts', 'test file (jest)', false),
      entry('packages/util/index.js', 'packages/util/package.json "main"'),
      entry('packages/util/index.test.js', 'test file (jest)', false),
      entry('server/__tests__/route.ts', 'test file (jest)', false),
      entry('server/handler.spec.js', 'test file (jest)', false),
      entry('web/app.test.tsx', 'test file (jest)', false),
      entry('web/setup.ts', 'package.json "jest" projects setupFilesAfterEnv', false),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: 'jest-environment-jsdom', reason: 'package.json "jest" projects testEnvironment' },
      { workspaceDir: '', name: 'ts-jest', reason: 'package.json "jest" projects preset' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('matches a repository’s testRegex in linear time, and says which patterns it cannot match safely', () => {
    const long = `src/${'a'.repeat(5000)}b.ts`;
    const result = entryPointsOf({
      'package.json': json({ name: 'app', main: 'src/index.ts', devDependencies: { jest: '29' } }),
      // Catastrophic for a backtracking engine on the long name below; RE2 answers at once.
      'jest.config.js': "module.exports = { testRegex: ['(a+)+$', /\\.check\\.ts$/, '(?<!\\.d)\\.spec\\.ts$', '(?:.?){1000}x$'] };\n",
      'src/index.ts': code,
      'src/sum.check.ts': code,
      'src/sum.spec.ts': code,
      [long]: code,
    });
    expect(result.entries).toEqual([
      entry('jest.config.js', 'config file (jest)', false),
      entry('src/index.ts', 'package.json "main"'),
      entry('src/sum.check.ts', 'test file (jest)', false),
    ]);
    expect(result.warnings).toEqual([
      'jest.config.js testRegex "(?<!.d).spec.ts$" is not a regular expression Steward can match safely (lookarounds, backreferences and very large patterns are not read); the files it matches are missing.',
      'jest.config.js testRegex "(?:.?){1000}x$" is not a regular expression Steward can match safely (lookarounds, backreferences and very large patterns are not read); the files it matches are missing.',
    ]);
    expect(result.unreadableEntries).toEqual([{ workspaceDir: '', origin: 'jest.config.js testRegex' }]);
  });
});

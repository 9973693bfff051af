import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('karma', () => {
  it('names its plugins after frameworks, preprocessors, reporters and browsers, and serves `files` from basePath', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'widgets', main: 'index.js', scripts: { test: 'karma start --single-run' } }),
      'index.js': code,
      'karma.conf.js': [
        'module.exports = function (config) {',
        '  config.set({',
        "    basePath: 'test',",
        "    frameworks: ['mocha', 'karma-typescript', '@angular-devkit/build-angular'],",
        "    files: ['setup.js', { pattern: 'specs/**/*.spec.ts', watched: false }, 'fixtures/*.json'],",
        "    preprocessors: { '**/*.ts': ['karma-typescript', 'sourcemap'], 'specs/**/*.js': ['coverage'] },",
        "    reporters: ['progress', 'junit', 'coverage', 'karma-typescript', 'kjhtml'],",
        "    browsers: ['ChromiumHeadless', 'FirefoxDeveloper', 'ChromeCI'],",
        "    customLaunchers: { ChromeCI: { base: 'ChromeHeadless', flags: ['--no-sandbox'] } },",
        "    plugins: ['karma-mocha', require('./test/plugins/local-reporter'), 'karma-*'],",
        '  });',
        '};',
        '',
      ].join('\n'),
      'test/setup.js': code,
      'test/specs/widget.spec.ts': code,
      'test/plugins/local-reporter.js': code,
      'test/unused.js': code,
    });
    expect(result.entries).toEqual([
      entry('index.js', 'package.json "main"'),
      entry('karma.conf.js', 'config file (karma)', false),
      entry('test/plugins/local-reporter.js', 'karma.conf.js plugins', false),
      entry('test/setup.js', 'test file (karma, karma.conf.js)', false),
      entry('test/specs/widget.spec.ts', 'test file (karma, karma.conf.js)', false),
    ]);
    const uses = (name: string, reason: string) => ({ workspaceDir: '', name, reason: `karma.conf.js ${reason}` });
    expect(result.referencedPackages).toEqual([
      uses('@angular-devkit/build-angular', 'frameworks "@angular-devkit/build-angular"'),
      uses('karma-chrome-launcher', 'customLaunchers "karma-chrome-launcher"'),
      uses('karma-coverage', 'preprocessors "karma-coverage"'),
      uses('karma-firefox-launcher', 'browsers "karma-firefox-launcher"'),
      uses('karma-jasmine-html-reporter', 'reporters "karma-jasmine-html-reporter"'),
      uses('karma-junit-reporter', 'reporters "karma-junit-reporter"'),
      uses('karma-mocha', 'frameworks "karma-mocha"'),
      uses('karma-sourcemap-loader', 'preprocessors "karma-sourcemap-loader"'),
      uses('karma-typescript', 'frameworks "karma-typescript"'),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('loads every karma-* dependency for `karma-*`, and reads the config `karma start` names', () => {
    const result = entryPointsOf({
      'package.json': json({
        name: 'widgets',
        main: 'index.js',
        scripts: { 'test:ci': 'karma start --browsers ChromeHeadless config/karma.ci.conf.cjs' },
        devDependencies: { karma: '^6.0.0', 'karma-jasmine': '^5.0.0', 'karma-jasmine-html-reporter': '^2.0.0', 'karma-esbuild': '^2.0.0', jasmine: '^5.0.0' },
      }),
      'index.js': code,
      'config/karma.ci.conf.cjs': "module.exports = (config) => config.set({ frameworks: ['jasmine'], files: ['../spec/**/*.spec.js'], plugins: ['karma-*', require('./ci-reporter.cjs')] });\n",
      'config/ci-reporter.cjs': code,
      'spec/widget.spec.js': code,
    });
    expect(result.entries).toEqual([
      entry('config/ci-reporter.cjs', 'config/karma.ci.conf.cjs plugins', false),
      entry('config/karma.ci.conf.cjs', 'script "test:ci": karma start --browsers ChromeHeadless config/karma.ci.conf.cjs', false),
      entry('index.js', 'package.json "main"'),
      entry('spec/widget.spec.js', 'test file (karma, config/karma.ci.conf.cjs)', false),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: 'karma-esbuild', reason: 'config/karma.ci.conf.cjs plugins "karma-*"' },
      { workspaceDir: '', name: 'karma-jasmine', reason: 'config/karma.ci.conf.cjs frameworks "karma-jasmine"' },
      { workspaceDir: '', name: 'karma-jasmine-html-reporter', reason: 'config/karma.ci.conf.cjs plugins "karma-*"' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('loads every karma-* dependency but karma-cli when `plugins` is left out, and ignores a config in a subfolder no command names', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'widgets', main: 'index.js', devDependencies: { karma: '^6.0.0', 'karma-mocha': '^2.0.0', 'karma-mocha-reporter': '^2.0.0', 'karma-cli': '^2.0.0' } }),
      'index.js': code,
      'karma.conf.cjs': "module.exports = (config) => config.set({ frameworks: ['mocha'], files: ['test/**/*.test.js'] });\n",
      'test/a.test.js': code,
      'e2e/karma.conf.js': "module.exports = (config) => config.set({ files: ['**/*.js'] });\n",
      'e2e/flow.js': code,
    });
    expect(result.entries).toEqual([entry('index.js', 'package.json "main"'), entry('karma.conf.cjs', 'config file (karma)', false), entry('test/a.test.js', 'test file (karma, karma.conf.cjs)', false)]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: 'karma-mocha', reason: 'karma.conf.cjs frameworks "karma-mocha"' },
      { workspaceDir: '', name: 'karma-mocha-reporter', reason: 'karma.conf.cjs plugins "karma-*"' },
    ]);
    expect(result.warnings).toEqual([]);
  });
});

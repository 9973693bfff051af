import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

const wdioConfig = [
  "export const config: WebdriverIO.Config = {",
  "  runner: 'local',",
  "  specs: ['./test/specs/**/*.ts', ['./test/flows/checkout.ts', './test/flows/payment.ts']],",
  "  exclude: ['./test/specs/**/*.skip.ts'],",
  "  suites: { smoke: ['./test/smoke/*.ts'] },",
  "  framework: 'mocha',",
  "  reporters: ['spec', ['allure', { outputDir: 'allure-results' }], 'wdio-video-reporter'],",
  "  services: ['chromedriver', '@wdio/visual-service'],",
  '};',
].join('\n');

describe('webdriverio', () => {
  it('runs the specs and suites of wdio.conf.* and loads its framework, reporters and services by name', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'app', private: true, bin: 'bin/app.js', scripts: { e2e: 'wdio run ./wdio.conf.ts' }, devDependencies: { '@wdio/cli': '9' } }),
      'bin/app.js': code,
      'wdio.conf.ts': wdioConfig,
      'test/specs/login.ts': code,
      'test/specs/nested/search.ts': code,
      'test/specs/flaky.skip.ts': code,
      'test/flows/checkout.ts': code,
      'test/flows/payment.ts': code,
      'test/smoke/home.ts': code,
      'test/pageobjects/page.ts': code,
    });
    expect(result.entries).toEqual([
      entry('bin/app.js', 'package.json "bin"'),
      entry('test/flows/checkout.ts', 'test file (webdriverio)', false),
      entry('test/flows/payment.ts', 'test file (webdriverio)', false),
      entry('test/smoke/home.ts', 'test file (webdriverio)', false),
      entry('test/specs/login.ts', 'test file (webdriverio)', false),
      entry('test/specs/nested/search.ts', 'test file (webdriverio)', false),
      entry('wdio.conf.ts', 'script "e2e": wdio run ./wdio.conf.ts', false),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: '@wdio/allure-reporter', reason: 'wdio.conf.ts reporters "allure"' },
      { workspaceDir: '', name: '@wdio/chromedriver-service', reason: 'wdio.conf.ts services "chromedriver"' },
      { workspaceDir: '', name: '@wdio/mocha-framework', reason: 'wdio.conf.ts framework "mocha"' },
      { workspaceDir: '', name: '@wdio/spec-reporter', reason: 'wdio.conf.ts reporters "spec"' },
      { workspaceDir: '', name: '@wdio/visual-service', reason: 'wdio.conf.ts services "@wdio/visual-service"' },
      { workspaceDir: '', name: 'wdio-allure-reporter', reason: 'wdio.conf.ts reporters "allure"' },
      { workspaceDir: '', name: 'wdio-chromedriver-service', reason: 'wdio.conf.ts services "chromedriver"' },
      { workspaceDir: '', name: 'wdio-mocha-framework', reason: 'wdio.conf.ts framework "mocha"' },
      { workspaceDir: '', name: 'wdio-spec-reporter', reason: 'wdio.conf.ts reporters "spec"' },
      { workspaceDir: '', name: 'wdio-video-reporter', reason: 'wdio.conf.ts reporters "wdio-video-reporter"' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads the config a command line names without a flag, with its specs relative to the folder of the config', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'app', private: true, bin: 'bin/app.js', scripts: { 'e2e:ci': 'wdio config/wdio.ci.conf.js' }, devDependencies: { '@wdio/cli': '9' } }),
      'bin/app.js': code,
      'config/wdio.ci.conf.js': "exports.config = { specs: ['../e2e/**/*.e2e.js'], framework: 'jasmine' };\n",
      'e2e/cart.e2e.js': code,
      'e2e/helpers.js': code,
    });
    expect(result.entries).toEqual([
      entry('bin/app.js', 'package.json "bin"'),
      entry('config/wdio.ci.conf.js', 'script "e2e:ci": wdio config/wdio.ci.conf.js', false),
      entry('e2e/cart.e2e.js', 'test file (webdriverio)', false),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: '@wdio/jasmine-framework', reason: 'config/wdio.ci.conf.js framework "jasmine"' },
      { workspaceDir: '', name: 'wdio-jasmine-framework', reason: 'config/wdio.ci.conf.js framework "jasmine"' },
    ]);
    expect(result.warnings).toEqual([]);
  });
});

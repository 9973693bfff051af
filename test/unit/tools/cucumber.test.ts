import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

const steps = (path: string) => entry(path, 'step definitions or support code (cucumber)', false);

describe('cucumber', () => {
  it('reads every profile of cucumber.json: require globs and folders, requireModule, CLI-string profiles and custom formatters', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'shop', private: true, scripts: { bdd: 'cucumber-js -p ci' }, devDependencies: { '@cucumber/cucumber': '^11.0.0' } }),
      'cucumber.json': json({
        default: {
          require: ['features/step_definitions/**/*.ts', 'features/support'],
          requireModule: ['ts-node/register'],
          format: ['progress-bar', 'html:reports/cucumber.html', ['./reporting/formatter.js', 'reports/custom.txt'], 'junit:reports/junit.xml', '@cucumber/pretty-formatter'],
        },
        ci: '--require-module tsx/cjs --format "./reporting/ci-formatter.js":reports/ci.txt --plugin @acme/cucumber-plugin',
      }),
      'features/checkout.feature': 'Feature: checkout\n',
      'features/step_definitions/cart.steps.ts': code,
      'features/support/world.js': code,
      // A folder given to `require` holds its .js files only.
      'features/support/hooks.ts': code,
      'reporting/formatter.js': code,
      'reporting/ci-formatter.js': code,
      'reporting/unused.js': code,
    });
    expect(result.entries).toEqual([
      steps('features/step_definitions/cart.steps.ts'),
      steps('features/support/world.js'),
      entry('reporting/ci-formatter.js', 'cucumber.json format', false),
      entry('reporting/formatter.js', 'cucumber.json format', false),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: '@acme/cucumber-plugin', reason: 'cucumber.json plugin' },
      { workspaceDir: '', name: '@cucumber/junit-xml-formatter', reason: 'cucumber.json format "junit"' },
      { workspaceDir: '', name: '@cucumber/pretty-formatter', reason: 'cucumber.json format' },
      { workspaceDir: '', name: 'ts-node', reason: 'cucumber.json requireModule' },
      { workspaceDir: '', name: 'tsx', reason: 'cucumber.json requireModule' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('takes the first default config (cucumber.js before cucumber.json), an ES module default export as one profile, and `import` with `loader`', () => {
    const commonJs = entryPointsOf({
      'package.json': json({ name: 'shop', devDependencies: { '@cucumber/cucumber': '^11.0.0' } }),
      'cucumber.js': "module.exports = { default: '--require features/steps/*.js --format progress', nightly: { require: ['nightly/**/*.js'] } };\n",
      'cucumber.json': json({ default: { require: ['ignored/*.js'] } }),
      'features/steps/a.js': code,
      'nightly/b.js': code,
      'ignored/c.js': code,
    });
    expect(commonJs.entries).toEqual([
      entry('cucumber.js', 'config file (cucumber)', false),
      steps('features/steps/a.js'),
      steps('nightly/b.js'),
    ]);
    expect(commonJs.warnings).toEqual([]);

    const esm = entryPointsOf({
      'package.json': json({ name: 'shop', type: 'module', devDependencies: { '@cucumber/cucumber': '^11.0.0' } }),
      'cucumber.mjs': "export default { import: ['test/steps/**/*.ts', 'test/support'], loader: ['ts-node/esm'], paths: ['test/features/**/*.feature'] };\n",
      'test/steps/login.steps.ts': code,
      'test/support/world.mjs': code,
      'test/support/env.cjs': code,
      'test/support/types.ts': code,
    });
    expect(esm.entries).toEqual([
      entry('cucumber.mjs', 'config file (cucumber)', false),
      steps('test/steps/login.steps.ts'),
      steps('test/support/env.cjs'),
      steps('test/support/world.mjs'),
    ]);
    expect(esm.referencedPackages).toEqual([{ workspaceDir: '', name: 'ts-node', reason: 'cucumber.mjs loader' }]);
  });

  it('without `require` or `import`, loads the .js files of the features folder, or of the folders holding the features a command names', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'shop', scripts: { smoke: 'cucumber-js smoke/health.feature:3', e2e: 'cucumber-js --import "e2e/steps/**/*.ts" --loader ts-node/esm -f @cucumber/pretty-formatter e2e/features' }, devDependencies: { '@cucumber/cucumber': '^11.0.0' } }),
      'features/cart/add.feature': 'Feature: add\n',
      'features/step_definitions/cart.js': code,
      'features/support/world.mjs': code,
      'features/support/world.d.ts': code,
      'smoke/health.feature': 'Feature: health\n',
      'smoke/health.cjs': code,
      'smoke/nested/helper.mjs': code,
      'e2e/features/login.feature': 'Feature: login\n',
      'e2e/features/login.js': code,
      'e2e/steps/login.steps.ts': code,
      'src/app.js': code,
    });
    expect(result.entries).toEqual([
      steps('e2e/steps/login.steps.ts'),
      steps('features/step_definitions/cart.js'),
      steps('features/support/world.mjs'),
      steps('smoke/health.cjs'),
      steps('smoke/nested/helper.mjs'),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: '@cucumber/pretty-formatter', reason: 'script "e2e" format' },
      { workspaceDir: '', name: 'ts-node', reason: 'script "e2e" loader' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads the config `--config` names from the folder the command runs in, and ignores cucumber.js when cucumber is not used', () => {
    const named = entryPointsOf({
      'package.json': json({ name: 'shop', scripts: { test: 'cucumber-js --config config/cucumber.yml' } }),
      'config/cucumber.yml': 'default:\n  require:\n    - acceptance/**/*.steps.js\n',
      'acceptance/cart.steps.js': code,
      'config/acceptance/wrong.steps.js': code,
    });
    expect(named.entries).toEqual([steps('acceptance/cart.steps.js')]);
    expect(named.warnings).toEqual([]);

    const unused = entryPointsOf({
      'package.json': json({ name: 'gherkin-tools', main: 'index.js' }),
      'index.js': code,
      'cucumber.js': code,
    });
    expect(unused.entries).toEqual([entry('index.js', 'package.json "main"')]);
    expect(unused.warnings).toEqual([]);
  });
});

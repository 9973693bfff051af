import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('cypress', () => {
  it('runs the e2e defaults when it is installed without a config', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'app', private: true, devDependencies: { cypress: '^13.0.0' } }),
      'cypress/e2e/login.cy.ts': code,
      'cypress/e2e/nested/cart.cy.js': code,
      'cypress/e2e/helpers.ts': code,
      'cypress/support/e2e.ts': code,
      'cypress/support/commands.ts': code,
      'src/Button.cy.tsx': code,
    });
    expect(result.entries).toEqual([
      entry('cypress/e2e/login.cy.ts', 'test file (cypress e2e)', false),
      entry('cypress/e2e/nested/cart.cy.js', 'test file (cypress e2e)', false),
      entry('cypress/support/e2e.ts', 'support file (cypress e2e)', false),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads each testing type of cypress.config.ts: specPattern lists, a component section, supportFile false', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'app', private: true, scripts: { 'test:e2e': 'cypress run --config video=false --browser chrome' }, devDependencies: { cypress: '^13.0.0' } }),
      'cypress.config.ts': "import { defineConfig } from 'cypress';\nexport default defineConfig({ e2e: { specPattern: ['tests/e2e/**/*.spec.ts', 'tests/smoke/*.ts'], supportFile: false }, component: { supportFile: 'tests/component-setup.tsx' } });\n",
      'tests/e2e/login.spec.ts': code,
      'tests/smoke/ping.ts': code,
      'tests/component-setup.tsx': code,
      'src/Button.cy.tsx': code,
      'cypress/support/e2e.ts': code,
    });
    expect(result.entries).toEqual([
      entry('cypress.config.ts', 'config file (cypress)', false),
      entry('src/Button.cy.tsx', 'test file (cypress component)', false),
      entry('tests/component-setup.tsx', 'support file (cypress component)', false),
      entry('tests/e2e/login.spec.ts', 'test file (cypress e2e)', false),
      entry('tests/smoke/ping.ts', 'test file (cypress e2e)', false),
    ]);
    // `--config` sets values inline; it names no file.
    expect(result.warnings).toEqual([]);
  });

  it('reads the config `--config-file` names, and the legacy cypress.json', () => {
    const named = entryPointsOf({
      'package.json': json({ name: 'app', private: true, scripts: { 'cy:ci': 'cypress run -C e2e/cypress.ci.config.js' } }),
      'e2e/cypress.ci.config.js': "module.exports = { e2e: { specPattern: 'e2e/specs/*.cy.js', supportFile: 'e2e/support.js' } };\n",
      'e2e/specs/a.cy.js': code,
      'e2e/support.js': code,
    });
    expect(named.entries).toEqual([
      entry('e2e/cypress.ci.config.js', 'script "cy:ci": cypress run -C e2e/cypress.ci.config.js', false),
      entry('e2e/specs/a.cy.js', 'test file (cypress e2e)', false),
      entry('e2e/support.js', 'support file (cypress e2e)', false),
    ]);
    expect(named.warnings).toEqual([]);

    const legacy = entryPointsOf({
      'package.json': json({ name: 'app', private: true, devDependencies: { cypress: '^9.0.0' } }),
      'cypress.json': json({ integrationFolder: 'test/integration', testFiles: '**/*.spec.js', pluginsFile: false }),
      'test/integration/login.spec.js': code,
      'test/integration/utils.js': code,
      'cypress/support/index.js': code,
      'cypress/plugins/index.js': code,
    });
    expect(legacy.entries).toEqual([
      entry('cypress/support/index.js', 'supportFile (cypress)', false),
      entry('test/integration/login.spec.js', 'test file (cypress)', false),
    ]);
    expect(legacy.warnings).toEqual([]);
  });
});

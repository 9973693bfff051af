import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('playwright', () => {
  it('matches testMatch (globs anywhere below testDir, or regexes) per project, and reads global setup, teardown and reporters', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'site', private: true, scripts: { e2e: 'playwright test' }, devDependencies: { '@playwright/test': '1' } }),
      'playwright.config.ts': [
        "import { defineConfig, devices } from '@playwright/test';",
        'export default defineConfig({',
        "  testDir: './e2e',",
        "  globalSetup: './e2e/global-setup.ts',",
        "  globalTeardown: require.resolve('./e2e/global-teardown.ts'),",
        "  reporter: [['list'], ['./e2e/reporter.ts'], ['@currents/playwright', { projectId: 'x' }]],",
        '  projects: [',
        "    { name: 'setup', testMatch: /.*\\.setup\\.ts$/ },",
        "    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, dependencies: ['setup'] },",
        "    { name: 'api', testDir: './api-tests', testMatch: 'api.*.ts' },",
        '  ],',
        '});',
      ].join('\n'),
      'e2e/auth.setup.ts': code,
      'e2e/pages/login.spec.ts': code,
      'e2e/helpers.ts': code,
      'e2e/global-setup.ts': code,
      'e2e/global-teardown.ts': code,
      'e2e/reporter.ts': code,
      'api-tests/users/api.users.ts': code,
      'api-tests/users/fixtures.ts': code,
      'src/unit.spec.ts': code,
    });
    expect(result.entries).toEqual([
      entry('api-tests/users/api.users.ts', 'test file (playwright)', false),
      entry('e2e/auth.setup.ts', 'test file (playwright)', false),
      entry('e2e/global-setup.ts', 'playwright.config.ts globalSetup', false),
      entry('e2e/global-teardown.ts', 'playwright.config.ts globalTeardown', false),
      entry('e2e/pages/login.spec.ts', 'test file (playwright)', false),
      entry('e2e/reporter.ts', 'playwright.config.ts reporter', false),
      entry('playwright.config.ts', 'config file (playwright)', false),
    ]);
    expect(result.referencedPackages).toEqual([{ workspaceDir: '', name: '@currents/playwright', reason: 'playwright.config.ts reporter' }]);
    expect(result.warnings).toEqual([]);
  });

  it('runs the default testMatch from the package without a config, and reads a config named with --config from its own folder', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'mono', private: true, workspaces: ['apps/*'] }),
      'apps/web/package.json': json({ name: 'web', main: 'index.js', devDependencies: { '@playwright/test': '1' } }),
      'apps/web/index.js': code,
      'apps/web/tests/home.spec.mjs': code,
      'apps/web/tests/util.js': code,
      'apps/docs/package.json': json({ name: 'docs', main: 'index.js', scripts: { e2e: 'playwright test -c tests/playwright.docs.ts' } }),
      'apps/docs/index.js': code,
      'apps/docs/tests/playwright.docs.ts': "export default { testDir: 'specs', testMatch: '*.e2e.ts' };\n",
      'apps/docs/tests/specs/nav.e2e.ts': code,
      'apps/docs/specs/ignored.e2e.ts': code,
    });
    expect(result.entries).toEqual([
      entry('apps/docs/index.js', 'apps/docs/package.json "main"'),
      entry('apps/docs/tests/playwright.docs.ts', 'config file (playwright)', false),
      entry('apps/docs/tests/specs/nav.e2e.ts', 'test file (playwright)', false),
      entry('apps/web/index.js', 'apps/web/package.json "main"'),
      entry('apps/web/tests/home.spec.mjs', 'test file (playwright)', false),
    ]);
    expect(result.warnings).toEqual([]);
  });
});

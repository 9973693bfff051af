import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { DependencyReport } from '../../core/api/dependencies.js';
import { runSteward } from '../support/cli.js';
import { buildDependencyRepository, dependencyAdvisories, dependencyPackages } from '../support/dependency-fixture.js';
import { startFixtureRegistry } from '../support/fixture-registry.js';
import { temporaryDirectory } from '../support/git-fixture.js';
import { startServer } from './browser-server.js';

test('a setting changed in the app is seen by the CLI and survives restarting browser mode on another port', async ({ page }) => {
  const home = temporaryDirectory();
  const repository = buildDependencyRepository(join(temporaryDirectory(), 'deps'));
  const registry = await startFixtureRegistry({ packages: dependencyPackages, advisories: dependencyAdvisories });
  try {
    let server = await startServer(home);
    const firstPort = new URL(server.url).port;
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Registry for unscoped packages').fill(registry.url);
    await page.getByLabel('Registry for unscoped packages').blur();
    await page.getByLabel('Dark').check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await server.stop();

    server = await startServer(home);
    expect(new URL(server.url).port).not.toBe(firstPort);
    // A fresh browser profile: nothing remembered on this side, the settings come from the store.
    const fresh = await page.context().browser()!.newPage();
    await fresh.goto(server.url);
    await fresh.getByRole('link', { name: 'Settings' }).click();
    await expect(fresh.getByLabel('Registry for unscoped packages')).toHaveValue(registry.url);
    await expect(fresh.getByLabel('Dark')).toBeChecked();
    await expect(fresh.locator('html')).toHaveAttribute('data-theme', 'dark');
    await server.stop();

    // The CLI asks the registry named in the app (the suite's default registry knows no package).
    const result = await runSteward(home, ['deps', repository, '--json'], { NPM_CONFIG_USERCONFIG: '/nonexistent/.npmrc', STEWARD_OSV_URL: 'off' });
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as DependencyReport;
    expect(report.registries.map((entry) => [entry.url, entry.source])).toEqual([[registry.url, 'Steward settings']]);
    expect(report.metadata.network).toBe(8);
  } finally {
    await registry.close();
  }
});

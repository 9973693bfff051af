import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { buildDependencyRepository, dependencyAdvisories, dependencyPackages } from '../support/dependency-fixture.js';
import { startFixtureRegistry } from '../support/fixture-registry.js';
import { temporaryDirectory } from '../support/git-fixture.js';
import { addAndScan, scanAndWait } from './app-steps.js';
import { startServer } from './browser-server.js';

test('the Dependencies tab lists dependencies by risk with drift, deprecation and advisories, and the vulnerabilities with their paths', async ({ page }, testInfo) => {
  const repository = buildDependencyRepository(join(temporaryDirectory(), 'deps'));
  const registry = await startFixtureRegistry({ packages: dependencyPackages, advisories: dependencyAdvisories, failures: { broken: 'server-error' } });
  const server = await startServer(temporaryDirectory(), { npm_config_registry: registry.url });
  try {
    await addAndScan(page, server.url, repository);
    await page.getByRole('link', { name: 'Dependencies' }).click();

    const tile = (label: string) => page.locator('.tile', { has: page.getByText(label, { exact: true }) }).locator('dd');
    await expect(tile('Registry dependencies')).toHaveText('11');
    await expect(tile('Libyears of drift')).toHaveText('5.0');
    await expect(tile('Vulnerabilities')).toHaveText('3');
    // Only the package that failed is named; the registry's metadata is fine.
    await expect(page.getByRole('status', { name: 'Metadata quality' })).toHaveText('Metadata missing for 1 package (see the table).');

    const rows = page.getByRole('table', { name: 'Dependencies' }).getByRole('row');
    await expect(rows.nth(1)).toContainText('epsilon');
    await expect(rows.nth(1)).toContainText('59.3');
    await expect(rows.nth(1)).toContainText('5.0.0 wants alpha ^2.0.0 (1.0.1 installed)');
    const beta = page.getByRole('table', { name: 'Dependencies' }).getByRole('row', { name: /^\S+ beta/ });
    await expect(beta).toContainText('152 d');
    await expect(beta).toContainText('deprecated: use gamma');
    await expect(beta).toContainText('abandoned');

    const vulnerabilities = page.getByRole('table', { name: 'Vulnerabilities' });
    await expect(vulnerabilities.getByRole('row', { name: /tiny@0\.1\.0/ })).toContainText('2.0.0 (major upgrade)');
    await expect(vulnerabilities.getByRole('row', { name: /tiny@0\.1\.0/ })).toContainText('epsilon › tiny');
    await expect(page.getByRole('list', { name: 'Dependencies not from a registry' })).toContainText('a git repository, not from the registry');

    await page.screenshot({ path: testInfo.outputPath('dependencies.png'), fullPage: true });
  } finally {
    await server.stop();
    await registry.close();
  }
});

test('behind a registry that rewrites metadata, the Dependencies tab says what it cannot tell instead of showing ages', async ({ page }) => {
  const repository = buildDependencyRepository(join(temporaryDirectory(), 'deps'));
  const mirror = await startFixtureRegistry({
    packages: dependencyPackages.map((pkg) => ({ ...pkg, withoutCreatedModified: true, versions: pkg.versions.map((version) => ({ ...version, deprecated: undefined })) })),
    auditStatus: 405,
  });
  const server = await startServer(temporaryDirectory(), { npm_config_registry: mirror.url });
  try {
    await addAndScan(page, server.url, repository);
    await page.getByRole('link', { name: 'Dependencies' }).click();
    const banner = page.getByRole('status', { name: 'Metadata quality' });
    await expect(banner).toContainText('are unreliable from this registry');
    await expect(banner).toContainText('Vulnerability data unavailable: the registry has no audit endpoint (HTTP 405).');
    const tile = (label: string) => page.locator('.tile', { has: page.getByText(label, { exact: true }) }).locator('dd');
    await expect(tile('Libyears of drift')).toHaveText('unreliable');
    await expect(tile('Vulnerabilities')).toHaveText('unavailable');
    await expect(page.getByRole('table', { name: 'Dependencies' }).getByRole('row', { name: /^\S+ alpha/ }).first()).toContainText('unreliable');
  } finally {
    await server.stop();
    await mirror.close();
  }
});

test('Settings name the registry scans ask and can keep them offline', async ({ page }) => {
  const repository = buildDependencyRepository(join(temporaryDirectory(), 'deps'));
  const registry = await startFixtureRegistry({ packages: dependencyPackages, advisories: dependencyAdvisories });
  // The server's own registry (the test suite's) knows no package: what the page shows comes from the one named in Settings.
  const server = await startServer(temporaryDirectory());
  try {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Registry for unscoped packages').fill('not a url');
    await expect(page.getByText('Give an http:// or https:// address, or leave it empty.')).toBeVisible();
    await page.getByLabel('Registry for unscoped packages').fill(registry.url);
    await page.getByLabel('Registry for unscoped packages').blur();

    await addAndScan(page, server.url, repository);
    await page.getByRole('link', { name: 'Dependencies' }).click();
    const tile = (label: string) => page.locator('.tile', { has: page.getByText(label, { exact: true }) }).locator('dd');
    await expect(tile('Vulnerabilities')).toHaveText('3');
    await expect(page.getByText(/metadata: 8 fetched/)).toBeVisible();

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Offline: use cached package metadata only, whatever its age').check();
    await page.goBack();
    await scanAndWait(page);
    await expect(page.getByText(/metadata: 8 from the cache \(oldest of \d{1,2} \w+ \d{4}\), offline/)).toBeVisible();
    await expect(tile('Vulnerabilities')).toHaveText('3');
  } finally {
    await server.stop();
    await registry.close();
  }
});

import { renameSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Portfolio } from '../../core/api/portfolio.js';
import { stewardJson } from '../support/cli.js';
import { temporaryDirectory } from '../support/git-fixture.js';
import { scannedPortfolio } from '../support/portfolio-fixture.js';
import { screenshotWidthsAndThemes } from './app-steps.js';
import { startServer } from './browser-server.js';

test('the portfolio shows each repository’s health and debt, groups them by team, filters them, and relocates a moved one with its history', async ({ page }, testInfo) => {
  const home = temporaryDirectory();
  const { tools, moved } = scannedPortfolio(home);
  renameSync(moved, `${moved}-elsewhere`);

  const server = await startServer(home);
  try {
    await page.goto(server.url);
    const table = page.getByRole('table', { name: 'Repositories' });
    const row = (name: string) => table.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
    await expect(row('shop')).toContainText(/\d+ [A-E]/);
    await expect(row('shop').getByRole('img', { name: /shop: health over the last year, 4 weekly scores/ })).toBeVisible();
    await expect(row('moved')).toContainText('Folder missing');
    await expect(page.getByRole('region', { name: 'Practice measures' })).toContainText('Inventory freshness');

    await page.getByLabel('Group by').selectOption('team');
    await expect(table.getByRole('rowheader', { name: /@acme\/shop-team \(1\)/ })).toBeVisible();
    await expect(table.getByRole('rowheader', { name: /No team in CODEOWNERS \(2\)/ })).toBeVisible();
    await page.getByLabel('Group by').selectOption('none');

    await page.getByLabel('Filter repositories').fill('tool');
    await expect(table.locator('tbody tr')).toHaveCount(1);
    await expect(page.getByText('1 of 3 repositories')).toBeVisible();
    await page.getByLabel('Filter repositories').fill('');

    // Another repository's folder is refused: it does not hold the commits scanned.
    await page.getByLabel('New folder of moved').fill(tools);
    await page.getByRole('button', { name: 'Relocate' }).click();
    await expect(row('moved').getByRole('alert')).toContainText('is not moved: it does not have commit');
    await page.getByLabel('New folder of moved').fill(`${moved}-elsewhere`);
    await page.getByRole('button', { name: 'Relocate' }).click();
    await expect(row('moved')).not.toContainText('Folder missing');
    await expect(row('moved')).toContainText(`${moved}-elsewhere`);
    await expect(row('moved')).toContainText(/\d+ [A-E]/);

    // Scan all: every repository gets a new snapshot, each row showing its own progress meanwhile.
    const latest = () => new Map(stewardJson<Portfolio>(home, ['portfolio', '--json']).repositories.map((repository) => [repository.name, repository.latestScan?.snapshotId ?? 0]));
    const before = latest();
    await page.getByRole('button', { name: 'Scan all' }).click();
    await expect.poll(() => [...latest()].every(([name, id]) => id > before.get(name)!), { timeout: 0 }).toBe(true);
    await expect(page.getByRole('button', { name: 'Scan all' })).toBeEnabled();

    await screenshotWidthsAndThemes(page, 'portfolio', (file) => testInfo.outputPath(file));
  } finally {
    await server.stop();
  }
});

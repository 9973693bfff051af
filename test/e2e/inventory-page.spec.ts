import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { deadCodeFixtureFiles } from '../support/dead-code-fixture.js';
import { createRepository, temporaryDirectory } from '../support/git-fixture.js';
import { addAndScan, screenshotWidthsAndThemes } from './app-steps.js';
import { startServer } from './browser-server.js';

test('the Inventory lists every item with its cost, filters and sorts them, opens one, and takes a decision that holds', async ({ page }, testInfo) => {
  const repository = createRepository(join(temporaryDirectory(), 'shop'), [
    { author: 'Ada Lovelace', email: 'ada@example.com', date: '2024-01-01T09:00:00Z', files: deadCodeFixtureFiles },
  ]);
  const server = await startServer(temporaryDirectory());
  try {
    await addAndScan(page, server.url, repository);
    await page.getByRole('link', { name: 'Inventory' }).click();
    const tile = (label: string) => page.locator('.tile', { has: page.getByText(label, { exact: true }) }).locator('dd');
    const table = page.getByRole('table', { name: 'Debt items' });
    const rows = table.getByRole('row').filter({ has: page.getByRole('cell') });
    await expect(rows.first()).toBeVisible();
    const openItems = Number((await tile('Open items').textContent())!.replace(/,/g, ''));
    expect(openItems).toBeGreaterThan(5);
    await expect(page.getByText(`${openItems} items match.`)).toBeVisible();
    await screenshotWidthsAndThemes(page, 'inventory', (file) => testInfo.outputPath(file));

    // Unused files only: the fixture's five.
    await page.getByLabel('Kind').selectOption('unused-file');
    await expect(page.getByText('5 items match.')).toBeVisible();
    await expect(rows).toHaveCount(5);
    await expect(rows.first()).toContainText('Unused file');

    // Export downloads exactly the filtered view, in its order: the five, as an Excel file with typed cells.
    await page.getByLabel('Export format').selectOption('xlsx');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^shop-debt-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const column = (name: string) => sheet.getColumn(header.indexOf(name) + 1).values.slice(2);
    expect(sheet.rowCount).toBe(6);
    expect(column('kind')).toEqual(Array(5).fill('unused-file'));
    expect(column('title')).toEqual(await table.locator('.what > .ellipsis:first-child').allTextContents());
    expect(column('effortHours').every((hours) => typeof hours === 'number' && hours > 0)).toBe(true);

    // Open one: its evidence, confidence and fix; then dismiss it with a reason.
    await rows.filter({ hasText: 'legacy.ts' }).first().click();
    const details = page.getByRole('region', { name: 'Item' });
    await expect(details).toContainText('Proposed fix');
    await expect(details).toContainText('Delete packages/app/src/old/legacy.ts');
    await expect(details).toContainText(/Confidence\s*high: Nothing imports it and no entry reaches it/);
    await expect(details.getByRole('button', { name: 'Dismiss as false' })).toBeDisabled();
    await details.getByLabel('Reason').fill('Loaded by the plugin host by path');
    await details.getByRole('button', { name: 'Dismiss as false' }).click();
    await expect(details).toContainText('dismissed by');
    await expect(details).toContainText('Loaded by the plugin host by path');
    await expect(rows.filter({ hasText: 'legacy.ts' }).first()).toContainText('dismissed');

    // Dismissed items leave the totals; the filter for dismissed shows it.
    await page.getByLabel('Kind').selectOption('');
    await expect(tile('Open items')).toHaveText(String(openItems - 1));
    await page.getByLabel('Status').selectOption({ label: 'Dismissed' });
    await expect(page.getByText('1 item match.')).toBeVisible();

    // Search narrows to titles, paths and symbols.
    await page.getByLabel('Status').selectOption({ label: 'All but resolved' });
    await page.getByLabel('Search items').fill('prettier');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('prettier');
  } finally {
    await server.stop();
  }
});

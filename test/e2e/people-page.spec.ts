import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { temporaryDirectory } from '../support/git-fixture.js';
import { buildPeopleRepository } from '../support/people-fixture.js';
import { addAndScan, scanAndWait, screenshotWidthsAndThemes } from './app-steps.js';
import { startServer } from './browser-server.js';

test('the People tab sets bots apart, suggests merging one person’s two emails, and counts her once from the next scan', async ({ page }, testInfo) => {
  const repository = buildPeopleRepository(join(temporaryDirectory(), 'people'));
  const server = await startServer(temporaryDirectory());
  try {
    await addAndScan(page, server.url, repository);
    const tile = (label: string) => page.locator('.tile', { has: page.getByText(label, { exact: true }) }).locator('dd');
    await expect(tile('Contributors')).toHaveText('4');
    await expect(tile('Bots (not contributors)')).toHaveText('1 bot, 1 commit');

    await page.getByRole('link', { name: 'People' }).click();
    await expect(tile('People')).toHaveText('4');
    await expect(tile('Bots')).toHaveText('1 bot, 1 commit');
    await expect(page.getByRole('table', { name: 'Bots' })).toContainText('dependabot[bot]');
    const people = page.getByRole('table', { name: 'People' });
    await expect(people).not.toContainText('dependabot');
    const suggestions = page.getByRole('list', { name: 'Suggested merges' });
    await expect(suggestions).toContainText('same email user name (ada)');
    await screenshotWidthsAndThemes(page, 'people', (file) => testInfo.outputPath(file));

    await suggestions.getByRole('button', { name: /^Merge Ada L/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The identity map changed since the latest scan' })).toBeVisible();
    await expect(tile('People')).toHaveText('3');
    await expect(people.getByRole('row', { name: /Ada Lovelace/ })).toContainText('ada@home.example');
    await expect(page.getByText('No two people look like one.')).toBeVisible();
    await screenshotWidthsAndThemes(page, 'people-merged', (file) => testInfo.outputPath(file));

    await scanAndWait(page);
    await expect(page.getByRole('status').filter({ hasText: 'The identity map changed' })).toHaveCount(0);
    await page.getByRole('link', { name: 'Hotspots' }).click();
    await expect(page.getByText(/1 bot \(1 commit\) set apart/)).toBeVisible();
    await page.getByRole('link', { name: 'Overview' }).click();
    await expect(tile('Contributors')).toHaveText('3');
  } finally {
    await server.stop();
  }
});

import { expect, test } from '@playwright/test';
import { temporaryDirectory } from '../support/git-fixture.js';
import { growingShop } from '../support/shop-fixture.js';
import { addAndScan, screenshotWidthsAndThemes } from './app-steps.js';
import { startServer } from './browser-server.js';

test('the Health page shows the score, offers a backfill, draws the trend from it, and opens the items behind a part', async ({ page }, testInfo) => {
  const { repository, weeks } = growingShop();
  const server = await startServer(temporaryDirectory());
  try {
    await addAndScan(page, server.url, repository);
    // The overview leads with the score.
    await expect(page.getByRole('region', { name: 'Health score' })).toContainText(/Health \d+\.\d of 100, rating [A-E]/);
    await page.getByRole('link', { name: 'Health', exact: true }).click();
    const trend = page.getByRole('region', { name: 'Health over time' });
    await expect(trend).toContainText('1 scored commit so far');

    await trend.getByRole('button', { name: 'Backfill 26 weeks' }).click();
    // However long a loaded machine takes: the offer gives way to what was backfilled.
    await expect(trend).toContainText(`${weeks.length - 1} past commits backfilled`, { timeout: 120_000 });
    await expect(trend.locator('.recharts-line-dots circle')).toHaveCount(weeks.length);
    await expect(page.getByRole('region', { name: 'Health score' })).toContainText(/at this rate below 75 around|Not on a trend below 75/);

    const complexity = page.getByRole('region', { name: 'Health by part' }).locator('details').filter({ has: page.locator('summary', { hasText: 'Complexity' }) });
    await complexity.locator('summary').click();
    await expect(complexity.getByRole('listitem').first()).toContainText('is hard to follow');
    await expect(page.getByRole('region', { name: 'Health by folder' }).locator('rect').first()).toBeVisible();
    await screenshotWidthsAndThemes(page, 'health', (file) => testInfo.outputPath(file));
  } finally {
    await server.stop();
  }
});

import { expect, test } from '@playwright/test';
import { runSteward } from '../support/cli.js';
import { temporaryDirectory } from '../support/git-fixture.js';
import { growingShop } from '../support/shop-fixture.js';
import { screenshotWidthsAndThemes } from './app-steps.js';
import { startServer } from './browser-server.js';

test('the Report tab shows the weekly report with its charts, prints without the navigation, and the Weekly report page is in the sidebar', async ({ page }, testInfo) => {
  const { repository } = growingShop();
  const home = temporaryDirectory();
  // History first, as a lead's Steward would have it after a while: a scan of HEAD and a few backfilled past commits (a scan and a backfill take a while on a loaded machine).
  test.setTimeout(300_000);
  for (const args of [['scan', repository, '--offline', '--quiet'], ['backfill', repository, '--count', '4', '--offline', '--quiet']]) expect((await runSteward(home, args)).status).toBe(0);
  const server = await startServer(home);
  try {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'shop' }).first().click();
    await page.getByRole('link', { name: 'Report', exact: true }).click();
    const report = page.getByRole('article', { name: 'Weekly health report' });
    await expect(report.getByRole('heading', { name: 'Weekly health report: shop' })).toBeVisible();
    await expect(report).toContainText(/shop: health \d+\.\d of 100 \([A-E]\), down [\d.]+ points since/);
    await expect(report).toContainText(/Compared with snapshot \d+, past commit [0-9a-f]{7} of/);
    await expect(report.getByRole('heading', { name: 'What to do next' }).locator('xpath=following-sibling::ol[1]').getByRole('listitem')).toHaveCount(3);
    await expect(report.getByRole('img', { name: /^Health score over time\./ })).toBeVisible();
    await expect(report.getByRole('table', { name: 'Points lost by each part of the score' })).toContainText('Complexity');

    // Save as PDF in browser mode is the browser's print dialog; the print stylesheet leaves the report alone on the page.
    // (Strings run in the page: this test's TypeScript knows no DOM.)
    await page.evaluate("window.print = () => document.body.setAttribute('data-printed', 'yes')");
    await page.getByRole('button', { name: 'Save as PDF' }).click();
    await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Repository' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Save as PDF' })).toBeHidden();
    await expect(report).toBeVisible();
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });

    // Every repository's report, from the sidebar; the page holds at both widths and in both themes.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Weekly report' }).click();
    await expect(page.getByRole('heading', { name: 'Weekly report', level: 1 })).toBeVisible();
    await expect(report).toContainText('shop: health');
    await screenshotWidthsAndThemes(page, 'report', (file) => testInfo.outputPath(file));
  } finally {
    await server.stop();
  }
});

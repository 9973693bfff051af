import { expect, test } from '@playwright/test';
import { temporaryDirectory } from '../support/git-fixture.js';
import { shopThatWorsens } from '../support/shop-fixture.js';
import { addAndScan, scanAndWait, screenshotWidthsAndThemes } from './app-steps.js';
import { startServer } from './browser-server.js';

test('the weekly scan and the notifications are set on the Settings page and kept after a reload', async ({ page }, testInfo) => {
  const server = await startServer(temporaryDirectory());
  try {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Settings' }).click();
    const weekly = page.getByRole('group', { name: 'Weekly scan' });
    // Off by default, its day and time waiting until it is turned on.
    await expect(weekly.getByLabel('Scan every repository once a week')).not.toBeChecked();
    await expect(weekly.getByLabel('Day')).toBeDisabled();

    await weekly.getByLabel('Scan every repository once a week').check();
    await weekly.getByLabel('Day').selectOption({ label: 'Friday' });
    await weekly.getByLabel('Time').selectOption({ label: '17:00' });
    const notifications = page.getByRole('group', { name: 'Notifications' });
    const drop = notifications.getByLabel('Score fell by at least (points in a week)');
    await drop.fill('0');
    await expect(notifications.getByText('A whole number from 1 to 100')).toBeVisible();
    await drop.fill('8');
    await drop.blur();
    // Saved once the store answered: the page's state is the store's.
    await expect(drop).toHaveAttribute('aria-invalid', 'false');

    await screenshotWidthsAndThemes(page, 'settings', (file) => testInfo.outputPath(file));

    await page.reload();
    await expect(weekly.getByLabel('Scan every repository once a week')).toBeChecked();
    await expect(weekly.getByLabel('Day')).toHaveValue('friday');
    await expect(weekly.getByLabel('Time')).toHaveValue('17');
    await expect(notifications.getByLabel('Tell me after a scan when a repository’s health gets worse')).toBeChecked();
    await expect(drop).toHaveValue('8');
    await expect(notifications.getByLabel('within (weeks)')).toHaveValue('4');
  } finally {
    await server.stop();
  }
});

test('a scan whose score fell in a week shows the news in the page when the browser may not notify, and Open goes to the repository', async ({ page }, testInfo) => {
  const { repository, worsen } = shopThatWorsens();
  const server = await startServer(temporaryDirectory());
  try {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Settings' }).click();
    const drop = page.getByLabel('Score fell by at least (points in a week)');
    await drop.fill('1');
    await drop.blur();
    await expect(drop).toHaveAttribute('aria-invalid', 'false');
    // Headless Chromium gives no permission to notify: the page says where the news will show instead.
    await expect(page.getByText('they appear as a banner in this page')).toBeVisible();

    await addAndScan(page, server.url, repository);
    await expect(page.getByRole('region', { name: 'Health notifications' })).toHaveCount(0);
    worsen();
    await scanAndWait(page);
    const news = page.getByRole('region', { name: 'Health notifications' }).getByRole('status');
    await expect(news).toHaveCount(1);
    await expect(news).toContainText(/^shop: health fell [\d.]+ points in a week/);
    await page.screenshot({ path: testInfo.outputPath('health-notice.png') });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio' }).click();
    await news.getByRole('link', { name: 'Open' }).click();
    await expect(page).toHaveURL(/#\/repositories\/1$/);
    await expect(news).toHaveCount(0);
  } finally {
    await server.stop();
  }
});

import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createKnownRepository, temporaryDirectory } from '../support/git-fixture.js';
import { scanAndWait, screenshotWidthsAndThemes } from './app-steps.js';
import { startServer } from './browser-server.js';

test('add a repository, scan it, see the snapshot, and find it in History after a restart', async ({ page }, testInfo) => {
  const home = temporaryDirectory();
  const repository = createKnownRepository(join(temporaryDirectory(), 'known'));
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  // Uncaught errors and Content-Security-Policy violations; failed requests are part of the flow
  // (the refused path, the event stream reconnecting across the restart).
  page.on('console', (message) => /Content Security Policy|Refused to/.test(message.text()) && problems.push(message.text()));

  let server = await startServer(home);
  await page.goto(server.url);
  await expect(page.getByText('No repositories yet')).toBeVisible();

  await page.getByLabel('Add a local git repository').fill(join(temporaryDirectory(), 'nowhere'));
  await page.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByRole('alert')).toContainText('No such folder');

  await page.getByLabel('Add a local git repository').fill(repository);
  await page.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByRole('heading', { name: 'known' })).toBeVisible();
  await scanAndWait(page);

  await expect(page.getByText('Lines of code by language')).toBeVisible();
  const tile = (label: string) => page.locator('.tile', { hasText: label }).locator('dd');
  await expect(tile('Files')).toHaveText('5');
  await expect(tile('Lines of code')).toHaveText('9');
  await expect(tile('Commits')).toHaveText('3');
  await expect(tile('Contributors')).toHaveText('2');
  const languages = page.getByRole('table', { name: 'Languages' });
  await expect(languages.getByRole('row', { name: /TypeScript/ })).toContainText('5');
  await expect(page.locator('figure.chart svg')).toBeVisible();
  // What the snapshot took from outside the commit.
  await page.getByText('Measured with').click();
  await expect(page.getByText('not installed (a fresh clone: what only an install can tell is not known)')).toBeVisible();
  await expect(page.getByText(/every age is measured from it/)).toBeVisible();
  await screenshotWidthsAndThemes(page, 'overview', (file) => testInfo.outputPath(file));

  await server.stop();
  server = await startServer(home);
  await page.goto(server.url);
  await page.getByRole('link', { name: 'known' }).click();
  await page.getByRole('link', { name: 'Snapshots' }).click();
  const rows = page.getByRole('table', { name: 'Snapshots' }).locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('main');
  await rows.first().getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Snapshot 1' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('history-snapshot.png'), fullPage: true });
  await server.stop();
  expect(problems).toEqual([]);
});

test('browser mode refuses requests without the token or from another origin', async ({ request }) => {
  const server = await startServer(temporaryDirectory());
  try {
    const list = `${server.origin}/api/repositories.list`;
    expect((await request.post(list, { data: {} })).status()).toBe(401);
    expect((await request.post(list, { data: {}, headers: { Authorization: 'Bearer wrong' } })).status()).toBe(401);
    const foreign = await request.post(list, { data: {}, headers: { Authorization: `Bearer ${server.token}`, Origin: 'https://evil.example' } });
    expect(foreign.status()).toBe(403);
    expect((await request.get(`${server.origin}/`)).status()).toBe(401);
    const allowed = await request.post(list, { data: {}, headers: { Authorization: `Bearer ${server.token}` } });
    expect(allowed.status()).toBe(200);
    expect(await allowed.json()).toEqual({ ok: true, value: [] });
  } finally {
    await server.stop();
  }
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createRepository, git, temporaryDirectory } from '../support/git-fixture.js';
import { complexFunction, orderShopFiles } from '../support/shop-fixture.js';
import { addAndScan, scanAndWait, screenshotWidthsAndThemes } from './app-steps.js';
import { startServer } from './browser-server.js';


test('a past snapshot opens in full, two snapshots are compared, and a function opens in the code view at its line', async ({ page }, testInfo) => {
  const repository = createRepository(join(temporaryDirectory(), 'shop'), [
    {
      author: 'Ada',
      email: 'ada@example.com',
      date: '2024-01-01T00:00:00Z',
      files: { ...orderShopFiles('shop'), 'src/orders.ts': `// Orders\n\n${complexFunction('processOrder')}` },
    },
  ]);
  const server = await startServer(temporaryDirectory());
  try {
    await addAndScan(page, server.url, repository);
    writeFileSync(join(repository, 'src/util.ts'), 'export function format(value: number): string {\n  return value.toFixed(2);\n}\n');
    writeFileSync(join(repository, 'src/refunds.ts'), complexFunction('refundOrder'));
    writeFileSync(join(repository, 'src/index.ts'), 'import { processOrder } from "./orders";\nimport { refundOrder } from "./refunds";\nimport { format } from "./util";\nexport const run = () => format(processOrder([]) - refundOrder([]));\n');
    git(repository, ['add', '--all']);
    git(repository, ['commit', '--quiet', '--message', 'refunds; no legacy total'], { GIT_AUTHOR_NAME: 'Ada', GIT_AUTHOR_EMAIL: 'ada@example.com', GIT_COMMITTER_NAME: 'Ada', GIT_COMMITTER_EMAIL: 'ada@example.com' });
    await scanAndWait(page);

    // The first snapshot, in full: not the latest, with its own dead code (the export removed since).
    await page.getByRole('link', { name: 'Snapshots' }).click();
    const rows = page.getByRole('table', { name: 'Snapshots' }).getByRole('row');
    await expect(rows).toHaveCount(3);
    await rows.nth(2).getByRole('link').click();
    const banner = page.getByRole('note');
    await expect(banner).toContainText(/Snapshot \d+ of [0-9a-f]{7} \(1 Jan 2024\) — not the latest/);
    await expect(page.getByRole('region', { name: 'Health score' })).toBeVisible();
    await screenshotWidthsAndThemes(page, 'past-snapshot-overview', (name) => testInfo.outputPath(name));
    await page.getByRole('navigation', { name: 'Snapshot' }).getByRole('link', { name: 'Dead code' }).click();
    await expect(page.getByText('legacyTotal').first()).toBeVisible();
    await page.getByRole('navigation', { name: 'Snapshot' }).getByRole('link', { name: 'Code', exact: true }).click();
    await expect(page.getByText('processOrder').first()).toBeVisible();
    await expect(page.getByText('refundOrder')).toHaveCount(0);
    await screenshotWidthsAndThemes(page, 'past-snapshot-code', (name) => testInfo.outputPath(name));
    await banner.getByRole('link', { name: 'Go to the latest scan' }).click();
    await expect(page.getByRole('heading', { name: 'shop', exact: true })).toBeVisible();

    // Two snapshots compared: the complex function that came, the unused export that went.
    await page.getByRole('link', { name: 'Snapshots' }).click();
    const compare = page.getByRole('button', { name: 'Compare' });
    await expect(compare).toBeDisabled();
    const picks = page.getByRole('table', { name: 'Snapshots' }).getByRole('checkbox');
    await picks.nth(0).check();
    await picks.nth(1).check();
    await screenshotWidthsAndThemes(page, 'snapshots-picked', (name) => testInfo.outputPath(name));
    await compare.click();
    const items = page.getByRole('table', { name: 'Items by kind' });
    await expect(items.getByRole('row').filter({ hasText: 'Complex function' })).toContainText(/Complex function\s*1\s*0\s*1/);
    await expect(items.getByRole('row').filter({ hasText: 'Unused export' })).toContainText(/Unused export\s*0\s*1\s*0/);
    const functions = page.getByRole('table', { name: 'Most complex functions' });
    await expect(functions.getByRole('rowgroup').filter({ hasText: 'New among the most complex' })).toContainText('refundOrder');
    await expect(page.getByRole('region', { name: 'Summary' }).getByRole('row', { name: /Files/ })).toContainText('+1');
    await expect(page.getByRole('region', { name: 'Health score' })).toContainText('Score');
    await page.getByText(/^Resolved items/).click();
    await expect(page.getByRole('region', { name: 'Debt items' })).toContainText('legacyTotal');
    await screenshotWidthsAndThemes(page, 'compare', (name) => testInfo.outputPath(name));

    // A custom editor: its template checked, then every link follows it.
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Another editor, by its URL').check();
    const template = page.getByLabel(/URL template/);
    await template.fill('zed://file');
    await expect(page.getByText(/Give the editor’s URL with \{path\}/)).toHaveClass('error');
    await template.fill('zed://file{path}:{line}');
    await template.blur();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio' }).click();
    await page.getByRole('link', { name: 'shop' }).click();
    await page.getByRole('navigation', { name: 'Repository' }).getByRole('link', { name: 'Code', exact: true }).click();
    await expect(page.getByRole('link', { name: 'src/orders.ts:3' })).toHaveAttribute('href', `zed://file${repository}/src/orders.ts:3`);

    // Links open in Steward's code view once it is chosen: the function's line marked and in view.
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Steward’s code view').check();
    await screenshotWidthsAndThemes(page, 'settings-editor', (name) => testInfo.outputPath(name));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio' }).click();
    await page.getByRole('link', { name: 'shop' }).click();
    await page.getByRole('navigation', { name: 'Repository' }).getByRole('link', { name: 'Code', exact: true }).click();
    await page.getByRole('link', { name: 'src/orders.ts:3' }).click();
    await expect(page.getByRole('heading', { name: 'src/orders.ts' })).toBeVisible();
    const marked = page.locator('tr[aria-current="location"]');
    await expect(marked).toContainText('3export function processOrder');
    await expect(marked).toBeInViewport();
    await screenshotWidthsAndThemes(page, 'code-view', (name) => testInfo.outputPath(name));
  } finally {
    await server.stop();
  }
});

import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { temporaryDirectory } from '../support/git-fixture.js';
import { buildHistoryRepository } from '../support/history-fixture.js';
import { addAndScan } from './app-steps.js';
import { startServer } from './browser-server.js';

test('the Hotspots tab charts changes against complexity, shows a hotspot’s trend, coupled pairs and ownership', async ({ page }, testInfo) => {
  const repository = buildHistoryRepository(join(temporaryDirectory(), 'known'));
  const server = await startServer(temporaryDirectory());
  try {
    await addAndScan(page, server.url, repository);

    await page.getByRole('link', { name: 'Hotspots' }).click();
    const tile = (label: string) => page.locator('.tile', { has: page.getByText(label, { exact: true }) }).locator('dd');
    await expect(tile('Commits')).toHaveText('9');
    await expect(tile('Coupled pairs')).toHaveText('1');
    await expect(page.getByRole('figure', { name: 'Hotspots: changes against complexity' })).toBeVisible();

    const hotspots = page.getByRole('table', { name: 'Hotspots' });
    const rows = hotspots.getByRole('row');
    await expect(rows.nth(1)).toContainText('src/core.ts');
    await expect(rows.nth(1)).toContainText('48');
    await expect(rows.nth(2)).toContainText('src/api.ts');
    // The biggest hotspot's trend is shown first; another one on request.
    await expect(page.getByRole('figure', { name: 'Complexity trend of src/core.ts' })).toBeVisible();
    await rows.nth(2).getByRole('button', { name: 'Show the trend of src/api.ts' }).click();
    await expect(page.getByRole('figure', { name: 'Complexity trend of src/api.ts' })).toBeVisible();

    const coupling = page.getByRole('table', { name: 'Change coupling' });
    await expect(coupling.getByRole('row', { name: /src\/api\.ts.*src\/core\.ts/ })).toContainText('85 %');
    const ownership = page.getByRole('table', { name: 'Ownership by folder' });
    await expect(ownership.getByRole('row', { name: /legacy/ })).toContainText('Old Timer (100 %)');

    await page.screenshot({ path: testInfo.outputPath('hotspots.png'), fullPage: true });
  } finally {
    await server.stop();
  }
});

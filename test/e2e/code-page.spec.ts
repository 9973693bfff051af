import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { codeFixtureFiles } from '../support/code-fixture.js';
import { createRepository, temporaryDirectory } from '../support/git-fixture.js';
import { addAndScan } from './app-steps.js';
import { startServer } from './browser-server.js';

test('the Code tab lists complex functions and folders, sorts and filters them, and shows cycles, boundaries and deprecated uses', async ({ page }, testInfo) => {
  const repository = createRepository(join(temporaryDirectory(), 'layered'), [
    {
      author: 'Ada Lovelace',
      email: 'ada@example.com',
      date: '2024-01-01T00:00:00Z',
      files: {
        ...codeFixtureFiles,
        'src/db/rank.ts': 'export const rank = (a?: number, b?: number) => (a ?? 0) + (b ?? 0) || (a && b ? 1 : 0);\n',
      },
    },
  ]);
  const server = await startServer(temporaryDirectory());
  try {
    await addAndScan(page, server.url, repository);

    await page.getByRole('link', { name: 'Code', exact: true }).click();
    const tile = (label: string) => page.locator('.tile', { hasText: label }).locator('dd');
    await expect(tile('Import cycles')).toHaveText('1');
    await expect(tile('Boundary violations')).toHaveText('1');
    await expect(tile('Deprecated API uses')).toHaveText('3');

    const functions = page.getByRole('table', { name: 'Most complex functions' });
    const firstRow = functions.locator('tbody tr').first();
    await expect(firstRow).toContainText('query');
    await expect(firstRow).toContainText('src/db/query.ts:1');
    await expect(firstRow.getByRole('link')).toHaveAttribute('href', `vscode://file${encodeURI(repository)}/src/db/query.ts:1`);

    // rank: cyclomatic 1 + ?? + ?? + || + && + ?: = 6, more than query's 5; cognitive 5 (a ternary, two ?? runs, || and &&), less than query's 7.
    await functions.getByRole('button', { name: 'Cyclomatic', exact: true }).click();
    await expect(firstRow).toContainText('rank');
    await page.screenshot({ path: testInfo.outputPath('code-page.png'), fullPage: true });

    await page.getByLabel('Filter').fill('cycle');
    await expect(functions.locator('tbody tr')).toHaveCount(3);
    await expect(page.getByRole('table', { name: 'Folders' }).locator('tbody tr')).toHaveCount(1);

    await expect(page.getByRole('list', { name: 'Import cycles' })).toContainText('src/cycle/z.ts:2');
    await expect(page.getByRole('list', { name: 'Boundary violations' })).toContainText('the UI may not reach the database');
    await expect(page.getByRole('list', { name: 'Deprecated API uses' })).toContainText('Use bar instead');
  } finally {
    await server.stop();
  }
});

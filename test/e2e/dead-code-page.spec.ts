import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import BetterSqlite3 from 'better-sqlite3';
import { deadCodeFixtureFiles } from '../support/dead-code-fixture.js';
import { createRepository, temporaryDirectory } from '../support/git-fixture.js';
import { addAndScan, scanAndWait } from './app-steps.js';
import { startServer } from './browser-server.js';

test('the Dead code tab counts findings by kind and workspace, groups them by folder, filters them and explains each one', async ({ page }, testInfo) => {
  const repository = createRepository(join(temporaryDirectory(), 'shop'), [
    { author: 'Ada Lovelace', email: 'ada@example.com', date: '2024-01-01T09:00:00Z', files: deadCodeFixtureFiles },
    {
      author: 'Grace Hopper',
      email: 'grace@example.com',
      date: '2024-06-01T09:00:00Z',
      files: { 'packages/app/src/old/legacy.ts': "import { helper } from './legacy-helper.js';\n\nexport const legacy = helper + 1;\n" },
    },
  ]);
  const server = await startServer(temporaryDirectory());
  try {
    await addAndScan(page, server.url, repository);

    await page.getByRole('link', { name: 'Dead code' }).click();
    const tile = (label: string) => page.locator('.tile', { has: page.getByText(label, { exact: true }) }).locator('dd');
    // The fixture's comments: legacy.ts and legacy-helper.ts (imported only by legacy.ts), features/internal.ts (hidden by "exports": null),
    // the docs site's Example.tsx (named only in a fenced example) and modules/skipped.ts (left out of the glob import);
    // default, deepValue, average, unusedBottom, favourite, unusedTheme, unusedRender; Unused; Color.Blue; left-pad; prettier; chalk; ./missing.js.
    await expect(tile('Unused files')).toHaveText('5');
    await expect(tile('Unused exports')).toHaveText('7');
    await expect(tile('Unused types')).toHaveText('1');
    await expect(tile('Unused enum members')).toHaveText('1');
    await expect(tile('Unused dependencies')).toHaveText('1');
    await expect(tile('Unused devDependencies')).toHaveText('1');
    await expect(tile('Unlisted dependencies')).toHaveText('1');
    await expect(tile('Unresolved imports')).toHaveText('1');
    await expect(page.getByText(/Searched from \d+ entries, \d+ of \d+ code files in use/)).toBeVisible();

    const workspaces = page.getByRole('table', { name: 'Findings by workspace' });
    await expect(workspaces.getByRole('row', { name: /@shop\/app/ })).toBeVisible();
    // A column per kind found: this workspace has no misplaced dependency, so no such column.
    await expect(workspaces.getByRole('columnheader', { name: /^Files/ })).toBeVisible();
    await expect(workspaces.getByRole('columnheader', { name: /^Misplaced/ })).toHaveCount(0);

    const files = page.getByRole('table', { name: 'Unused files in packages/app/src/old' });
    const helperRow = files.getByRole('row', { name: /legacy-helper\.ts/ });
    await expect(helperRow.getByRole('link', { name: 'packages/app/src/old/legacy-helper.ts:1' })).toHaveAttribute(
      'href',
      `vscode://file${encodeURI(repository)}/packages/app/src/old/legacy-helper.ts:1`,
    );
    await expect(helperRow).toContainText('2024-01-01 · Ada Lovelace');
    await expect(files.getByRole('row', { name: /legacy\.ts:1/ })).toContainText('2024-06-01 · Grace Hopper');
    await expect(page.getByRole('table', { name: 'Unused exports in packages/app/src/barrel' })).toContainText('average');
    await expect(page.getByRole('table', { name: 'Unused enum members in packages/app/src' })).toContainText('Color.Blue');

    await helperRow.getByRole('button', { name: 'Why is this unused?' }).click();
    const trace = page.getByRole('region', { name: 'Why packages/app/src/old/legacy-helper.ts is unused' });
    await expect(trace).toContainText('Imported only by a file that is unused too');
    await expect(trace.getByRole('list', { name: 'Importers' })).toHaveText('packages/app/src/old/legacy.ts');
    await expect(trace).toContainText('unused too, so it does not make this file used');
    const entries = trace.getByRole('list', { name: 'Entries searched' });
    await expect(entries).toBeHidden();
    await trace.getByText('Show the entries').click();
    await expect(entries.getByRole('listitem').filter({ hasText: 'packages/app/src/index.ts' })).toContainText('"main"');
    await expect(entries).not.toContainText('packages/lib/src/features/internal.ts');

    await page.screenshot({ path: testInfo.outputPath('dead-code-page.png'), fullPage: true });
    copyFileSync(testInfo.outputPath('dead-code-page.png'), '/tmp/dead-code-page.png');

    await page.getByLabel('Filter').fill('legacy');
    await expect(page.getByRole('button', { name: 'Why is this unused?' })).toHaveCount(2);
    await expect(page.getByRole('table', { name: /^Unused exports/ })).toHaveCount(0);
    await page.getByLabel('Filter').fill('nothing like this');
    await expect(page.getByText('No finding matches.')).toBeVisible();
  } finally {
    await server.stop();
  }
});

test('the Dead code tab says so when there is no dead code, and when the snapshot predates the analysis', async ({ page }) => {
  const repository = createRepository(join(temporaryDirectory(), 'tidy'), [
    {
      author: 'Ada Lovelace',
      email: 'ada@example.com',
      date: '2024-01-01T09:00:00Z',
      files: {
        'package.json': '{ "name": "tidy", "main": "src/index.ts" }\n',
        'src/index.ts': "import { helper } from './helper.js';\n\nexport const run = () => helper();\n",
        'src/helper.ts': 'export const helper = () => 1;\n',
      },
    },
  ]);
  const home = temporaryDirectory();
  const server = await startServer(home);
  try {
    await page.goto(server.url);
    await page.getByLabel('Add a local git repository').fill(repository);
    await page.getByRole('button', { name: 'Add' }).click();
    await page.getByRole('link', { name: 'Dead code' }).click();
    await expect(page.getByText('Not scanned yet. Press Scan to look for dead code.')).toBeVisible();
    await scanAndWait(page);
    await expect(page.getByText('No dead code found.')).toBeVisible();
    await expect(page.getByText('Searched from 1 entry, 2 of 2 code files in use')).toBeVisible();
    await expect(page.locator('.tile', { hasText: 'Unused files' }).locator('dd')).toHaveText('0');

    // A snapshot taken before Steward looked for dead code has no analysis saved with it.
    const db = new BetterSqlite3(join(home, 'steward.db'));
    db.prepare('DELETE FROM snapshot_dead_code').run();
    db.close();
    await page.reload();
    await expect(page.getByText('This snapshot was taken before Steward looked for dead code. Scan again.')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  } finally {
    await server.stop();
  }
});

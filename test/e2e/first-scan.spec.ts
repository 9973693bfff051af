import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { dependencyPackages } from '../support/dependency-fixture.js';
import { startFixtureRegistry } from '../support/fixture-registry.js';
import { createRepository, temporaryDirectory } from '../support/git-fixture.js';
import { screenshotWidthsAndThemes } from './app-steps.js';
import { startServer } from './browser-server.js';

/** A small repository with one tangled function and a dependency the (held) registry is asked about. */
function buildRepository(folder: string): string {
  const tangled = `export function tangled(items: number[]) {\n  let total = 0;\n  for (const item of items) {\n    if (item > 0) {\n      if (item % 2 === 0) {\n        total += item;\n      } else if (item % 3 === 0) {\n        total -= item;\n      }\n    }\n  }\n  return total;\n}\n`;
  return createRepository(folder, [
    {
      author: 'Ada',
      email: 'ada@example.com',
      date: '2024-07-01T12:00:00Z',
      files: {
        'package.json': JSON.stringify({ name: 'first', version: '1.0.0', main: 'src/index.ts', dependencies: { alpha: '^1.0.0' } }),
        'src/index.ts': `import { tangled } from './tangled';\nexport const sum = tangled([1, 2, 3]);\n`,
        'src/tangled.ts': tangled,
      },
    },
  ]);
}

test('a first scan shows the code while the dependencies are still being checked; a cancelled one leaves nothing, the next one saves all, and one more of the unchanged commit keeps that snapshot unless asked for a new one', async ({ page }, testInfo) => {
  // The registry answers nothing until released: the dependency check, and so the scan, cannot finish before.
  const registry = await startFixtureRegistry({ packages: dependencyPackages });
  registry.hold();
  const server = await startServer(temporaryDirectory(), { npm_config_registry: registry.url });
  const repository = buildRepository(join(temporaryDirectory(), 'first'));
  try {
    await page.goto(server.url);
    await page.getByLabel('Add a local git repository').fill(repository);
    await page.getByRole('button', { name: 'Add' }).click();
    await page.getByRole('button', { name: 'Scan' }).click();

    // The Code tab fills in while the scan runs.
    await page.getByRole('link', { name: 'Code', exact: true }).click();
    const functions = page.getByRole('table', { name: 'Most complex functions' });
    await expect(functions).toContainText('tangled');
    await expect(page.getByRole('status').filter({ hasText: 'From the scan in progress, not saved yet' })).toContainText('Dependencies');
    await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
    // The progress line names what is still running, not the analysis that finished.
    await expect(page.getByText('Checking dependencies ·')).toBeVisible();
    await screenshotWidthsAndThemes(page, 'first-scan-code', (file) => testInfo.outputPath(file));
    await page.getByRole('link', { name: 'Overview' }).click();
    await expect(page.getByText('Taking the first snapshot… Results in so far:')).toContainText('Code');

    // Cancelled: nothing of it stays, anywhere.
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByText('The scan was cancelled; nothing was saved.')).toBeVisible();
    await page.getByRole('link', { name: 'Code', exact: true }).click();
    await expect(page.getByText('Not scanned yet. Press Scan to')).toBeVisible();
    await page.getByRole('link', { name: 'Snapshots' }).click();
    await expect(page.getByText('No snapshots yet.')).toBeVisible();

    // The next scan shows the code early again, then saves the whole snapshot once the registry answers.
    await page.getByRole('link', { name: 'Code', exact: true }).click();
    await page.getByRole('button', { name: 'Scan' }).click();
    await expect(functions).toContainText('tangled');
    await expect(page.getByRole('status').filter({ hasText: 'From the scan in progress' })).toBeVisible();
    registry.release();
    await expect(page.getByRole('status').filter({ hasText: /^Scan finished: snapshot \d+ saved\.$/ })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'From the scan in progress' })).toHaveCount(0);
    await expect(functions).toContainText('tangled');
    await page.getByRole('link', { name: 'Dependencies' }).click();
    await expect(page.getByRole('table', { name: 'Dependencies' })).toContainText('alpha');

    // Scanned again the same day, unchanged: the snapshot is kept, and saying so offers a new one anyway.
    const saved = Number(/snapshot (\d+)/.exec((await page.getByRole('status').filter({ hasText: 'Scan finished' }).textContent())!)![1]);
    await page.getByRole('button', { name: 'Scan' }).click();
    await expect(page.getByRole('status').filter({ hasText: `so snapshot ${saved} is kept and nothing new was saved` })).toBeVisible();
    await page.getByRole('link', { name: 'Snapshots' }).click();
    const snapshots = page.getByRole('table', { name: 'Snapshots' }).getByRole('row');
    await expect(snapshots).toHaveCount(2);
    await page.getByRole('button', { name: 'Save a new snapshot anyway' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Scan finished: snapshot \d+ saved\.$/ })).not.toContainText(`snapshot ${saved} `);
    await expect(snapshots).toHaveCount(3);
  } finally {
    registry.release();
    await server.stop();
    await registry.close();
  }
});

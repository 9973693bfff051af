import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { buildDeadCodeRepository, draftPackages } from '../support/draft-fixture.js';
import { startFixtureRegistry } from '../support/fixture-registry.js';
import { git, temporaryDirectory } from '../support/git-fixture.js';
import { addAndScan, screenshotWidthsAndThemes } from './app-steps.js';
import { startServer } from './browser-server.js';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
/** For what the server does on a click (git worktree, npm): seconds on a loaded machine. */
const serverWork = { timeout: 60_000 };

test('a dead-code draft started on the Drafts page is followed live, shows its removals and rehearsed rollback, and approving it pushes nothing but says how', async ({ page }, testInfo) => {
  // Drafting installs, type-checks and tests the fixture several times: minutes on a loaded machine.
  test.setTimeout(600_000);
  const registry = await startFixtureRegistry({ packages: draftPackages(temporaryDirectory()) });
  const repository = buildDeadCodeRepository(join(temporaryDirectory(), 'widgets'), registry.url, tsc);
  // The server runs the draft's npm: against the fixture registry, with a cache of its own.
  const server = await startServer(temporaryDirectory(), { npm_config_registry: registry.url, npm_config_cache: temporaryDirectory() });
  try {
    await addAndScan(page, server.url, repository);
    await page.getByRole('link', { name: 'Drafts', exact: true }).click();
    await expect(page.getByText('No drafts yet.')).toBeVisible();

    // Consent is off until given, and remembered once given.
    const starter = page.getByRole('region', { name: 'New draft' });
    const consent = starter.getByLabel("Let drafts run this repository's own code");
    await expect(consent).toBeEnabled();
    await expect(consent).not.toBeChecked();
    await consent.check();
    await expect(starter.getByRole('status').filter({ hasText: 'Allowed by' })).toBeVisible(serverWork);
    await expect(starter).toContainText('The last scan found 3 pieces of unused code at high confidence.');

    await starter.getByRole('button', { name: 'Remove dead code' }).click();
    const draft = page.getByRole('region', { name: 'Draft', exact: true });
    const rows = page.getByRole('table', { name: 'Drafts' }).getByRole('row').filter({ has: page.getByRole('cell') });
    await expect(rows).toHaveCount(1, serverWork);
    await expect(rows.first()).toContainText('Dead-code removal');
    // Followed live: its step while drafting, then its state — however long a loaded machine takes.
    await expect(draft.getByRole('status').filter({ hasText: /^Drafting: / })).toBeVisible(serverWork);
    // One draft of a repository at a time.
    await expect(starter.getByRole('button', { name: 'Remove dead code' })).toBeDisabled();
    const state = rows.first().locator('.draft-state');
    await expect(state).toHaveText(/^(ready|failed)$/, { timeout: 0 });
    await expect(state, (await draft.textContent()) ?? '').toHaveText('ready');
    await expect(rows.first()).toContainText('Remove 4 pieces of unused code');
    await expect(rows.first()).toContainText(/low \d+/);

    // Opened from the list.
    await page.getByRole('link', { name: 'Drafts', exact: true }).click();
    await expect(draft).toHaveCount(0);
    await rows.first().getByRole('link', { name: 'Remove 4 pieces of unused code' }).click();
    await expect(draft.getByRole('heading', { name: 'Remove 4 pieces of unused code' })).toBeVisible();
    const changes = draft.getByRole('region', { name: 'What it changes' });
    for (const removal of ['deleted src/unused-file.ts', 'removed unusedHelper from src/helpers.ts:9', 'unexported internalOnly in src/helpers.ts:14', 'deleted src/math.ts']) await expect(changes).toContainText(removal);
    const gates = draft.getByRole('table', { name: 'Gates' });
    for (const gate of ['typecheck', 'test', 'rescan']) await expect(gates.getByRole('row').filter({ hasText: new RegExp(`^${gate}`) }).locator('.gate-status').first()).toHaveText('passed');
    await expect(draft.getByRole('region', { name: 'Re-scan' })).toContainText('4 items fixed, 0 remaining, 0 new');
    await expect(draft.getByRole('region', { name: 'Rollback plan' })).toContainText(/Rehearsal:\s*passed\s*Reverting 2 commits gives exactly the base tree/);
    await expect(draft.getByRole('region', { name: 'Audit log' })).toContainText('Ready for review');
    await screenshotWidthsAndThemes(page, 'drafts', (file) => testInfo.outputPath(file));

    // The plan as Markdown, for the pull request.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    await draft.getByRole('button', { name: 'Copy plan as Markdown' }).click();
    await expect(draft.getByRole('status').filter({ hasText: 'Plan copied' })).toBeVisible(serverWork);
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toContain('## Rollback plan');

    // Discarding asks first; keeping it changes nothing.
    await draft.getByRole('button', { name: 'Discard…' }).click();
    const confirm = draft.getByRole('group', { name: 'Confirm discarding' });
    await expect(confirm).toContainText('deletes its branch');
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(state).toHaveText('ready');

    const branch = (await draft.locator('.draft-facts code.path').textContent())!;
    expect(branch).toMatch(/^steward\/deadcode-\d{4}-\d{2}-\d{2}-[a-z0-9]{8}$/);
    await draft.getByLabel('Note for the audit log (optional)').fill('Checked the removals');
    await draft.getByRole('button', { name: 'Approve' }).click();
    const next = draft.getByRole('status', { name: 'Next steps' });
    await expect(next).toContainText(`git push -u origin ${branch}`, serverWork);
    await expect(next).toContainText('Steward pushed and merged nothing');
    await expect(state).toHaveText('approved', serverWork);
    await expect(draft.getByRole('region', { name: 'Audit log' })).toContainText('Note: Checked the removals');
    await expect(starter).toContainText('Approval rate: 100 % (1 of 1 reviewed draft)', serverWork);
    // The branch is in the repository, and nothing was pushed (it has no remote to push to).
    expect(git(repository, ['branch', '--list', branch])).toContain(branch);
    expect(git(repository, ['remote'])).toBe('');
    await page.screenshot({ path: testInfo.outputPath('draft-approved.png'), fullPage: true });
  } finally {
    await server.stop();
    await registry.close();
  }
});

import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { runSteward } from '../support/cli.js';
import { temporaryDirectory } from '../support/git-fixture.js';
import { type PostgresServer, postgresBinaries, startPostgres } from '../support/postgres-server.js';
import { itemRepository } from '../reliability/support/concurrency-fixture.js';
import { startServer } from './browser-server.js';
import { screenshotWidthsAndThemes } from './app-steps.js';

// Without PostgreSQL installed this test is skipped, and says so; CI installs it and always runs it.
const withoutPostgres = postgresBinaries() === null && !process.env.CI;

let postgres: PostgresServer;
test.beforeAll(async () => {
  if (!withoutPostgres) postgres = await startPostgres();
});
test.afterAll(async () => {
  await postgres?.stop();
});

test('a team store chosen in Settings is checked before it is saved, then used at once with its portfolio, and left again for the local store, which the next start keeps', async ({ page }, testInfo) => {
  test.skip(withoutPostgres, 'PostgreSQL is not installed (apt-get install postgresql runs this test)');
  const withPassword = postgres.createDatabase('settings_store');
  const store = withPassword.replace(/:[^:@/]+@/, '@');
  // The password, kept where PostgreSQL's own tools keep it, never in the URL typed in the app.
  const passwordFile = join(temporaryDirectory(), 'pgpass');
  writeFileSync(passwordFile, `127.0.0.1:${postgres.port}:*:steward_owner:owner-secret\n`, { mode: 0o600 });
  const serverEnvironment = { PGPASSFILE: passwordFile };
  const scanned = await runSteward(temporaryDirectory(), ['scan', itemRepository(join(temporaryDirectory(), 'team-service'), 'team'), '--offline', '--quiet', '--store', withPassword]);
  expect(scanned.status, scanned.stderr).toBe(0);

  const home = temporaryDirectory();
  let server = await startServer(home, serverEnvironment);
  await page.goto(server.url);
  await page.getByRole('link', { name: 'Settings' }).click();
  const storeGroup = page.getByRole('group', { name: 'Store' });
  await expect(storeGroup).toContainText(`This machine's store (this machine's own): ${join(home, 'steward.db')}`);

  // A wrong password is refused with the server's answer, and nothing is saved.
  await storeGroup.getByLabel('Team store (PostgreSQL)').fill(withPassword.replace('owner-secret', 'not-the-secret'));
  await storeGroup.getByRole('button', { name: 'Check and use this team store' }).click();
  await expect(storeGroup.getByRole('alert')).toContainText(`The team store postgres://steward_owner:***@127.0.0.1:${postgres.port}/settings_store refused the user name or password`);
  await expect(storeGroup).not.toContainText('not-the-secret');
  expect(existsSync(join(home, 'store.json'))).toBe(false);

  await storeGroup.getByLabel('Team store (PostgreSQL)').fill(store);
  await storeGroup.getByRole('button', { name: 'Check and use this team store' }).click();
  // No restart: the app moves to the team store, and the page is read again from it (a loaded machine may take a while).
  await expect(storeGroup).toContainText(`A team store (chosen in store.json in the data folder): ${store}`, { timeout: 30_000 });
  await page.getByRole('link', { name: 'Portfolio' }).click();
  await expect(page.getByRole('link', { name: 'team-service' })).toBeVisible();
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(storeGroup).toContainText("Scans keep their caches (code facts, git logs, registry answers) in this machine's store");
  await screenshotWidthsAndThemes(page, 'settings-team-store', (file) => testInfo.outputPath(file));
  await storeGroup.getByRole('button', { name: "Use this machine's store" }).click();
  await expect(storeGroup).toContainText(`This machine's store (this machine's own): ${join(home, 'steward.db')}`, { timeout: 30_000 });
  await page.getByRole('link', { name: 'Portfolio' }).click();
  await expect(page.getByRole('main')).toContainText('No repositories yet');
  await expect(page.getByRole('link', { name: 'team-service' })).toHaveCount(0);
  // A page whose event stream is away while the app moves misses the `store` event. Here its streams end as soon
  // as they open (each saying the store it was on), until the app has moved; the next stream reaches the app,
  // opens with the store it is on now, and the page shows that store.
  const wasOn = `event: store\ndata: ${JSON.stringify(`local ${join(home, 'steward.db')}`)}\n\n`;
  await page.route('**/api/events', (route) => route.fulfill({ status: 200, contentType: 'text/event-stream', body: wasOn }));
  await page.reload();
  await expect(page.getByRole('main')).toContainText('No repositories yet');
  await server.call('app.chooseStore', { store, fallback: 'fail' });
  await page.unroute('**/api/events');
  await expect(page.getByRole('link', { name: 'team-service' })).toBeVisible({ timeout: 30_000 });
  await server.call('app.chooseStore', { store: null, fallback: 'fail' });
  await expect(page.getByRole('main')).toContainText('No repositories yet', { timeout: 30_000 });
  await server.stop();

  server = await startServer(home, serverEnvironment);
  await page.goto(server.url);
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(storeGroup).toContainText("This machine's store (this machine's own)");
  await server.stop();
});

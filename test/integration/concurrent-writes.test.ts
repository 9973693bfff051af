import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { call } from '../../core/api/call.js';
import { dispatch } from '../../core/api/dispatch.js';
import { databaseFile } from '../../core/paths.js';
import { openSteward } from '../../core/steward.js';
import { HistoryLogStore } from '../../core/store/history-log-store.js';
import { draftableRepository, itemRepository, readDatabase } from '../reliability/support/concurrency-fixture.js';
import { git, temporaryDirectory } from '../support/git-fixture.js';
import { sourceWorkers } from '../support/source-workers.js';
import type { SqliteDatabase } from '../../core/store/sqlite-database.js';

/**
 * Regressions of the concurrency suite (test/reliability/concurrency.test.ts), each reproduced here
 * on its own, in one process, without depending on how the processes of that suite interleave.
 */
const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * Another process writing: it takes the database's write lock, says so, and commits after `holdMs`
 * (well inside the busy timeout of 10 s). Resolves once the lock is held; `released` once it is let go.
 */
async function anotherWriter(file: string, holdMs: number): Promise<{ released: Promise<void> }> {
  const script = `const db = new (require(${JSON.stringify(sqlite)}))(${JSON.stringify(file)}); db.exec('BEGIN IMMEDIATE'); db.exec("INSERT INTO settings (key, value, updated_at) VALUES ('other-writer', '1', '') ON CONFLICT (key) DO NOTHING"); process.stdout.write('held\\n'); setTimeout(() => { db.exec('COMMIT'); db.close(); }, ${holdMs});`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const released = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('held') && resolve());
    child.once('exit', (code) => reject(new Error(`the other writer ended (${code}) before it held the lock`)));
  });
  return { released };
}

describe('writes that race', () => {
  const home = temporaryDirectory();
  const steward = openSteward({ home, version: 'test', mode: 'browser', workers: sourceWorkers });
  afterAll(() => steward.close());

  it('two drafts of one repository asked for at once: one is drafted, the other refused as busy (they used to both pass the check and run side by side)', async () => {
    const path = draftableRepository(join(temporaryDirectory(), 'drafted'));
    const { id: repositoryId } = await call(steward.handlers, 'repositories.add', { path });
    const asked = await Promise.allSettled([1, 2].map(() => call(steward.handlers, 'drafts.create', { repositoryId, kind: 'deadcode', consent: true })));
    const created = asked.flatMap((answer) => (answer.status === 'fulfilled' ? [answer.value] : []));
    const refused = asked.flatMap((answer) => (answer.status === 'rejected' ? [answer.reason as Error & { code: string }] : []));
    expect(created).toHaveLength(1);
    expect(refused.map((error) => [error.code, error.message])).toEqual([['busy', expect.stringMatching(new RegExp(`^Draft ${created[0]!.id} of drafted is being drafted`))]]);
    await steward.drafts.settled(created[0]!.id);
    expect(git(path, ['branch', '--list', 'steward/*']).trim().split('\n').filter(Boolean).length).toBeLessThanOrEqual(1);
  });

  it('a decision on an item while another process holds the write lock waits for it and lands (it used to fail at once with "database is locked")', async () => {
    const path = itemRepository(join(temporaryDirectory(), 'decided'), 'decided');
    const { id: repositoryId } = await call(steward.handlers, 'repositories.add', { path });
    const job = await call(steward.handlers, 'scans.start', { repositoryId, options: { dependencies: { offline: true } } });
    expect((await steward.scans.settled(job.id)).state).toBe('succeeded');
    const [item] = (await call(steward.handlers, 'inventory.list', { repositoryId, limit: 1 })).items;
    const writer = await anotherWriter(databaseFile(home), 1500);
    const accepted = await call(steward.handlers, 'inventory.accept', { repositoryId, fingerprint: item!.fingerprint, reason: 'kept on purpose' });
    expect(accepted).toMatchObject({ status: 'accepted', decision: { reason: 'kept on purpose' } });
    await writer.released;
  });

  it('an identity merge while another process holds the write lock waits for it and lands (it used to fail at once with "database is locked")', async () => {
    const writer = await anotherWriter(databaseFile(home), 1500);
    await call(steward.handlers, 'identities.merge', { into: 'ada@example.com', merge: ['ada@home.example'] });
    expect(steward.db.prepare('SELECT person FROM identity_merges WHERE alias = ?').get('ada@home.example')).toEqual({ person: 'ada@example.com' });
    await writer.released;
  });

  it("a scan's history log moves to its new tip while another process holds the write lock: it waits and lands (the scan used to fail with \"database is locked\")", async () => {
    const store = new HistoryLogStore(steward.db);
    const read = store.begin('/race/repo', 'v1', undefined, new Date());
    read.append([{ sha: 'a'.repeat(40), authorName: 'Ada', authorEmail: 'ada@example.com', authorDate: '2024-01-01T00:00:00Z', files: [] }]);
    const writer = await anotherWriter(databaseFile(home), 1500);
    expect(read.finish('a'.repeat(40), [])).toBe(true);
    expect(store.find('/race/repo')).toMatchObject({ tip: 'a'.repeat(40) });
    await writer.released;
  });

  it("a scan whose lock cannot be renewed while another process holds the write lock goes on, and the app does not crash (the renewal timer's SQLITE_BUSY used to be an uncaught exception)", async () => {
    const otherHome = temporaryDirectory();
    const app = openSteward({ home: otherHome, version: 'test', mode: 'browser', workers: sourceWorkers });
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const { id: repositoryId } = await call(app.handlers, 'repositories.add', { path: itemRepository(join(temporaryDirectory(), 'renewed'), 'renewed') });
      const job = await call(app.handlers, 'scans.start', { repositoryId, options: { dependencies: { offline: true } } });
      const writer = await anotherWriter(databaseFile(otherHome), 1500);
      // As if the other process's write outlasted the busy timeout.
      (app.db as SqliteDatabase).connection.pragma('busy_timeout = 0');
      const warnings: string[] = [];
      const onWarning = (warning: Error): void => void warnings.push(warning.message);
      process.on('warning', onWarning);
      expect(() => vi.advanceTimersByTime(10_000)).not.toThrow();
      (app.db as SqliteDatabase).connection.pragma('busy_timeout = 10000');
      await writer.released;
      expect((await app.scans.settled(job.id)).state).toBe('succeeded');
      process.off('warning', onWarning);
      // A busy round is skipped without waiting and without a word: the lock lives through several.
      expect(warnings).toEqual([]);
      expect(readDatabase(otherHome, (db) => db.prepare('SELECT count(*) AS n FROM scan_locks').get())).toEqual({ n: 0 });
    } finally {
      vi.useRealTimers();
      await app.close();
    }
  });
});

describe('a database still locked after the busy timeout', () => {
  it('is a clear "busy" answer, not an internal error with a stack trace', async () => {
    const home = temporaryDirectory();
    const app = openSteward({ home, version: 'test', mode: 'browser', workers: sourceWorkers });
    try {
      const writer = await anotherWriter(databaseFile(home), 1500);
      // As if the other process's write outlasted the busy timeout.
      (app.db as SqliteDatabase).connection.pragma('busy_timeout = 0');
      const answer = await dispatch(app.handlers, 'settings.update', { productCodeOnly: true });
      expect(answer).toEqual({ ok: false, error: { code: 'busy', message: expect.stringMatching(/^The database is busy with another Steward process .*; try again in a moment$/) } });
      (app.db as SqliteDatabase).connection.pragma('busy_timeout = 10000');
      await writer.released;
      expect(await dispatch(app.handlers, 'settings.update', { productCodeOnly: true })).toMatchObject({ ok: true });
    } finally {
      await app.close();
    }
  });
});

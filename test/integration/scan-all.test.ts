import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { call } from '../../core/api/call.js';
import type { HealthNotification } from '../../core/api/notifications.js';
import type { ScanJob } from '../../core/api/scans.js';
import type { SchedulerClock } from '../../core/scan/scan-scheduler.js';
import { openSteward } from '../../core/steward.js';
import { runSteward } from '../support/cli.js';
import { createKnownRepository, temporaryDirectory } from '../support/git-fixture.js';
import { shopThatWorsens } from '../support/shop-fixture.js';
import { sourceWorkers } from '../support/source-workers.js';

const day = 24 * 3600 * 1000;

/** A Steward in this process, as the app opens it, with scans in source workers. */
const open = (home: string) => openSteward({ home, version: 'test', mode: 'browser', workers: sourceWorkers });

describe('steward scan --all', () => {
  it('scans every registered repository, names the one whose folder is gone, and exits 2', async () => {
    const home = temporaryDirectory();
    const folders = ['alpha', 'beta', 'gone'].map((name) => createKnownRepository(join(temporaryDirectory(), name)));
    const steward = open(home);
    for (const path of folders) await call(steward.handlers, 'repositories.add', { path });
    await call(steward.handlers, 'settings.update', { dependencies: { offline: true } });
    await steward.close();
    rmSync(folders[2]!, { recursive: true, force: true });

    const text = await runSteward(home, ['scan', '--all']);
    expect(text.status).toBe(2);
    const lines = text.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^alpha: scanned, snapshot \d+, health \d+\.\d$/),
        expect.stringMatching(/^beta: scanned, snapshot \d+, health \d+\.\d$/),
        `gone: not scanned. The folder of gone, ${folders[2]}, is missing (moved or deleted); its history is kept`,
      ]),
    );
    expect(text.stderr).toBe('steward: 1 of 3 repositories could not be scanned: gone\n');

    const json = await runSteward(home, ['scan', '--all', '--json']);
    expect(json.status).toBe(2);
    const { repositories } = JSON.parse(json.stdout) as { repositories: { name: string; state: string; snapshotId: number | null; error: { code: string } | null }[] };
    expect(repositories.map(({ name, state }) => [name, state])).toEqual([
      ['alpha', 'succeeded'],
      ['beta', 'succeeded'],
      ['gone', 'failed'],
    ]);
    expect(repositories[2]!.error?.code).toBe('not-found');
    // Both runs saved a snapshot of each repository that is there.
    expect(new Set(repositories.map((repository) => repository.snapshotId)).size).toBe(3);

    expect((await runSteward(home, ['scan', '--all', folders[0]!])).stderr).toMatch(/^steward: give a path or --all, not both \(see --help\)\n$/);
  });
});

describe('the weekly scan schedule', () => {
  const home = temporaryDirectory();
  const steward = open(home);
  afterAll(() => steward.close());

  it('scans every repository when the slot comes, not again after a restart, and tells when a score fell', async () => {
    const { repository: shop, worsen } = shopThatWorsens();
    const others = ['known', 'small'].map((name) => createKnownRepository(join(temporaryDirectory(), name)));
    const ids: number[] = [];
    for (const path of [shop, ...others]) ids.push((await call(steward.handlers, 'repositories.add', { path })).id);
    await call(steward.handlers, 'settings.update', { dependencies: { offline: true }, scanSchedule: { enabled: true, day: 'monday', hour: 9 }, notifications: { scoreDrop: 1 } });

    const finished: ScanJob[] = [];
    const told: HealthNotification[] = [];
    const running = new Set<string>();
    let mostAtOnce = 0;
    /** For each scan, how many had finished when it started. */
    const finishedBeforeStart: number[] = [];
    steward.subscribe((event) => {
      if (event.type === 'scan') {
        if (event.job.state === 'running' && !running.has(event.job.id)) finishedBeforeStart.push(finished.length);
        if (event.job.state === 'running') running.add(event.job.id);
        else running.delete(event.job.id);
        mostAtOnce = Math.max(mostAtOnce, running.size);
      }
      if (event.type === 'scan' && event.job.state !== 'running' && event.job.state !== 'queued') finished.push(event.job);
      if (event.type === 'notification') told.push(event.notification);
    });
    // A clock the test moves, and a timer the test ticks.
    let now = new Date();
    let tick = (): void => undefined;
    const clock: SchedulerClock = { now: () => now, every: (_ms, onTick) => ((tick = onTick), { stop: () => (tick = () => undefined) }) };
    const scannedTimes = async (count: number) => {
      await vi.waitFor(() => expect(finished).toHaveLength(count), { timeout: 110_000, interval: 50 });
      return finished.slice(count - ids.length);
    };

    steward.startScanScheduler(clock);
    // Just set: the slot that passed before does not count.
    expect(steward.scans.list()).toEqual([]);

    now = new Date(now.getTime() + 7 * day);
    tick();
    const week1 = await scannedTimes(3);
    expect(week1.map((job) => [job.repositoryId, job.state]).sort()).toEqual(ids.map((id) => [id, 'succeeded']).sort());
    // Two at a time: the third waited for a free slot.
    expect(mostAtOnce).toBe(2);
    expect(finishedBeforeStart[0]).toBe(0);
    expect(finishedBeforeStart[1]).toBe(0);
    expect(finishedBeforeStart[2]).toBeGreaterThan(0);

    // Checked again, and after a restart of the scheduler, the same slot is not scanned twice.
    tick();
    steward.startScanScheduler(clock);
    expect(steward.scans.list()).toEqual([]);

    // A week of commits makes the shop worse; the next slot scans it and tells of the fall.
    worsen();
    now = new Date(now.getTime() + 7 * day);
    tick();
    const week2 = await scannedTimes(6);
    expect(week2.every((job) => job.state === 'succeeded')).toBe(true);
    const drops = told.filter((notification) => notification.kind === 'score-drop');
    expect(drops).toHaveLength(1);
    expect(drops[0]).toMatchObject({ repositoryId: ids[0], title: expect.stringMatching(/^shop: health fell [\d.]+ points in a week$/) });
    const shopScan = week2.find((job) => job.repositoryId === ids[0])!;
    expect(drops[0]!.snapshotId).toBe(shopScan.snapshotId);
    const health = await call(steward.handlers, 'health.score', { repositoryId: ids[0]! });
    expect(drops[0]!.body).toBe(`Health ${health.score!.toFixed(1)}, down from ${(health.score! - health.changeSinceWeek!).toFixed(1)} at the latest scanned commit a week or more older.`);
  });
});

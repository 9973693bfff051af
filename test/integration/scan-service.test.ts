import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { call } from '../../core/api/call.js';
import type { ScanJob } from '../../core/api/scans.js';
import { openSteward } from '../../core/steward.js';
import { createLargeRepository, temporaryDirectory } from '../support/git-fixture.js';
import { sourceWorkers } from '../support/source-workers.js';

describe('scan jobs in one process', () => {
  const steward = openSteward({
    home: temporaryDirectory(),
    version: 'test',
    mode: 'browser',
    workers: sourceWorkers,
  });
  const path = createLargeRepository(join(temporaryDirectory(), 'large'), 4000);
  afterAll(() => steward.close());

  it('reports progress, cancels on request, saves nothing, and frees the repository for the next scan', async () => {
    const repository = await call(steward.handlers, 'repositories.add', { path });
    const updates: ScanJob[] = [];
    const unsubscribe = steward.subscribe((event) => event.type === 'scan' && updates.push(event.job));

    const job = await call(steward.handlers, 'scans.start', { repositoryId: repository.id });
    await expect(call(steward.handlers, 'scans.start', { repositoryId: repository.id })).rejects.toThrow(/already running here/);
    while (!updates.some((update) => update.step === 'Analysing code' && update.progress > 0)) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await call(steward.handlers, 'scans.cancel', { jobId: job.id });
    const cancelled = await steward.scans.settled(job.id);
    expect(cancelled.state).toBe('cancelled');
    // What the scan had made before it was cancelled is gone with it.
    await expect(call(steward.handlers, 'scans.reports', { jobId: job.id })).rejects.toThrow(/not running/);
    expect(await call(steward.handlers, 'snapshots.list', { repositoryId: repository.id })).toEqual([]);
    expect(await call(steward.handlers, 'scans.list', {})).toEqual([]);

    const again = await call(steward.handlers, 'scans.start', { repositoryId: repository.id });
    const finished = await steward.scans.settled(again.id);
    unsubscribe();
    expect(finished).toMatchObject({ state: 'succeeded', progress: 1 });
    // Each analysis's results were in before the snapshot was saved, every one of them once.
    expect([...finished.ready].sort()).toEqual([...finished.analyses].sort());
    const codeReady = updates.find((update) => update.id === again.id && update.ready.includes('code'));
    expect(codeReady?.state).toBe('running');
    const progress = updates.filter((update) => update.id === again.id).map((update) => update.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const [summary] = await call(steward.handlers, 'snapshots.list', { repositoryId: repository.id });
    expect(summary?.files).toBe(4000);
  });
});

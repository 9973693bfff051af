import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { call } from '../../core/api/call.js';
import { openSteward } from '../../core/steward.js';
import { draftableRepository } from '../reliability/support/concurrency-fixture.js';
import { git, temporaryDirectory } from '../support/git-fixture.js';
import { sourceWorkers } from '../support/source-workers.js';

/**
 * Regressions of the concurrency suite (test/reliability/concurrency.test.ts), each reproduced here
 * on its own, in one process, without depending on how the processes of that suite interleave.
 */
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
});

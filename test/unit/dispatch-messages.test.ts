import { describe, expect, it } from 'vitest';
import { dispatch } from '../../core/api/dispatch.js';
import { StewardError } from '../../core/api/errors.js';
import type { Handlers } from '../../core/api/routes.js';

/** Requests the API fuzzing (test/reliability/api-fuzzing.test.ts) found answered with messages nobody can read. */
const noHandlers = {} as Handlers;

describe('the messages of refused requests stay short', () => {
  it('drafts.create with 5,000 wrong items lists a few problems and counts the rest (was a one-line message of 121 KB)', async () => {
    const envelope = await dispatch(noHandlers, 'drafts.create', { repositoryId: Number.NaN, kind: 'x', items: Array.from({ length: 5000 }, () => 1) });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const { message } = (envelope as { error: { message: string } }).error;
    expect(message).toMatch(/^repositoryId: .+; kind: .+; items\.0: .+; items\.2: .+; and 4997 more problems$/);
    expect(message.length).toBeLessThan(600);
  });

  it('repositories.add, find and relocate refuse a path longer than any folder can have (a 100,000-character path came back whole in the message)', async () => {
    const path = 'x'.repeat(100_000);
    for (const [route, payload] of [['repositories.add', { path }], ['repositories.find', { path }], ['repositories.relocate', { id: 1, path }]] as const) {
      const envelope = await dispatch(noHandlers, route, payload);
      expect(envelope, route).toEqual({ ok: false, error: { code: 'invalid-input', message: 'path: That path is longer than any folder can have (4,096 characters)' } });
    }
  });

  it('repositories.add, find and relocate and tests.import refuse a relative path: the API has no working folder, so "." named the folder steward serve was started in', async () => {
    const refused = { ok: false, error: { code: 'invalid-input', message: 'path: Give the full path, from / (or a drive letter on Windows)' } };
    for (const path of ['.', 'repo', '../repo', '~/repo']) {
      for (const [route, payload] of [['repositories.add', { path }], ['repositories.find', { path }], ['repositories.relocate', { id: 1, path }]] as const) {
        expect(await dispatch(noHandlers, route, payload), `${route} ${path}`).toEqual(refused);
      }
    }
    expect(await dispatch(noHandlers, 'tests.import', { repositoryId: 1, files: ['/runs/a.xml', 'b.xml'] })).toEqual({ ok: false, error: { code: 'invalid-input', message: 'files.1: Give the full path, from / (or a drive letter on Windows)' } });
    const found = { 'repositories.find': async ({ path }: { path: string }) => ({ id: 1, name: 'r', path, addedAt: new Date(0).toISOString(), latestSnapshot: null }) } as Partial<Handlers> as Handlers;
    for (const path of ['/home/me/repo', 'C:\\code\\repo', '\\\\server\\share\\repo']) expect(await dispatch(found, 'repositories.find', { path }), path).toMatchObject({ ok: true, value: { path } });
  });

  it('a message naming a value with line breaks stays one line (identities.unmerge of "\\r\\n", repositories.find of "\\0\\n\\0" answered two lines)', async () => {
    const handlers = { 'identities.unmerge': async ({ key }: { key: string }) => { throw new StewardError('not-found', `${key} is not merged into anyone`); } } as Partial<Handlers> as Handlers;
    expect(await dispatch(handlers, 'identities.unmerge', { key: 'a\r\nb' })).toEqual({ ok: false, error: { code: 'not-found', message: 'a\\r\\nb is not merged into anyone' } });
  });
});

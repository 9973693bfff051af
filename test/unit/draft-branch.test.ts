import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { freeBranch } from '../../core/drafts/draft-service.js';
import { createRepository, git, temporaryDirectory } from '../support/git-fixture.js';

const repo = createRepository(temporaryDirectory('steward-branch-'), [{ author: 'A', email: 'a@example.com', date: '2024-01-01T00:00:00Z', files: { 'a.txt': 'a\n' } }]);
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('freeBranch', () => {
  it('never reuses a branch that exists: it draws another id and says which names were taken', async () => {
    const now = new Date('2026-12-02T10:00:00Z');
    git(repo, ['branch', 'steward/deps-2026-12-02-aaaaaaaa']);
    const ids = ['aaaaaaaa', 'bbbbbbbb'];
    expect(await freeBranch(repo, 'deps', now, () => ids.shift()!)).toEqual({ id: 'bbbbbbbb', branch: 'steward/deps-2026-12-02-bbbbbbbb', taken: ['steward/deps-2026-12-02-aaaaaaaa'] });
  });

  it('gives up with a clear reason when every id drawn is taken', async () => {
    await expect(freeBranch(repo, 'deps', new Date('2026-12-02T10:00:00Z'), () => 'aaaaaaaa')).rejects.toThrow(/already exist; remove some steward\/ branches/);
  });
});

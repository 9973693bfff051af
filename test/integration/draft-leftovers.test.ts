import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../core/api/call.js';
import { removeWorktree } from '../../core/drafts/worktree.js';
import { openSteward } from '../../core/steward.js';
import { createKnownRepository, createRepository, git, temporaryDirectory } from '../support/git-fixture.js';
import { sourceWorkers } from '../support/source-workers.js';

/** What `git worktree add` leaves when it is killed early: its record locked ("initializing"), with or without where the worktree is. */
function halfMadeWorktree(repository: string, folder: string, withGitdir: boolean): void {
  const record = join(repository, '.git', 'worktrees', 'abcdefgh');
  mkdirSync(record, { recursive: true });
  writeFileSync(join(record, 'locked'), 'initializing');
  if (withGitdir) {
    writeFileSync(join(record, 'gitdir'), `${join(folder, '.git')}\n`);
    mkdirSync(folder, { recursive: true });
  }
}

describe('removing a draft worktree that a kill left half made', () => {
  for (const withGitdir of [false, true]) {
    it(`leaves no record in .git/worktrees (${withGitdir ? 'the record names the folder, which has no .git yet' : 'the record is only locked'})`, async () => {
      const repository = createKnownRepository(join(temporaryDirectory(), 'repository'));
      const folder = join(temporaryDirectory(), 'abcdefgh');
      halfMadeWorktree(repository, folder, withGitdir);
      await removeWorktree(repository, folder);
      expect(existsSync(join(repository, '.git', 'worktrees')) ? readdirSync(join(repository, '.git', 'worktrees')) : []).toEqual([]);
      expect(existsSync(folder)).toBe(false);
      expect(git(repository, ['worktree', 'list', '--porcelain']).match(/^worktree /gm)).toHaveLength(1);
    });
  }

  it('leaves a worktree of the same repository that the user locked alone', async () => {
    const repository = createKnownRepository(join(temporaryDirectory(), 'repository'));
    const mine = join(temporaryDirectory(), 'mine');
    git(repository, ['worktree', 'add', '--quiet', '--detach', mine, 'HEAD']);
    git(repository, ['worktree', 'lock', '--reason', 'on a USB disk', mine]);
    halfMadeWorktree(repository, join(temporaryDirectory(), 'abcdefgh'), false);
    await removeWorktree(repository, join(temporaryDirectory(), 'abcdefgh'));
    expect(readdirSync(join(repository, '.git', 'worktrees'))).toEqual(['mine']);
  });
});

describe('a draft that drafts nothing', () => {
  it('leaves no branch behind: its worktree and its branch, still at the base, both go', async () => {
    const repository = createRepository(join(temporaryDirectory(), 'nothing-deprecated'), [
      { author: 'Dev', email: 'dev@example.com', date: '2024-06-01T00:00:00Z', files: { 'package.json': '{ "name": "plain", "version": "1.0.0", "private": true }\n', 'src/a.ts': 'export const a = 1;\n' } },
    ]);
    const steward = openSteward({ home: temporaryDirectory(), version: 'test', mode: 'browser', workers: sourceWorkers });
    try {
      const { id: repositoryId } = await call(steward.handlers, 'repositories.add', { path: repository });
      const started = await call(steward.handlers, 'drafts.create', { repositoryId, kind: 'deprecations' });
      const draft = await steward.drafts.settled(started.id);
      expect([draft.state, draft.error, draft.worktree]).toEqual(['failed', 'Nothing was drafted: there was nothing to draft', null]);
    } finally {
      await steward.close();
    }
    expect(git(repository, ['branch', '--list', 'steward/*'])).toBe('');
    expect(existsSync(join(repository, '.git', 'worktrees')) ? readdirSync(join(repository, '.git', 'worktrees')) : []).toEqual([]);
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../core/api/call.js';
import { addWorktree, commitPaths, removeWorktree } from '../../core/drafts/worktree.js';
import { openSteward } from '../../core/steward.js';
import { insertDraft } from '../../core/store/drafts.js';
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

describe('recovering a draft whose process was killed while git held its branch', () => {
  it('removes the lock git left on the branch, then the branch, the worktree and its record', async () => {
    const repository = createKnownRepository(join(temporaryDirectory(), 'repository'));
    const home = temporaryDirectory();
    const id = 'lockedbranch';
    const branch = `steward/deadcode-2024-06-01-${id}`;
    const worktree = join(home, 'worktrees', id);
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const first = openSteward({ home, version: 'test', mode: 'browser', workers: sourceWorkers });
    try {
      const { id: repositoryId } = await call(first.handlers, 'repositories.add', { path: repository });
      const base = git(repository, ['rev-parse', 'HEAD']).trim();
      const request = { repositoryId, kind: 'deadcode' as const, confidence: 'high' as const, target: 'latest' as const, consent: false };
      insertDraft(first.db, { id, repositoryId, kind: 'deadcode', title: 'Dead code (drafting)', branch, baseCommit: base, worktree, request, createdBy: 'Dev', ownerPid: dead, ownerHost: hostname() }, { actor: 'Dev', action: 'initiate', what: 'deadcode draft', where: repository, how: [], note: null }, new Date());
      git(repository, ['worktree', 'add', '--quiet', '-b', branch, worktree, base]);
      // git commit killed while it updated the branch: its ref's lock stays.
      writeFileSync(join(repository, '.git', 'refs', 'heads', `${branch}.lock`), `${base}\n`);
    } finally {
      await first.close();
    }
    const next = openSteward({ home, version: 'test', mode: 'browser', workers: sourceWorkers });
    try {
      await next.drafts.recovered;
      expect(next.drafts.get(id)).toMatchObject({ state: 'failed', worktree: null, error: expect.stringMatching(/^Interrupted/) });
    } finally {
      await next.close();
    }
    expect(git(repository, ['for-each-ref', 'refs/heads/steward/'])).toBe('');
    expect(existsSync(join(repository, '.git', 'refs', 'heads', `${branch}.lock`))).toBe(false);
    expect(existsSync(worktree)).toBe(false);
    expect(existsSync(join(repository, '.git', 'worktrees')) ? readdirSync(join(repository, '.git', 'worktrees')) : []).toEqual([]);
  });
});

describe("a draft's commit and git's housekeeping", () => {
  it("starts no housekeeping on the user's repository, even where its settings ask for it at once", async () => {
    const repository = createKnownRepository(join(temporaryDirectory(), 'housekeeping'));
    // Two packs where one is the limit: any commit would repack the user's objects (gc --auto).
    git(repository, ['config', 'gc.autoPackLimit', '1']);
    git(repository, ['config', 'gc.autoDetach', 'false']);
    git(repository, ['repack', '-d', '--quiet']);
    writeFileSync(join(repository, 'more.txt'), 'more\n');
    git(repository, ['add', 'more.txt']);
    git(repository, ['-c', 'gc.auto=0', '-c', 'user.name=Ada', '-c', 'user.email=ada@example.com', 'commit', '--quiet', '-m', 'more']);
    git(repository, ['repack', '--quiet']);
    const packs = (): string[] => readdirSync(join(repository, '.git', 'objects', 'pack')).filter((file) => file.endsWith('.pack')).sort();
    const before = packs();
    expect(before).toHaveLength(2);

    const folder = join(temporaryDirectory(), 'draft');
    await addWorktree(repository, folder, 'steward/housekeeping', 'HEAD');
    writeFileSync(join(folder, 'draft.txt'), 'drafted\n');
    await commitPaths(folder, ['draft.txt'], 'a draft commit');
    expect(packs()).toEqual(before);
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHeadCommit } from '../../core/git/head-commit.js';
import { createKnownRepository, git, temporaryDirectory } from '../support/git-fixture.js';

const gitHead = (folder: string): string => git(folder, ['rev-parse', 'HEAD']).trim();

describe('the commit HEAD is at, read from the repository’s files', () => {
  it('is what git says: a branch’s loose ref, packed refs, a detached HEAD, a worktree, and none on an unborn branch', async () => {
    const repository = createKnownRepository(join(temporaryDirectory(), 'heads'));
    expect(await readHeadCommit(repository)).toBe(gitHead(repository));

    git(repository, ['pack-refs', '--all']);
    expect(await readHeadCommit(repository)).toBe(gitHead(repository));

    git(repository, ['checkout', '--quiet', '--detach', 'HEAD~1']);
    expect(await readHeadCommit(repository)).toBe(gitHead(repository));
    git(repository, ['checkout', '--quiet', '-']);

    const worktree = join(temporaryDirectory(), 'worktree');
    git(repository, ['worktree', 'add', '--quiet', '-b', 'side', worktree, 'HEAD~1']);
    writeFileSync(join(worktree, 'side.txt'), 'side\n');
    git(worktree, ['add', 'side.txt']);
    git(worktree, ['-c', 'user.name=A', '-c', 'user.email=a@example.com', 'commit', '--quiet', '-m', 'side']);
    expect(await readHeadCommit(worktree)).toBe(gitHead(worktree));
    expect(await readHeadCommit(worktree)).not.toBe(gitHead(repository));

    const unborn = temporaryDirectory();
    git(unborn, ['init', '--quiet']);
    expect(await readHeadCommit(unborn)).toBeNull();
  });

  it('asks git when the files are not in a form it reads, and says null for a folder that is not a repository', async () => {
    const repository = createKnownRepository(join(temporaryDirectory(), 'odd'));
    // A HEAD that names another symbolic ref: git resolves it.
    git(repository, ['symbolic-ref', 'refs/heads/alias', 'refs/heads/main']);
    git(repository, ['symbolic-ref', 'HEAD', 'refs/heads/alias']);
    expect(await readHeadCommit(repository)).toBe(gitHead(repository));
    expect(await readHeadCommit(temporaryDirectory())).toBeNull();
  });
});

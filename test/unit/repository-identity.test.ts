import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeRemoteUrl, readRepositoryIdentity } from '../../core/git/repository-identity.js';
import { type FixtureCommit, createRepository, git, temporaryDirectory } from '../support/git-fixture.js';

describe('normalizeRemoteUrl', () => {
  it('gives one name for every way of writing a remote, and keeps no credentials', () => {
    const ways = [
      'https://github.com/Acme/Shop.git',
      'https://github.com/acme/shop',
      'https://github.com/acme/shop/',
      'https://x-access-token:ghs_secret@github.com/acme/shop.git',
      'http://user@GitHub.com:443/acme/shop.git',
      'git@github.com:acme/shop.git',
      'github.com:Acme/Shop',
      'ssh://git@github.com/acme/shop.git',
      'ssh://git@github.com:22/acme/shop',
      'git://github.com/acme/shop.git',
      '  https://github.com/acme/shop.git\n',
    ];
    for (const url of ways) expect(normalizeRemoteUrl(url), url).toBe('github.com/acme/shop');
    expect(normalizeRemoteUrl('https://gitlab.example.com/group/sub/project.git')).toBe('gitlab.example.com/group/sub/project');
    expect(normalizeRemoteUrl('https://dev.azure.com/org/proj/_git/repo')).toBe('dev.azure.com/org/proj/_git/repo');
    expect(normalizeRemoteUrl('https://user:p%40ss@example.com/team/app.git')).toBe('example.com/team/app');
  });

  it('tells different repositories apart', () => {
    expect(normalizeRemoteUrl('git@github.com:acme/shop.git')).not.toBe(normalizeRemoteUrl('git@github.com:acme/shop-admin.git'));
    expect(normalizeRemoteUrl('git@github.com:acme/shop.git')).not.toBe(normalizeRemoteUrl('git@gitlab.com:acme/shop.git'));
  });

  it('names no remote on this machine, and nothing it cannot read', () => {
    for (const url of ['/srv/git/shop.git', '../shop', 'file:///srv/git/shop.git', 'C:\\repos\\shop', 'C:/repos/shop', '', 'https://', 'https://github.com/', 'not a url'])
      expect(normalizeRemoteUrl(url), url).toBeNull();
  });
});

describe('readRepositoryIdentity', () => {
  const commits: FixtureCommit[] = [
    { author: 'Ada', email: 'ada@example.com', date: '2024-01-01T09:00:00Z', files: { 'a.ts': 'export const a = 1;\n' } },
    { author: 'Ada', email: 'ada@example.com', date: '2024-01-02T09:00:00Z', files: { 'b.ts': 'export const b = 2;\n' } },
  ];

  it('is the remote (origin first), else the root commit; two clones of one repository have the same', async () => {
    const folder = temporaryDirectory();
    const original = createRepository(join(folder, 'original'), commits);
    const root = git(original, ['rev-list', '--max-parents=0', 'HEAD']).trim();
    expect(await readRepositoryIdentity(original)).toBe(`root:${root}`);

    const clone = join(folder, 'clone');
    git(folder, ['clone', '--quiet', original, clone]);
    // The clone's origin is a folder on this machine, which names nothing elsewhere: the root commit does.
    expect(await readRepositoryIdentity(clone)).toBe(`root:${root}`);

    git(clone, ['remote', 'add', 'upstream', 'https://token:secret@github.com/acme/upstream.git']);
    git(clone, ['remote', 'set-url', 'origin', 'git@github.com:Acme/Shop.git']);
    expect(await readRepositoryIdentity(clone)).toBe('remote:github.com/acme/shop');
    git(clone, ['remote', 'remove', 'origin']);
    expect(await readRepositoryIdentity(clone)).toBe('remote:github.com/acme/upstream');
  });

  it('cannot tell a shallow clone without a remote: its oldest commit is where the clone stopped', async () => {
    const folder = temporaryDirectory();
    const original = createRepository(join(folder, 'original'), commits);
    const shallow = join(folder, 'shallow');
    git(folder, ['clone', '--quiet', '--depth', '1', `file://${original}`, shallow]);
    expect(await readRepositoryIdentity(shallow)).toBeNull();
    // A CI checkout: shallow, with the remote it came from.
    git(shallow, ['remote', 'set-url', 'origin', 'https://github.com/acme/shop.git']);
    expect(await readRepositoryIdentity(shallow)).toBe('remote:github.com/acme/shop');
  });
});

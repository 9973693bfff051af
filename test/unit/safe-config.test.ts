import { describe, expect, it } from 'vitest';
import { configEnvironment, repositoryOverrides } from '../../core/git/safe-config.js';

/** `git config --list -z --show-scope` output. */
const listing = (entries: [scope: string, key: string, value: string][]): string => entries.map(([scope, key, value]) => `${scope}\0${key}\n${value}\0`).join('');

describe("the repository's program-valued settings are neutralised, the user's own are kept", () => {
  it('filters, diff drivers, merge drivers and gpg programs of the repository', () => {
    const overrides = repositoryOverrides(
      listing([
        ['global', 'filter.lfs.process', 'git-lfs filter-process'],
        ['local', 'filter.lfs.process', 'touch /tmp/pwned'],
        ['local', 'filter.evil.clean', 'touch /tmp/pwned'],
        ['local', 'diff.x=y.textconv', 'touch /tmp/pwned'],
        ['worktree', 'merge.ours.driver', 'touch /tmp/pwned'],
        ['local', 'gpg.ssh.program', 'touch /tmp/pwned'],
        ['local', 'user.name', 'Ada'],
        ['global', 'diff.word.textconv', 'docx2txt'],
      ]),
    );
    expect(overrides).toEqual([
      ['filter.lfs.process', 'git-lfs filter-process'],
      ['filter.evil.clean', ''],
      ['filter.evil.required', 'false'],
      ['diff.x=y.textconv', ''],
      ['merge.ours.driver', ''],
      ['gpg.ssh.program', ''],
    ]);
  });

  it('are passed as GIT_CONFIG_KEY/VALUE pairs, so a key with "=" in it stays whole', () => {
    expect(configEnvironment([['diff.x=y.textconv', '']])).toEqual({ GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'diff.x=y.textconv', GIT_CONFIG_VALUE_0: '' });
  });
});

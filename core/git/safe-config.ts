import { devNull } from 'node:os';

/**
 * A scanned repository is untrusted input, and so is its `.git/config`: git settings can name
 * programs that git then runs on its own (fsmonitor on `git status`, a clean filter when a file is
 * re-hashed, a textconv or diff driver on `git log`, gpg when a signature is shown, ssh or a remote
 * helper when a partial clone fetches a missing object). Every git process Steward starts carries
 * overrides in `GIT_CONFIG_KEY_<n>`/`GIT_CONFIG_VALUE_<n>` (as `-c` does, they outrank every
 * configuration file; unlike `-c`, a key may contain `=`), so that no such setting of the
 * repository runs anything. The user's own (system and global) settings are trusted: where the
 * repository names a driver the user also configured (Git LFS, say), the user's command is kept.
 */

/** A setting as `GIT_CONFIG_KEY_<n>` and `GIT_CONFIG_VALUE_<n>` give it. */
export type ConfigOverride = readonly [key: string, value: string];

/** Settings overridden for every call, whatever the repository says. */
export const fixedOverrides: readonly ConfigOverride[] = [
  // The fsmonitor hook runs on every command that reads the index (`git status`).
  ['core.fsmonitor', 'false'],
  // Reads never run hooks; this makes sure no repository-chosen folder of hooks ever could.
  ['core.hooksPath', devNull],
  // No network at all: a partial clone's missing object is reported missing instead of fetched
  // (which would run ssh, a remote helper, or a credential helper the repository names).
  ['protocol.allow', 'never'],
  ['core.sshCommand', ''],
  ['credential.helper', ''],
  ['core.askPass', ''],
  // Signatures are never shown, so gpg.program never runs.
  ['log.showSignature', 'false'],
  ['diff.external', ''],
  ['core.pager', 'cat'],
  // A draft's commit would otherwise start git's housekeeping on the user's repository (packing refs,
  // expiring reflogs, maybe in the background): Steward changes nothing there but its own branches.
  ['gc.auto', '0'],
  ['maintenance.auto', 'false'],
];

/** Keys whose value is a program git may run (names as `git config --list` prints them: section and key lower-cased). */
const programKey = /^(filter\..+\.(clean|smudge|process)|diff\..+\.(command|textconv)|merge\..+\.driver|gpg(\.[^.]+)?\.program)$/;

/** Scopes whose settings come from the repository itself (`.git/config`, `config.worktree` and what they include). */
const repositoryScopes = new Set(['local', 'worktree']);

/**
 * The overrides that neutralise every program-valued setting of the repository, from
 * `git config --list -z --show-scope` (entries `scope\0key\nvalue\0`): each becomes the user's own
 * value of the same key where the user set one, else empty (and a neutralised filter is no longer
 * required, so that git reads the file as it is instead of failing).
 */
export function repositoryOverrides(listing: string): ConfigOverride[] {
  const trusted = new Map<string, string>();
  const named = new Set<string>();
  const fields = listing.split('\0');
  for (let index = 0; index + 1 < fields.length; index += 2) {
    const scope = fields[index]!;
    const entry = fields[index + 1]!;
    const newline = entry.indexOf('\n');
    const key = newline < 0 ? entry : entry.slice(0, newline);
    if (!programKey.test(key)) continue;
    if (repositoryScopes.has(scope)) named.add(key);
    else if (scope === 'system' || scope === 'global') trusted.set(key, newline < 0 ? '' : entry.slice(newline + 1));
  }
  const overrides: ConfigOverride[] = [];
  for (const key of named) {
    const value = trusted.get(key);
    overrides.push([key, value ?? '']);
    if (value === undefined && key.startsWith('filter.')) overrides.push([`${key.slice(0, key.lastIndexOf('.'))}.required`, 'false']);
  }
  return overrides;
}

/** The environment variables that give git these settings. */
export function configEnvironment(overrides: readonly ConfigOverride[]): Record<string, string> {
  const environment: Record<string, string> = { GIT_CONFIG_COUNT: String(overrides.length) };
  overrides.forEach(([key, value], index) => {
    environment[`GIT_CONFIG_KEY_${index}`] = key;
    environment[`GIT_CONFIG_VALUE_${index}`] = value;
  });
  return environment;
}

import { delimiter, isAbsolute } from 'node:path';

/**
 * The search path for the programs Steward starts in a repository's folder, with only its absolute
 * folders: a relative entry (`.`, `bin`, or an empty one, which means the current folder) would be
 * looked up from the repository, so that a `git` or `npm` file committed there would run instead.
 */
export function absoluteSearchPath(path: string | undefined): string {
  return (path ?? '')
    .split(delimiter)
    .filter((folder) => folder !== '' && isAbsolute(folder))
    .join(delimiter);
}

/**
 * Environment for every git process Steward starts: the user's environment without variables that
 * would redirect git elsewhere or start programs (GIT_DIR, GIT_CONFIG_*, editors, pagers, askpass
 * helpers), plus no optional locks (so reading never rewrites the user's index) and no prompts.
 */
export const gitEnvironment: NodeJS.ProcessEnv = {
  ...Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(GIT_|EDITOR$|VISUAL$|PAGER$|SSH_ASKPASS$)/.test(name)),
  ),
  PATH: absoluteSearchPath(process.env['PATH']),
  GIT_OPTIONAL_LOCKS: '0',
  GIT_TERMINAL_PROMPT: '0',
  LC_ALL: 'C',
  // In a partial clone, a missing object must be reported as missing, not fetched over the network
  // (git 2.44 and later; older versions are held back by protocol.allow=never, see safe-config.ts).
  GIT_NO_LAZY_FETCH: '1',
};

import { type SimpleGit, simpleGit } from 'simple-git';

/**
 * Environment for every git process Steward starts: the user's environment without variables that
 * would redirect git elsewhere or start programs (GIT_DIR, editors, pagers, askpass helpers), plus
 * no optional locks (so reading never rewrites the user's index) and no prompts.
 */
export const gitEnvironment: NodeJS.ProcessEnv = {
  ...Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(GIT_|EDITOR$|VISUAL$|PAGER$|SSH_ASKPASS$)/.test(name)),
  ),
  GIT_OPTIONAL_LOCKS: '0',
  GIT_TERMINAL_PROMPT: '0',
  LC_ALL: 'C',
  // In a partial clone, a missing object must be reported as missing, not fetched over the network.
  GIT_NO_LAZY_FETCH: '1',
};

export function gitClient(baseDir: string, signal?: AbortSignal): SimpleGit {
  return simpleGit({
    baseDir,
    maxConcurrentProcesses: 4,
    allowEnvironment: ['GIT_OPTIONAL_LOCKS', 'GIT_TERMINAL_PROMPT', 'GIT_NO_LAZY_FETCH'],
    ...(signal ? { abort: signal } : {}),
  }).env(gitEnvironment);
}

/** git's own first line of complaint, without the "fatal: " prefix, for messages to the user. */
export function gitReason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split('\n').find((candidate) => candidate.trim() !== '') ?? text;
  return line.replace(/^(fatal|error): /, '').trim();
}

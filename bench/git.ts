import { execFileSync } from 'node:child_process';

export interface Identity {
  readonly name: string;
  readonly email: string;
}

/**
 * Git's environment for the benchmark: no system or user configuration (hooks, signing, templates
 * and aliases on this machine must not change what we create or measure), no inherited GIT_*
 * variables that could point git elsewhere, and an explicit identity and date when committing.
 */
export function gitEnv(identity?: Identity, date?: Date): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('GIT_')));
  Object.assign(env, { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_TERMINAL_PROMPT: '0' });
  if (identity) {
    Object.assign(env, { GIT_AUTHOR_NAME: identity.name, GIT_AUTHOR_EMAIL: identity.email, GIT_COMMITTER_NAME: identity.name, GIT_COMMITTER_EMAIL: identity.email });
  }
  if (date) Object.assign(env, { GIT_AUTHOR_DATE: gitDate(date), GIT_COMMITTER_DATE: gitDate(date) });
  return env;
}

export function git(cwd: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; input?: string } = {}): string {
  try {
    return execFileSync('git', args, {
      cwd,
      env: options.env ?? gitEnv(),
      input: options.input,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['pipe', 'pipe', 'pipe'],
    }).trimEnd();
  } catch (error) {
    throw new Error(`git ${args[0] ?? ''} in ${cwd}: ${gitMessage(error)}`, { cause: error });
  }
}

/** Git's own first line of complaint rather than Node's "Command failed: …" echo of the arguments. */
function gitMessage(error: unknown): string {
  const stderr = error && typeof error === 'object' && 'stderr' in error ? String(error.stderr) : '';
  return stderr.split('\n').find((line) => line.trim() !== '')?.trim() ?? (error instanceof Error ? error.message : String(error));
}

/** Git's raw date format: seconds since the epoch and a UTC offset. */
export function gitDate(date: Date): string {
  return `${Math.floor(date.getTime() / 1000)} +0000`;
}

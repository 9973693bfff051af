import { spawn } from 'node:child_process';
import { StewardError } from '../api/errors.js';
import { printable } from '../wording.js';
import { gitEnvironment } from './git-environment.js';
import { type ConfigOverride, configEnvironment, fixedOverrides, repositoryOverrides } from './safe-config.js';

/** git failed: its own reason, in one line a user can read. */
export class GitError extends StewardError {
  constructor(
    /** The git command that failed (`log`, `cat-file`, …). */
    readonly command: string,
    /** git's last word on why, in one line, without its "fatal: " prefix, control characters escaped. */
    readonly reason: string,
    /** All git said (up to a limit). */
    readonly stderr = '',
    /** git's exit code, when it exited (some commands answer by it: `git grep` exits 1 when nothing matches). */
    readonly exitCode: number | null = null,
  ) {
    super('invalid-input', `git ${command} failed: ${reason}`);
    this.name = 'GitError';
  }

  /** An object the repository should have is missing (a partial or damaged clone). */
  get missingObject(): boolean {
    return /unable to read|could not read|missing (blob|tree|object)|bad object|not a valid object|not a tree object|bad tree object|invalid object/i.test(this.stderr || this.reason);
  }
}

interface GitRun {
  signal?: AbortSignal | undefined;
  /** Written to git's standard input, which is then closed. */
  input?: string;
  /** Each chunk of standard output as it comes; 'stop' ends git early and the run succeeds. A throw fails the run. */
  onOutput(chunk: Buffer): void | 'stop';
}

/** Of git's standard error, what is kept for the reason (a damaged repository can print a lot). */
const stderrLimit = 64 * 1024;

/**
 * The one way Steward runs git on a repository it reads: argument arrays, never a shell; the
 * repository's own settings that could start a program neutralised (see safe-config.ts); output
 * streamed; a failure as a GitError with git's reason in one line; an aborted signal stops git.
 */
export async function runGit(root: string, args: readonly string[], run: GitRun): Promise<void> {
  run.signal?.throwIfAborted();
  await gitVersion(root);
  await spawnGit(root, args, await overridesFor(root, run.signal), run);
}

/**
 * One operation (a scan, an analysis: one AbortSignal) asks git the same question about a repository
 * many times: the answer is kept for the operation's signal, and asked again by the next one (the
 * repository may have changed since). A failed answer is not kept.
 */
export function keptForOperation<T>(kept: WeakMap<AbortSignal, Map<string, Promise<T>>>, root: string, given: AbortSignal | undefined, read: () => Promise<T>): Promise<T> {
  if (!given) return read();
  const signal = operations.get(given) ?? given;
  let known = kept.get(signal);
  if (!known) kept.set(signal, (known = new Map()));
  let answer = known.get(root);
  if (!answer) {
    answer = read();
    known.set(root, answer);
    answer.catch(() => known.delete(root));
  }
  return answer;
}

/** Signals made from an operation's (to stop a part of it early), by the operation's own. */
const operations = new WeakMap<AbortSignal, AbortSignal>();

/** `part` (an `AbortSignal.any` of the operation's signal and another) belongs to the operation of `signal`. */
export function partOfOperation(part: AbortSignal, signal: AbortSignal): AbortSignal {
  operations.set(part, operations.get(signal) ?? signal);
  return part;
}

/** The repository's configuration is read before git runs on it, so that what it names is known (once per operation). */
const overridesByOperation = new WeakMap<AbortSignal, Map<string, Promise<ConfigOverride[]>>>();

function overridesFor(root: string, signal: AbortSignal | undefined): Promise<ConfigOverride[]> {
  return keptForOperation(overridesByOperation, root, signal, async () => {
    const listing: Buffer[] = [];
    await spawnGit(root, ['config', '--list', '-z', '--show-scope'], fixedOverrides, { signal, onOutput: (chunk) => void listing.push(chunk) });
    return [...fixedOverrides, ...repositoryOverrides(Buffer.concat(listing).toString('utf8'))];
  });
}

/** Runs git and returns its whole standard output as text (for answers that fit in memory). */
export async function readGit(root: string, args: readonly string[], options: { signal?: AbortSignal | undefined; input?: string } = {}): Promise<string> {
  const chunks: Buffer[] = [];
  await runGit(root, args, { ...options, onOutput: (chunk) => void chunks.push(chunk) });
  return Buffer.concat(chunks).toString('utf8');
}

/** GIT_CONFIG_COUNT, which carries the overrides, arrived in git 2.31 (March 2021). */
const minimumVersion = [2, 31] as const;
let versionCheck: Promise<string> | undefined;

/** `git version` ("git version 2.39.5"), checked once per process (a failed check is tried again next time). */
export function gitVersion(cwd: string): Promise<string> {
  versionCheck ??= (async () => {
    const output: Buffer[] = [];
    await spawnGit(cwd, ['version'], [], { onOutput: (chunk) => void output.push(chunk) });
    const text = Buffer.concat(output).toString('utf8').trim();
    const [major = 0, minor = 0] = (/(\d+)\.(\d+)/.exec(text) ?? []).slice(1).map(Number);
    if (major < minimumVersion[0] || (major === minimumVersion[0] && minor < minimumVersion[1])) {
      throw new StewardError('unavailable', `Steward needs git ${minimumVersion.join('.')} or later to read repositories safely; this is ${text}`);
    }
    return text;
  })().catch((error: unknown) => {
    versionCheck = undefined;
    throw error;
  });
  return versionCheck;
}

function spawnGit(cwd: string, args: readonly string[], overrides: readonly ConfigOverride[], run: GitRun): Promise<void> {
  const { signal } = run;
  return new Promise<void>((resolve, reject) => {
    const git = spawn('git', args, {
      cwd,
      env: { ...gitEnvironment, ...configEnvironment(overrides) },
      stdio: [run.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      ...(signal ? { signal } : {}),
    });
    let stderr = '';
    let stopped = false;
    let failure: { error: unknown } | undefined;
    const fail = (error: unknown): void => {
      failure ??= { error };
      git.kill();
    };
    git.stdout!.on('data', (chunk: Buffer) => {
      if (stopped || failure) return;
      try {
        if (run.onOutput(chunk) === 'stop') {
          stopped = true;
          git.kill();
        }
      } catch (error) {
        fail(error);
      }
    });
    git.stderr!.on('data', (chunk: Buffer) => {
      if (stderr.length < stderrLimit) stderr += chunk.toString('utf8');
    });
    git.on('error', (error: NodeJS.ErrnoException) => {
      if (signal?.aborted) failure ??= { error: signal.reason };
      else if (error.code === 'ENOENT') failure ??= { error: new StewardError('unavailable', 'git is not installed (or not on the PATH); Steward needs it to read repositories') };
      else failure ??= { error };
    });
    git.on('close', (code) => {
      if (signal?.aborted) return reject(signal.reason);
      if (failure) return reject(failure.error);
      if (stopped || code === 0) return resolve();
      reject(new GitError(args[0] ?? 'git', gitReason(stderr, code), stderr, code));
    });
    if (run.input !== undefined) {
      // git may exit before reading all of its input (a failure it reports by its exit code): not an error of ours.
      git.stdin!.on('error', () => {});
      git.stdin!.end(run.input);
    }
  });
}

/**
 * Why git failed, for messages to the user: its last fatal error (the one it stopped on; warnings and
 * earlier errors lead up to it), else its first line; one line, no prefix, nothing a terminal would act on.
 */
function gitReason(stderr: string, code: number | null = null): string {
  const lines = stderr.split('\n').filter((candidate) => candidate.trim() !== '');
  const line = lines.findLast((candidate) => /^(fatal|error): /.test(candidate)) ?? lines[0];
  if (line === undefined) return `git exited with code ${code ?? 'unknown'}`;
  const reason = printable(line.replace(/^(fatal|error): /, '').trim());
  return reason.length > 300 ? `${reason.slice(0, 300)}…` : reason;
}

import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';

interface CommandRun {
  /** The program and its arguments: never a shell string. */
  command: readonly [string, ...string[]];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Killed (its whole process group) when it runs longer. */
  timeoutMs: number;
  /** Everything it prints, appended here. */
  logFile: string;
  signal: AbortSignal;
  /** Told the process group while it runs, and null when it ended (a recovery stops a group its dead owner left). */
  onGroup?: ((group: number | null) => void) | undefined;
}

interface CommandOutcome {
  /** Null when it was killed (time limit, cancel) or could not start. */
  exitCode: number | null;
  timedOut: boolean;
  /** It could not start at all (the program is not installed), in one line. */
  startError: string | null;
  durationMs: number;
  /** Its last lines (standard output and error interleaved as they came). */
  logTail: string;
}

const tailBytes = 8 * 1024;
/** After SIGTERM, how long a process group has to stop before SIGKILL. */
const graceMs = 3_000;

/**
 * Runs one command of a draft in its worktree, in a process group of its own (a test runner's
 * workers, a package manager's scripts), so that a time limit or a cancel stops every process it
 * started. Output goes to the log file as it comes; the last lines are kept for the plan.
 */
export function runCommand(run: CommandRun): Promise<CommandOutcome> {
  const started = Date.now();
  const log = createWriteStream(run.logFile, { flags: 'a' });
  log.write(`$ ${run.command.join(' ')}\n`);
  let tail = '';
  const keep = (chunk: Buffer): void => {
    log.write(chunk);
    tail = (tail + chunk.toString('utf8')).slice(-tailBytes);
  };
  return new Promise<CommandOutcome>((resolve) => {
    const [program, ...args] = run.command;
    const child = spawn(program, args, { cwd: run.cwd, env: run.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    if (child.pid !== undefined) run.onGroup?.(child.pid);
    let timedOut = false;
    let startError: string | null = null;
    const stopGroup = (): void => {
      signalGroup(child.pid, 'SIGTERM');
      setTimeout(() => signalGroup(child.pid, 'SIGKILL'), graceMs).unref();
    };
    const timer = setTimeout(() => {
      timedOut = true;
      keep(Buffer.from(`\n[steward] stopped after ${Math.round(run.timeoutMs / 1000)} s, the gate's time limit\n`));
      stopGroup();
    }, run.timeoutMs);
    const onAbort = (): void => stopGroup();
    run.signal.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error: NodeJS.ErrnoException) => {
      startError = error.code === 'ENOENT' ? `${program} is not installed (or not on the PATH)` : error.message;
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      run.signal.removeEventListener('abort', onAbort);
      // Whatever it left running in its group goes with it.
      signalGroup(child.pid, 'SIGKILL');
      run.onGroup?.(null);
      if (startError) keep(Buffer.from(`[steward] ${startError}\n`));
      log.end(() =>
        resolve({ exitCode: timedOut || run.signal.aborted || startError ? null : code, timedOut, startError, durationMs: Date.now() - started, logTail: tail.split('\n').slice(-60).join('\n').trimEnd() }),
      );
    });
  });
}

function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is gone already.
  }
}

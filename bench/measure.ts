import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const gnuTime = '/usr/bin/time';

export interface Measurement {
  readonly wallSeconds: number;
  readonly userSeconds: number;
  readonly systemSeconds: number;
  /** user + system, of the command and every child it waited for. */
  readonly cpuSeconds: number;
  /** The largest resident set of any single process in the tree (getrusage semantics), not a sum. */
  readonly peakRssMb: number;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderrFirstLine: string;
  /** All of stderr, when asked for with `keepStderr`. */
  readonly stderr?: string;
}

export class Interrupted extends Error {
  constructor() {
    super('interrupted');
  }
}

let interrupted = false;

/**
 * Ctrl-C reaches the measured command too; we then stop after it ends instead of dying at once, so
 * that `finally` blocks can put a repository back the way they found it.
 */
export function stopCleanlyOnInterrupt(): void {
  process.on('SIGINT', () => {
    interrupted = true;
  });
}

export function requireGnuTime(): void {
  if (!existsSync(gnuTime)) {
    console.error(`${gnuTime} is missing; install it: apt-get install -y time`);
    process.exit(2);
  }
}

/** Runs a command under GNU time, with its output in files so that a pipe never slows it down. */
export async function measure(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; keepStderr?: boolean }): Promise<Measurement> {
  const scratch = mkdtempSync(join(tmpdir(), 'steward-bench-run-'));
  try {
    const files = { time: join(scratch, 'time'), stdout: join(scratch, 'stdout'), stderr: join(scratch, 'stderr') };
    const exitCode = await runTimed(command, args, options, files);
    if (interrupted) throw new Interrupted();
    const stderr = readFileSync(files.stderr, 'utf8');
    return {
      ...parseTime(readFileSync(files.time, 'utf8')),
      exitCode,
      stdout: readFileSync(files.stdout, 'utf8'),
      stderrFirstLine: firstLine(stderr),
      ...(options.keepStderr ? { stderr } : {}),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function runTimed(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
  files: { time: string; stdout: string; stderr: string },
): Promise<number> {
  const stdout = openSync(files.stdout, 'w');
  const stderr = openSync(files.stderr, 'w');
  const child = spawn(gnuTime, ['-f', '%e %U %S %M', '-o', files.time, command, ...args], { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', stdout, stderr] });
  return new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  }).finally(() => {
    closeSync(stdout);
    closeSync(stderr);
  });
}

/** GNU time writes "Command exited with non-zero status N" first when the command fails: the figures are on the last line. */
function parseTime(text: string): Pick<Measurement, 'wallSeconds' | 'userSeconds' | 'systemSeconds' | 'cpuSeconds' | 'peakRssMb'> {
  const last = text.trim().split('\n').at(-1) ?? '';
  const [wall, user, system, rssKb] = last.split(' ').map(Number);
  if (wall === undefined || user === undefined || system === undefined || rssKb === undefined || [wall, user, system, rssKb].some(Number.isNaN)) {
    throw new Error(`unexpected output from ${gnuTime}: ${JSON.stringify(text)}`);
  }
  return { wallSeconds: wall, userSeconds: user, systemSeconds: system, cpuSeconds: round(user + system), peakRssMb: round(rssKb / 1024) };
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
}

export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

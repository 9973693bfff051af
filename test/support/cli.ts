import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const stewardBin = fileURLToPath(new URL('../../bin/steward.js', import.meta.url));

interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `steward` command as a user would, with its own data folder (from `cwd`, when given). */
export function steward(home: string, args: string[], cwd?: string): CliResult {
  const result = spawnSync(process.execPath, [stewardBin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, STEWARD_HOME: home, CI: 'true' },
    ...(cwd === undefined ? {} : { cwd }),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function stewardJson<T>(home: string, args: string[]): T {
  const result = steward(home, [...args, '--json']);
  if (result.status !== 0) throw new Error(`steward ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

export function spawnSteward(home: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, [stewardBin, ...args], { env: { ...process.env, STEWARD_HOME: home, CI: 'true', ...env }, stdio: 'pipe' });
}

/** Runs `steward` without blocking this process (for tests that serve something it asks, such as a registry). */
export function runSteward(home: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [stewardBin, ...args], { env: { ...process.env, STEWARD_HOME: home, CI: 'true', ...env }, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

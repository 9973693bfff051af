import { type ChildProcess, spawn } from 'node:child_process';
import { stewardBin } from '../support/cli.js';

interface RunningServer {
  url: string;
  origin: string;
  token: string;
  stop(): Promise<void>;
}

/** Starts `steward serve` as a user would and reads the address it prints; `env` adds to its environment (a registry, say). */
export async function startServer(home: string, env: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, [stewardBin, 'serve'], {
    env: { ...process.env, STEWARD_HOME: home, CI: 'true', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`steward serve exited with ${code}: ${output}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token')!,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGINT');
      }),
  };
}

import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { stewardBin } from '../../support/cli.js';

export interface ServeProcess {
  url: string;
  port: number;
  token: string;
  /** Everything `steward serve` printed so far. */
  output(): { stdout: string; stderr: string };
  /** Stops it with Ctrl-C and waits for it to exit. */
  stop(): Promise<number | null>;
}

/** Starts `steward serve` as a user would, keeping all it prints (the token may appear in the one address only). */
export async function startServeProcess(home: string, env: NodeJS.ProcessEnv = {}): Promise<ServeProcess> {
  const child: ChildProcess = spawn(process.execPath, [stewardBin, 'serve'], { env: { ...process.env, STEWARD_HOME: home, CI: 'true', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    void exited.then((code) => reject(new Error(`steward serve exited with ${code}: ${stdout}${stderr}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    port: Number(parsed.port),
    token: parsed.searchParams.get('token')!,
    output: () => ({ stdout, stderr }),
    stop: () => {
      child.kill('SIGINT');
      return exited;
    },
  };
}

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One HTTP request exactly as given: the path is sent as written (no `..` resolved, no escapes
 * decoded) and the Host header may name anything, as a hostile page or a DNS-rebinding attack would.
 */
export function rawRequest(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const sent = request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    sent.on('error', reject);
    sent.end(options.body);
  });
}

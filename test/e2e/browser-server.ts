import { type ChildProcess, spawn } from 'node:child_process';
import { stewardBin } from '../support/cli.js';

interface RunningServer {
  url: string;
  origin: string;
  token: string;
  /** The server's process id (to sample its memory). */
  pid: number;
  /** Calls a route as the app does; rejects with the error's message when the answer is not ok. */
  call<T>(route: string, input: unknown): Promise<T>;
  /** Listens to the server's events from now on (once it resolves), to learn how scans end (a finished scan leaves `scans.list`). */
  watchScans(): Promise<ScanWatch>;
  stop(): Promise<void>;
}

interface ScanEnd {
  state: string;
  error: { code: string; message: string } | null;
}

interface ScanWatch {
  /** The job's final state, once its event arrives. */
  ended(jobId: string): Promise<ScanEnd>;
  close(): void;
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
  const token = parsed.searchParams.get('token')!;
  const authorization = { authorization: `Bearer ${token}` };
  return {
    url,
    origin: parsed.origin,
    token,
    pid: child.pid!,
    async call<T>(route: string, input: unknown): Promise<T> {
      const response = await fetch(`${parsed.origin}/api/${route}`, { method: 'POST', headers: { ...authorization, 'content-type': 'application/json' }, body: JSON.stringify(input) });
      const envelope = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
      if (!envelope.ok) throw new Error(`${route}: ${envelope.error?.message ?? response.status}`);
      return envelope.value;
    },
    watchScans: () => watchScans(parsed.origin, authorization),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGINT');
      }),
  };
}

async function watchScans(origin: string, headers: Record<string, string>): Promise<ScanWatch> {
  const ends = new Map<string, ScanEnd>();
  const waiting = new Map<string, (end: ScanEnd) => void>();
  const controller = new AbortController();
  const response = await fetch(`${origin}/api/events`, { headers, signal: controller.signal });
  void (async () => {
    const decoder = new TextDecoder();
    let pending = '';
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      pending += decoder.decode(chunk, { stream: true });
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('data: {')) continue;
        const event = JSON.parse(line.slice('data: '.length)) as { type: string; job?: { id: string } & ScanEnd };
        if (event.type !== 'scan' || !event.job || ['queued', 'running'].includes(event.job.state)) continue;
        const end = { state: event.job.state, error: event.job.error };
        ends.set(event.job.id, end);
        waiting.get(event.job.id)?.(end);
      }
    }
  })().catch(() => {});
  return {
    ended: (jobId) => new Promise((resolve) => (ends.has(jobId) ? resolve(ends.get(jobId)!) : waiting.set(jobId, resolve))),
    close: () => controller.abort(),
  };
}

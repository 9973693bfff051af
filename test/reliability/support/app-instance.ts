import { request } from 'node:http';
import type { Draft } from '../../../core/api/drafts.js';
import type { StewardEvent } from '../../../core/api/events.js';
import type { ApiError } from '../../../core/api/errors.js';
import type { ScanJob } from '../../../core/api/scans.js';
import { startServer } from '../../e2e/browser-server.js';

/** A route's answer, as the renderer gets it. */
export type Answer<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** How long any one wait may take before the test calls it a hang (a hang detector, not a timing). */
export const hangAfterMs = 180_000;

/** Waits for a state, polling; fails only when it never comes (a hang). */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + hangAfterMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Hang: ${what} did not happen within ${hangAfterMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * One running app instance in browser mode (`steward serve`, the same core the desktop app runs),
 * reached as the renderer reaches it: its HTTP API with the launch token, and its event stream,
 * from which each job's final state is read.
 */
export interface AppInstance {
  name: string;
  call<T>(route: string, payload: unknown): Promise<Answer<T>>;
  /** The job's last state once it ended (succeeded, failed or cancelled). */
  jobEnded(jobId: string): Promise<ScanJob>;
  /** The draft once it is no longer drafting. */
  draftEnded(draftId: string): Promise<Draft>;
  stop(): Promise<void>;
}

export async function startAppInstance(name: string, home: string): Promise<AppInstance> {
  const server = await startServer(home);
  const headers = { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' };
  const jobs = new Map<string, ScanJob>();
  const drafts = new Map<string, Draft>();
  const events = new AbortController();
  const stream = await fetch(`${server.origin}/api/events`, { headers, signal: events.signal });
  if (!stream.ok || !stream.body) throw new Error(`${name}: the event stream answered ${stream.status}`);
  // Read in the background until stopped: each `data:` line is one event.
  void (async () => {
    let pending = '';
    const decoder = new TextDecoder();
    try {
      for await (const chunk of stream.body as unknown as AsyncIterable<Uint8Array>) {
        pending += decoder.decode(chunk, { stream: true });
        const lines = pending.split('\n');
        pending = lines.pop()!;
        for (const line of lines) {
          if (!line.startsWith('data: ') || line === 'data: ') continue;
          const event = JSON.parse(line.slice('data: '.length)) as StewardEvent;
          if (event.type === 'scan') jobs.set(event.job.id, event.job);
          if (event.type === 'draft') drafts.set(event.draft.id, event.draft);
        }
      }
    } catch {
      // Stopped.
    }
  })();
  return {
    name,
    call: <T>(route: string, payload: unknown) => post<T>(`${server.origin}/api/${route}`, headers, payload),
    jobEnded: (jobId) => waitFor(`${name}'s job ${jobId} to end`, () => {
      const job = jobs.get(jobId);
      return job && ['succeeded', 'failed', 'cancelled'].includes(job.state) ? job : undefined;
    }),
    draftEnded: (draftId) => waitFor(`${name}'s draft ${draftId} to end`, () => {
      const draft = drafts.get(draftId);
      return draft && draft.state !== 'drafting' ? draft : undefined;
    }),
    async stop() {
      events.abort();
      await server.stop();
    },
  };
}

/**
 * A POST on a connection of its own. fetch reuses kept-alive connections, and on a loaded machine the
 * server may close one just as a request goes out on it ("other side closed"): a flake of the test's
 * client, which a browser retries, not an answer of Steward's.
 */
function post<T>(url: string, headers: Record<string, string>, payload: unknown): Promise<Answer<T>> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { method: 'POST', headers, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        try {
          resolve(JSON.parse(body) as Answer<T>);
        } catch {
          reject(new Error(`${url} answered ${response.statusCode} with ${body.slice(0, 200)}`));
        }
      });
    });
    sent.on('error', reject);
    sent.end(JSON.stringify(payload));
  });
}

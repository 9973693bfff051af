import type { ServerWatch } from './server-watch.js';
import { parseJson } from '../../../analyzers/documents/parse-document.js';

/** Limits of every request to a registry or an advisory source (docs/dependency-metrics.md, "Network limits"). */
const requestLimits = {
  /** For the answer to begin (connecting included), and for each pause while its body arrives. */
  timeoutMs: 10_000,
  /** For one request, every attempt and backoff included. */
  budgetMs: 60_000,
  /** Further attempts after a network error, a timeout, a 5xx, a 429 or a document cut short. */
  retries: 2,
  /** The largest document read; a package document of the biggest packages is 10–30 MB. */
  maxBytes: 100 * 1024 * 1024,
};

export interface RequestOptions {
  /** For the answer to begin, and for each pause in its body (default 10 s). */
  timeoutMs?: number;
  /** For the request, all attempts included (default 60 s). */
  budgetMs?: number;
  retries?: number;
  maxBytes?: number;
  signal?: AbortSignal;
  /** Shared by the requests of one check, so that a server that stopped answering is given up on once, not once per package. */
  servers?: ServerWatch;
}

type JsonOutcome<T> =
  | { kind: 'document'; document: T; etag: string | null; lastModified: string | null }
  | { kind: 'not-modified' }
  | { kind: 'failed'; reason: string; status?: number };

interface JsonRequest<T> {
  headers: Record<string, string>;
  body?: unknown;
  /** Who answers, for the reasons ("the registry" by default). */
  server?: string;
  /** What to keep of the document (a package document can be 50 MB), so the whole of it is dropped at once; a throw is the answer's failure. */
  reduce?: (document: unknown) => T;
}

/** Why an attempt ended without an answer: the server's fault, so another attempt may do better. */
class NoAnswer extends Error {
  constructor(
    message: string,
    /** Worth another attempt (a timeout, a dropped connection); not for a document over the size limit. */
    readonly retry = true,
  ) {
    super(message);
  }
}

type Answer = { status: number; headers: Headers; body?: Buffer };

/**
 * One request for a JSON document (a GET, or a POST with a JSON body), bounded in time (the answer
 * must begin within `timeoutMs`, its body must never pause longer, and the whole request, retries
 * included, must end within `budgetMs`) and in size (`maxBytes`, read as it streams), tried again
 * after a backoff on a network error, a timeout, a 5xx, a 429 or a document cut short. Other answers
 * are final. A server the shared watch has given up on is not asked.
 */
export function requestJson<T = unknown>(url: string, init: JsonRequest<T>, options: RequestOptions): Promise<JsonOutcome<T>> {
  const server = init.server ?? 'the registry';
  return request<T>(url, init, options, (body): Decoded<T> => {
    let document: unknown;
    try {
      document = parseJson(body.toString('utf8'));
    } catch {
      return { retry: `${server} sent invalid JSON` };
    }
    try {
      return { value: init.reduce ? init.reduce(document) : (document as T) };
    } catch (error) {
      return { fail: (error as Error).message };
    }
  });
}

/** One GET of a file (a package tarball), with the same limits, retries and reasons as requestJson. */
export function requestBytes(url: string, init: { headers: Record<string, string>; server?: string }, options: RequestOptions): Promise<JsonOutcome<Buffer>> {
  return request(url, init, options, (body) => ({ value: body }));
}

/** What a body makes of an answer: its value, a reason to ask again, or a final failure. */
type Decoded<T> = { value: T } | { retry: string } | { fail: string };

async function request<T>(url: string, init: { headers: Record<string, string>; body?: unknown; server?: string }, options: RequestOptions, decode: (body: Buffer) => Decoded<T>): Promise<JsonOutcome<T>> {
  const limits = { ...requestLimits, ...definedOnly(options) };
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  const headers = body === undefined ? init.headers : { ...init.headers, 'content-type': 'application/json' };
  const server = init.server ?? 'the registry';
  const origin = new URL(url).origin;
  const deadline = Date.now() + limits.budgetMs;
  let reason = '';
  let attempts = 0;
  while (attempts <= limits.retries) {
    if (attempts > 0) await delay(250 * 2 ** (attempts - 1), options.signal);
    // Asked after the backoff: requests that failed together have all been counted by then.
    const given = options.servers?.givenUp(origin);
    if (given) return { kind: 'failed', reason: attempts === 0 ? `not asked: ${server} ${given}` : `${reason}; then ${server} ${given}` };
    const left = deadline - Date.now();
    if (left <= 0) break;
    options.signal?.throwIfAborted();
    attempts++;
    let answer: Answer;
    try {
      answer = await attempt(url, { method: body === undefined ? 'GET' : 'POST', headers, body }, { ...limits, budgetMs: left }, server, options.signal);
    } catch (error) {
      options.signal?.throwIfAborted();
      if (!(error instanceof NoAnswer)) throw error;
      reason = error.message;
      options.servers?.failed(origin, reason);
      // A name that does not resolve will not resolve a moment later, nor will a document grow smaller.
      if (!error.retry) break;
      continue;
    }
    options.servers?.answered(origin);
    if (answer.status === 304) return { kind: 'not-modified' };
    if (answer.status >= 200 && answer.status < 300) {
      const decoded = decode(answer.body!);
      if ('retry' in decoded) {
        reason = decoded.retry;
        continue;
      }
      if ('fail' in decoded) return { kind: 'failed', reason: decoded.fail };
      return { kind: 'document', document: decoded.value, etag: answer.headers.get('etag'), lastModified: answer.headers.get('last-modified') };
    }
    reason = `${server} answered HTTP ${answer.status}${answer.status === 401 || answer.status === 403 ? ' (check the credentials in .npmrc)' : ''}`;
    if (answer.status !== 429 && answer.status < 500) return { kind: 'failed', reason, status: answer.status };
  }
  if (reason === '') reason = `no answer within ${seconds(limits.budgetMs)}`;
  return { kind: 'failed', reason: attempts > 1 ? `${reason}, ${attempts} attempts` : reason };
}

/** One attempt: the answer's status and headers, and for a success its body as text, all within the limits. */
async function attempt(url: string, init: RequestInit, limits: typeof requestLimits, server: string, signal: AbortSignal | undefined): Promise<Answer> {
  const controller = new AbortController();
  const stop = (reason: NoAnswer): void => controller.abort(reason);
  const onAbort = (): void => controller.abort(signal!.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  let pause = setTimeout(() => stop(new NoAnswer(`no answer within ${seconds(limits.timeoutMs)}`)), limits.timeoutMs);
  const whole = setTimeout(() => stop(new NoAnswer(`the answer took longer than ${seconds(limits.budgetMs)}`)), limits.budgetMs);
  try {
    const response = await fetch(url, { ...init, signal: controller.signal });
    clearTimeout(pause);
    if (response.status < 200 || response.status >= 300) {
      await response.body?.cancel();
      return { status: response.status, headers: response.headers };
    }
    const tooLarge = new NoAnswer(`${server} sent a document larger than ${Math.round(limits.maxBytes / 1024 / 1024)} MB (not read)`, false);
    if (Number(response.headers.get('content-length') ?? 0) > limits.maxBytes) {
      await response.body?.cancel();
      throw tooLarge;
    }
    const reader = response.body!.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      pause = setTimeout(() => stop(new NoAnswer(`${server} stopped sending for ${seconds(limits.timeoutMs)}`)), limits.timeoutMs);
      const { done, value } = await reader.read();
      clearTimeout(pause);
      if (done) break;
      size += value.byteLength;
      if (size > limits.maxBytes) {
        await reader.cancel();
        throw tooLarge;
      }
      chunks.push(value);
    }
    return { status: response.status, headers: response.headers, body: Buffer.concat(chunks) };
  } catch (error) {
    if (error instanceof NoAnswer) throw error;
    const reason: unknown = controller.signal.reason;
    if (controller.signal.aborted && reason instanceof NoAnswer) throw reason;
    if (signal?.aborted) throw signal.reason;
    const code = networkReason(error);
    throw new NoAnswer(`${server} could not be reached (${code})`, code !== 'ENOTFOUND');
  } finally {
    clearTimeout(pause);
    clearTimeout(whole);
    signal?.removeEventListener('abort', onAbort);
  }
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

function seconds(ms: number): string {
  return `${ms / 1000} s`;
}

function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function definedOnly(options: RequestOptions): Partial<typeof requestLimits> {
  const { timeoutMs, budgetMs, retries, maxBytes } = options;
  return Object.fromEntries(Object.entries({ timeoutMs, budgetMs, retries, maxBytes }).filter(([, value]) => value !== undefined));
}

export interface RequestOptions {
  /** Per attempt (default 15 s). */
  timeoutMs?: number;
  /** Further attempts after a network error, a timeout, a 5xx, a 429 or a truncated document (default 2). */
  retries?: number;
  signal?: AbortSignal;
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

/**
 * One request for a JSON document (a GET, or a POST with a JSON body), tried again after a backoff
 * on a network error, a timeout, a 5xx, a 429 or a document cut short. Other answers are final.
 */
export async function requestJson<T = unknown>(url: string, init: JsonRequest<T>, options: RequestOptions): Promise<JsonOutcome<T>> {
  const retries = options.retries ?? 2;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  const headers = body === undefined ? init.headers : { ...init.headers, 'content-type': 'application/json' };
  const server = init.server ?? 'the registry';
  let reason = '';
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** (attempt - 1)));
    options.signal?.throwIfAborted();
    const signal = options.signal ? AbortSignal.any([options.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
    try {
      const response = await fetch(url, { method: body === undefined ? 'GET' : 'POST', headers, body, signal });
      if (response.status === 304) return { kind: 'not-modified' };
      if (response.ok) {
        const read = async (): Promise<JsonOutcome<T> | undefined> => {
          let document: unknown;
          try {
            document = JSON.parse(await response.text());
          } catch {
            return undefined;
          }
          try {
            return { kind: 'document', document: init.reduce ? init.reduce(document) : (document as T), etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
          } catch (error) {
            return { kind: 'failed', reason: (error as Error).message };
          }
        };
        const outcome = await read();
        if (outcome) return outcome;
        reason = `${server} sent invalid JSON`;
        continue;
      }
      await response.body?.cancel();
      reason = `${server} answered HTTP ${response.status}${response.status === 401 || response.status === 403 ? ' (check the credentials in .npmrc)' : ''}`;
      if (response.status !== 429 && response.status < 500) return { kind: 'failed', reason, status: response.status };
    } catch (error) {
      options.signal?.throwIfAborted();
      reason = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : `${server} could not be reached (${networkReason(error)})`;
      // A name that does not resolve will not resolve a moment later.
      if (networkReason(error) === 'ENOTFOUND') return { kind: 'failed', reason };
    }
  }
  return { kind: 'failed', reason: retries > 0 ? `${reason}, ${retries + 1} attempts` : reason };
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

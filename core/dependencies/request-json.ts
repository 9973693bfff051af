export interface RequestOptions {
  /** Per attempt (default 15 s). */
  timeoutMs?: number;
  /** Further attempts after a network error, a timeout, a 5xx, a 429 or a truncated document (default 2). */
  retries?: number;
  signal?: AbortSignal;
}

type JsonOutcome =
  | { kind: 'document'; document: unknown; etag: string | null; lastModified: string | null }
  | { kind: 'not-modified' }
  | { kind: 'failed'; reason: string; status?: number };

/**
 * One request for a JSON document (a GET, or a POST with a JSON body), tried again after a backoff
 * on a network error, a timeout, a 5xx, a 429 or a document cut short. Other answers are final.
 */
export async function requestJson(url: string, init: { headers: Record<string, string>; body?: unknown; server?: string }, options: RequestOptions): Promise<JsonOutcome> {
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
        const text = await response.text();
        try {
          return { kind: 'document', document: JSON.parse(text), etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
        } catch {
          reason = `${server} sent invalid JSON`;
          continue;
        }
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

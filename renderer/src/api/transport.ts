import type { PrintToPdfRequest } from '../../../core/api/print';
import type { Envelope, RouteName } from '../../../core/api/routes';

/** How the renderer reaches the engine: Electron's preload, or the browser-mode HTTP bridge. */
export interface Transport {
  call(route: RouteName, input: unknown): Promise<Envelope>;
  subscribe(listener: (event: unknown) => void): () => void;
}

/** What the Electron preload exposes as window.steward. */
interface PreloadBridge {
  routes: Record<RouteName, (input: unknown) => Promise<Envelope>>;
  onEvent(listener: (event: unknown) => void): () => void;
  /** Prints the window to a PDF file the user picks (electron/main/print-to-pdf.ts). */
  printToPdf?(request: PrintToPdfRequest): Promise<Envelope>;
}

declare global {
  interface Window {
    steward?: PreloadBridge;
  }
}

export function ipcTransport(bridge: PreloadBridge): Transport {
  return { call: (route, input) => bridge.routes[route](input), subscribe: (listener) => bridge.onEvent(listener) };
}

const reconnectDelayMs = 1000;

/** Browser mode: the token from the address the server printed authorises every request. */
export function httpTransport(token: string): Transport {
  const headers = { Authorization: `Bearer ${token}` };
  // One event stream for every subscriber: a browser keeps only six connections to a host, and calls need theirs.
  const listeners = new Set<(event: unknown) => void>();
  let stream: AbortController | null = null;
  return {
    async call(route, input) {
      const response = await fetch(`/api/${route}`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      if (response.headers.get('content-type')?.includes('application/json')) return (await response.json()) as Envelope;
      return { ok: false, error: { code: 'unavailable', message: `Steward answered ${response.status} ${response.statusText}` } };
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!stream) {
        stream = new AbortController();
        const tell = (event: unknown) => listeners.forEach((each) => each(event));
        // Each stream opens with the store the app is on; one other than the first means the app moved while the stream was away.
        let storeShown: string | null = null;
        const onStore = (store: string) => {
          if (storeShown !== null && store !== storeShown) tell({ type: 'store' });
          storeShown = store;
        };
        void readEventStream(headers, tell, onStore, stream.signal);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        stream?.abort();
        stream = null;
      };
    },
  };
}

/** Server-sent events over fetch (EventSource cannot send the token header), reconnecting when dropped. */
async function readEventStream(headers: Record<string, string>, listener: (event: unknown) => void, onStore: (store: string) => void, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    try {
      const response = await fetch('/api/events', { headers, signal });
      const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      while (reader) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const lines = buffer.slice(0, end).split('\n');
          buffer = buffer.slice(end + 2);
          const field = (name: string) =>
            lines
              .filter((line) => line.startsWith(`${name}:`))
              .map((line) => line.slice(name.length + 1).trimStart())
              .join('\n');
          const data = field('data');
          if (!data) continue;
          if (field('event') === 'store') onStore(JSON.parse(data) as string);
          else listener(JSON.parse(data));
        }
      }
    } catch {
      // Dropped or refused: try again shortly, unless the subscriber has gone.
    }
    if (!signal.aborted) await new Promise((resolve) => setTimeout(resolve, reconnectDelayMs));
  }
}

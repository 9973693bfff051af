import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { STATUS_CODES, createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import { dispatch } from '../api/dispatch.js';
import { type ErrorCode, StewardError } from '../api/errors.js';
import type { Envelope } from '../api/routes.js';
import type { Steward } from '../steward.js';
import { contentSecurityPolicy } from './content-security-policy.js';

interface BrowserServerOptions {
  steward: Steward;
  /** 0 picks a free port. */
  port: number;
  /** The built renderer (index.html and assets). */
  rendererRoot: string;
}

interface BrowserServer {
  /** The address to open, carrying the per-launch token. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const host = '127.0.0.1';
export const statusOf: Record<ErrorCode, 400 | 404 | 409 | 500 | 503> = {
  'invalid-input': 400,
  'not-found': 404,
  busy: 409,
  cancelled: 409,
  unavailable: 503,
  internal: 500,
};

/**
 * Browser mode: the renderer and the API on 127.0.0.1 only. Every API request must carry the
 * per-launch token (Authorization: Bearer), and requests naming another Host or Origin are refused,
 * so neither another user's page nor a DNS-rebinding attack can reach the user's data.
 */
export async function startBrowserServer({ steward, port, rendererRoot }: BrowserServerOptions): Promise<BrowserServer> {
  const index = join(rendererRoot, 'index.html');
  if (!existsSync(index)) {
    throw new StewardError('unavailable', `The app's interface is not built (${index} is missing); run "npm run build" first`);
  }
  const token = randomBytes(24).toString('base64url');
  let origins: string[] = [];

  const app = new Hono();
  // First, so that every response carries them, refusals included.
  app.use(async (c, next) => {
    await next();
    c.header('Content-Security-Policy', contentSecurityPolicy);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
  });
  app.use(async (c, next) => {
    const allowedHosts = origins.map((origin) => origin.slice('http://'.length));
    if (!allowedHosts.includes(c.req.header('host') ?? '')) return c.json(failure('invalid-input', 'Forbidden: unexpected Host header'), 403);
    const origin = c.req.header('origin');
    if (origin !== undefined && !origins.includes(origin)) return c.json(failure('invalid-input', 'Forbidden: cross-origin request'), 403);
    await next();
  });

  app.use('/api/*', async (c, next) => {
    const presented = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    if (!presented || !sameSecret(presented, token)) {
      return c.json(failure('invalid-input', 'Missing or wrong token: open the address printed by "steward serve"'), 401);
    }
    await next();
  });

  app.get('/api/events', (c) =>
    streamSSE(c, async (stream) => {
      const unsubscribe = steward.subscribe((event) => void stream.writeSSE({ data: JSON.stringify(event) }));
      // First, the store the app is on: a page whose stream was away while the app moved to another learns it here.
      const { store } = await steward.handlers['app.info']({});
      await stream.writeSSE({ event: 'store', data: JSON.stringify(`${store.kind} ${store.where}`) });
      // A heartbeat keeps proxies and the browser from timing the stream out; it never keeps the process alive.
      const heartbeat = setInterval(() => void stream.writeSSE({ event: 'ping', data: '' }), 15_000).unref();
      return new Promise<void>((resolve) =>
        stream.onAbort(() => {
          clearInterval(heartbeat);
          unsubscribe();
          resolve();
        }),
      );
    }),
  );

  const tooLarge = (c: Context) => c.json(failure('invalid-input', 'The request body is over 1 MB'), 413);
  app.post('/api/:route', bodyLimit({ maxSize: 1024 * 1024, onError: tooLarge }), async (c) => {
    if (!/^application\/json\s*(;|$)/i.test(c.req.header('content-type') ?? '')) {
      return c.json(failure('invalid-input', 'Send the request body as JSON, with Content-Type: application/json'), 415);
    }
    let payload: unknown;
    try {
      payload = await c.req.json();
    } catch {
      return c.json(failure('invalid-input', 'The request body is not valid JSON'), 400);
    }
    const envelope = await dispatch(steward.handlers, c.req.param('route'), payload);
    return c.json(envelope, envelope.ok ? 200 : statusOf[envelope.error.code]);
  });

  // Whatever else asks under /api/ gets a typed error too, not the static files' text 404.
  app.all('/api/*', (c) => {
    if (c.req.method === 'POST') return c.json(failure('not-found', `Unknown route "${c.req.path.slice('/api/'.length)}"`), 404);
    c.header('Allow', 'POST');
    return c.json(failure('invalid-input', `${c.req.method} is not allowed: every route takes a POST`), 405);
  });

  app.get('/', serveIndex);
  app.get('/index.html', serveIndex);
  app.use('/*', serveStatic({ root: rendererRoot }));

  // A request whose address cannot be read (a Host such as "127.0.0.1:80.evil.example") gets a typed
  // error too; one without a Host header reaches the checks above instead of Node's bare 400.
  const listener = getRequestListener(app.fetch, {
    hostname: host,
    errorHandler: () => Response.json(failure('invalid-input', 'The request names an address that is not valid'), { status: 400 }),
  });
  const server = createServer({ requireHostHeader: false }, listener);
  server.listen(port, host);
  // A request Node's parser refuses (headers over its limit, malformed HTTP) gets a typed error too, not a bare status line.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    // As Node's own handler: an answer only on a connection that has not started one.
    if (!socket.writable || socket.bytesWritten > 0) return void socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const body = JSON.stringify(failure('invalid-input', status === 431 ? 'The request headers are too large' : 'The request is not valid HTTP'));
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new StewardError('invalid-input', `Port ${port} is already in use; choose another with --port`)
          : error,
      ),
    );
  });
  const actualPort = (server.address() as AddressInfo).port;
  origins = [`http://${host}:${actualPort}`, `http://localhost:${actualPort}`];

  return {
    url: `http://${host}:${actualPort}/?token=${token}`,
    port: actualPort,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Event streams never end by themselves.
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };

  async function serveIndex(c: Context): Promise<Response> {
    const presented = c.req.query('token');
    if (!presented || !sameSecret(presented, token)) {
      return c.html(
        '<!doctype html><title>Steward</title><p>This address needs the key that <code>steward serve</code> printed. Open the full address it showed.</p>',
        401,
      );
    }
    c.header('Cache-Control', 'no-store');
    return (await serveStatic({ path: index })(c, async () => {})) ?? c.notFound();
  }
}

function failure(code: ErrorCode, message: string): Envelope {
  return { ok: false, error: { code, message } };
}

function sameSecret(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

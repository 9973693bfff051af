import { type IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiErrorSchema } from '../../core/api/errors.js';
import { type Envelope, type Handlers, type RouteName, routeNames, routes } from '../../core/api/routes.js';
import { routeChannel } from '../../electron/ipc-channels.js';
import { type IpcMainLike, registerIpcRoutes } from '../../electron/main/ipc-router.js';
import { startBrowserServer, statusOf } from '../../core/server/browser-server.js';
import type { Steward } from '../../core/steward.js';
import { recordFigures, scaled, seed } from './scale.js';
import { type KnownValues, fuzzSteward, stubRenderer } from './support/fuzz-steward.js';
import { type HandlerCall, guardedHandlers } from './support/guarded-handlers.js';
import { hostileJson, hostileValue } from './support/hostile-values.js';
import { type Hint, propertyNames, validInput } from './support/schema-arbitrary.js';

/**
 * Every route of the API, through the Electron IPC router and browser mode's HTTP server, fed
 * random, malformed and hostile payloads (property-based, one seed): each answer is an envelope —
 * a value matching the route's output schema, or a typed error in one line — never a crash, an
 * internal error or a stack trace, and the core's handlers only ever receive what the route's
 * schema made of the payload.
 */

const appEntry = 'file:///opt/steward/out/renderer/index.html';
const appPage = `${appEntry}#/repositories/1`;
/**
 * Routes whose valid requests start real work — a draft's worktree, reading a repository's history
 * for test results, scanning every repository, forecasting every repository — take 0.3–1 s a call
 * here (the work is started, then cancelled or finished), so they get fewer runs than the others.
 */
// app.chooseStore: each valid request tries to reach a server (none answers).
const slowRoutes = new Set<RouteName>(['drafts.create', 'tests.import', 'scans.startAll', 'portfolio.overview', 'app.chooseStore']);
const ipcRuns = (route: RouteName): number => (slowRoutes.has(route) ? scaled(5, 100) : scaled(25, 1000));
/** Only to detect a hang: a full run of a slow route takes minutes on a loaded 2-core machine. */
const hangDetector = scaled(120_000, 1_800_000);
const httpRuns = (route: RouteName): number => (slowRoutes.has(route) ? scaled(1, 20) : scaled(3, 100));
const cases = { ipc: 0, senders: 0, http: 0 };
const started = Date.now();

const EnvelopeSchema = z.union([z.strictObject({ ok: z.literal(true), value: z.unknown() }), z.strictObject({ ok: z.literal(false), error: ApiErrorSchema.strict() })]);

/** What every answer must be, whatever was asked: an envelope with a schema-true value, or a typed one-line error that is not `internal`. */
function expectEnvelope(route: string, envelope: unknown): asserts envelope is Envelope {
  const parsed = EnvelopeSchema.safeParse(envelope);
  expect(parsed.success, `${route} answered something that is not an envelope: ${JSON.stringify(envelope)?.slice(0, 300)}`).toBe(true);
  const answer = parsed.data!;
  if (answer.ok) {
    // The value crosses IPC and HTTP as JSON: it must still match its schema once it has.
    const output = routes[route as RouteName].output.safeParse(JSON.parse(JSON.stringify(answer.value)));
    expect(output.success, `${route}'s value does not match its output schema: ${output.error?.message.slice(0, 500)}`).toBe(true);
    return;
  }
  const { code, message } = answer.error;
  expect(code, `${route}: ${message}`).not.toBe('internal');
  expect(message.trim(), `${route}: an empty message`).not.toBe('');
  expect(message, `${route}: the message is not one line`).not.toMatch(/[\r\n]/);
  expect(message, `${route}: the message carries a stack trace`).not.toMatch(/\bat .+:\d+:\d+/);
  expect(message.length, `${route}: a message nobody can read (${message.slice(0, 200)}…)`).toBeLessThanOrEqual(5000);
}

/** Requests for a route: valid ones (real ids mixed in), valid ones with one field broken or extra hostile keys, its keys with wrong types, and anything at all. */
function payloads(route: RouteName, hint: Hint, hostile: fc.Arbitrary<unknown> = hostileValue): fc.Arbitrary<unknown> {
  const schema = routes[route].input;
  const keys = propertyNames(schema);
  const valid = validInput(schema, hint);
  const key = keys.length > 0 ? fc.constantFrom(...keys) : fc.constant('extra');
  const oneFieldBroken = fc.tuple(valid, key, fc.option(hostile, { nil: undefined, freq: 4 })).map(([value, name, broken]) => {
    const copy = { ...(value as Record<string, unknown>) };
    if (broken === undefined) delete copy[name];
    else copy[name] = broken;
    return copy;
  });
  // JSON.parse makes `__proto__` an own key, as a JSON body or a structured clone delivers it.
  const polluted = valid.map((value) => JSON.parse(`{"__proto__":{"polluted":true,"id":1,"repositoryId":1},"constructor":{"prototype":{"polluted":true}}${JSON.stringify(value).replace(/^\{\}?/, ',').replace(/^,$/, '}')}`) as unknown);
  const wrongTypes = fc.dictionary(key, hostile, { minKeys: 1, maxKeys: Math.max(1, keys.length) });
  return fc.oneof(
    { arbitrary: valid, weight: 3 },
    { arbitrary: oneFieldBroken, weight: 3 },
    { arbitrary: wrongTypes, weight: 2 },
    { arbitrary: polluted, weight: 1 },
    { arbitrary: hostile, weight: 2 },
  );
}

/** Real ids, fingerprints, paths and keys for properties that name them, so valid requests reach data. */
function hintFrom(known: KnownValues): Hint {
  const pick = <T>(values: readonly T[]) => (values.length > 0 ? fc.constantFrom(...values) : undefined);
  return (name, type) => {
    if (type === 'integer' && ['repositoryId', 'repositoryIds[]'].includes(name)) return pick(known.repositoryIds);
    if (type === 'integer' && ['snapshotId', 'from', 'to', 'id'].includes(name)) return pick([...known.snapshotIds, ...known.repositoryIds]);
    if (type === 'string' && name === 'id') return pick(known.draftIds);
    if (name === 'fingerprint') return pick(known.fingerprints);
    if (['key', 'into', 'merge[]'].includes(name)) return pick(known.identityKeys);
    if (name === 'path') return pick([...known.repositoryPaths, ...known.snapshotFiles]);
    // Test results are named by their full path (the API has no working folder).
    if (name === 'files[]') return pick(known.repositoryPaths.flatMap((root) => known.snapshotFiles.map((file) => join(root, file))));
    return undefined;
  };
}

let steward: Steward;
let known: KnownValues;
let calls: HandlerCall[];
let guarded: Handlers;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
const channels = new Map<string, Parameters<IpcMainLike['handle']>[1]>();

/** A call as the preload makes it: the payload structured-cloned across the process boundary. */
function invoke(route: string, url: string | null, payload: unknown): Promise<Envelope> {
  const listener = channels.get(routeChannel(route as RouteName))!;
  return listener({ senderFrame: url === null ? null : { url } }, structuredClone(payload));
}

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  ({ steward, known } = await fuzzSteward());
  ({ handlers: guarded, calls } = await guardedHandlers(steward, new Map(known.repositoryIds.map((id, index) => [id, known.repositoryPaths[index]!]))));
  registerIpcRoutes({ handle: (channel, listener) => void channels.set(channel, listener) }, guarded, appEntry);
  console.log(`API fuzzing: seed ${seed} (repeat with STEWARD_SEED=${seed}), ${routeNames.length} routes`);
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await steward?.close();
  recordFigures('api-fuzzing', {
    routes: routeNames.length,
    ipcRunsPerRoute: scaled(25, 1000),
    ipcRunsPerSlowRoute: scaled(5, 100),
    slowRoutes: [...slowRoutes].join(' '),
    ipcCases: cases.ipc,
    senderCases: cases.senders,
    httpCases: cases.http,
    cases: cases.ipc + cases.senders + cases.http,
    seconds: Math.round((Date.now() - started) / 1000),
  });
});

describe.sequential('every route through the IPC router, from the app window', () => {
  for (const [index, route] of routeNames.entries()) {
    it(`${route}: any payload gets an envelope, and the handler only what the schema made of it`, async () => {
      await fc.assert(
        fc.asyncProperty(payloads(route, hintFrom(known)), async (payload) => {
          cases.ipc++;
          const sent = structuredClone(payload);
          const before = calls.length;
          const envelope = await invoke(route, appPage, payload);
          expectEnvelope(route, envelope);
          const reached = calls.slice(before);
          const parsed = routes[route].input.safeParse(sent ?? {});
          if (!parsed.success) {
            expect(reached, `${route} ran on a payload its schema refuses`).toEqual([]);
            expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
          } else {
            expect(reached.map((call) => call.route)).toEqual([route]);
            expect(reached[0]!.received).toStrictEqual(parsed.data);
          }
          expect(({} as Record<string, unknown>)['polluted'], 'Object.prototype was polluted').toBeUndefined();
          expect(unhandled).toEqual([]);
        }),
        { seed: seed + index, numRuns: ipcRuns(route) },
      );
    }, hangDetector);
  }
});

describe('the IPC router, from anything but the app window', () => {
  const strangers = [
    null,
    '',
    'about:blank',
    'data:text/html,<script>steward.routes</script>',
    'blob:file:///0b1c',
    'https://evil.example/',
    'http://127.0.0.1:5173/',
    'devtools://devtools/bundled/inspector.html',
    'file:///tmp/other.html',
    'file:///opt/steward/out/renderer/other/index.html',
    'file:///opt/steward/out/renderer/index.html.evil',
    'file:///opt/steward/out/renderer/index.html/../evil.html',
    'file://evil-host/opt/steward/out/renderer/index.html',
    'not a url',
  ];
  const frames = fc.oneof(fc.constantFrom(...strangers), fc.webUrl(), fc.string());

  it('refuses every route from a frame that is not the app, whatever the payload, and runs nothing', async () => {
    for (const [index, route] of routeNames.entries()) {
      await fc.assert(
        fc.asyncProperty(frames, payloads(route, hintFrom(known)), async (url, payload) => {
          cases.senders++;
          const before = calls.length;
          const envelope = await invoke(route, url, payload);
          expect(envelope, `${route} from ${url}`).toEqual({ ok: false, error: { code: 'invalid-input', message: 'Refused: the request did not come from the Steward window' } });
          expect(calls.length).toBe(before);
        }),
        { seed: seed + index, numRuns: scaled(strangers.length, 200), examples: strangers.map((url): [string | null, unknown] => [url, {}]) },
      );
    }
  }, hangDetector);
});

describe('browser mode over HTTP', () => {
  let server: Awaited<ReturnType<typeof startBrowserServer>>;
  let token: string;
  let host: string;
  const json = { 'content-type': 'application/json' };
  const auth = () => ({ authorization: `Bearer ${token}` });
  const post = (route: string, body: string, headers: Record<string, string> = {}) => send(server.port, { path: `/api/${route}`, body, headers: { ...auth(), ...json, ...headers } });

  beforeAll(async () => {
    server = await startBrowserServer({ steward: { ...steward, handlers: guarded }, port: 0, rendererRoot: stubRenderer() });
    token = new URL(server.url).searchParams.get('token')!;
    host = `127.0.0.1:${server.port}`;
  });
  afterAll(() => server?.close());

  /** A refusal is a JSON envelope with a typed error and the status its code means; the server still serves a valid call after it. */
  async function expectRefusal(answer: Answer, status: number, code: string): Promise<void> {
    expect(answer.status, `${answer.status} ${answer.text.slice(0, 300)}`).toBe(status);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    const envelope: unknown = JSON.parse(answer.text);
    expectEnvelope('http', envelope);
    expect(envelope).toMatchObject({ ok: false, error: { code } });
    cases.http++;
    const after = await post('repositories.list', '{}');
    expect(after.status).toBe(200);
  }

  it('answers every route, whatever JSON it is sent, with an envelope and the status its error code means', async () => {
    for (const [index, route] of routeNames.entries()) {
      const bodies = payloads(route, hintFrom(known), hostileJson);
      await fc.assert(
        fc.asyncProperty(bodies, async (payload) => {
          const body = JSON.stringify(payload) ?? '';
          cases.http++;
          const answer = await post(route, body);
          expect(answer.headers['content-type']).toMatch(/^application\/json/);
          const envelope: unknown = JSON.parse(answer.text);
          expectEnvelope(route, envelope);
          expect(answer.status).toBe(envelope.ok ? 200 : statusOf[envelope.error.code]);
        }),
        { seed: seed + index, numRuns: httpRuns(route) },
      );
    }
  }, hangDetector);

  it('refuses a body over 1 MB with 413 and a typed error, sized or chunked, and keeps serving', async () => {
    const big = JSON.stringify({ path: 'x'.repeat(1024 * 1024) });
    await expectRefusal(await post('repositories.add', big), 413, 'invalid-input');
    const chunk = 'x'.repeat(64 * 1024);
    const chunks = ['{"path":"', ...Array.from({ length: 20 }, () => chunk), '"}'];
    await expectRefusal(await send(server.port, { path: '/api/repositories.add', chunks, headers: { ...auth(), ...json } }), 413, 'invalid-input');
  });

  it('takes a chunked body under 1 MB like any other', async () => {
    const answer = await send(server.port, { path: '/api/repositories.get', chunks: ['{"id"', ':', `${known.repositoryIds[0]}}`], headers: { ...auth(), ...json } });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ ok: true, value: { id: known.repositoryIds[0] } });
  });

  it('refuses a body that is not JSON, or JSON nested 100,000 deep in a route that wants none of it, with 400', async () => {
    for (const body of ['', 'not json', '{', '{"id": 1,}', '[1,]', 'NaN', '\u0000', "{'id': 1}", '{"id": 1}{"id": 2}']) {
      await expectRefusal(await post('repositories.get', body), 400, 'invalid-input');
    }
    await expectRefusal(await post('repositories.get', `{"id":${'['.repeat(100_000)}${']'.repeat(100_000)}}`), 400, 'invalid-input');
  });

  it('refuses a body that does not say it is JSON with 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/jsonx', '']) {
      await expectRefusal(await post('repositories.list', '{}', { 'content-type': type }), 415, 'invalid-input');
    }
    const missing = await send(server.port, { path: '/api/repositories.list', body: '{}', headers: auth() });
    await expectRefusal(missing, 415, 'invalid-input');
    expect((await post('repositories.list', '{}', { 'content-type': 'application/json; charset=utf-8' })).status).toBe(200);
  });

  it('answers unknown routes with 404 and other methods than POST with 405', async () => {
    for (const route of ['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'repositories', 'repositories.list.x', '..%2F..%2Fetc%2Fpasswd', 'a/b', '']) {
      await expectRefusal(await post(route, '{}'), 404, 'not-found');
    }
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const answer = await send(server.port, { method, path: '/api/repositories.list', body: method === 'GET' ? undefined : '{}', headers: { ...auth(), ...json } });
      await expectRefusal(answer, 405, 'invalid-input');
      expect(answer.headers['allow']).toBe('POST');
    }
  });

  it('refuses a missing or wrong token with 401', async () => {
    for (const authorization of [undefined, '', 'Bearer', 'Bearer ', `Bearer ${token}x`, `Bearer ${token.slice(1)}`, `bearer ${token}`, `Basic ${token}`, `Bearer ${'x'.repeat(10_000)}`, `Bearer ${token.toUpperCase()}`]) {
      const headers: Record<string, string> = { ...json };
      if (authorization !== undefined) headers['authorization'] = authorization;
      await expectRefusal(await send(server.port, { path: '/api/repositories.list', body: '{}', headers }), 401, 'invalid-input');
    }
  });

  it('refuses a foreign Origin or Host (DNS rebinding) with 403', async () => {
    for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${server.port + 1}`, `http://localhost.evil.example:${server.port}`, `https://127.0.0.1:${server.port}`, `http://${host}.evil.example`]) {
      await expectRefusal(await post('repositories.list', '{}', { origin }), 403, 'invalid-input');
    }
    for (const foreign of ['evil.example', `evil.example:${server.port}`, '127.0.0.1', `localhost.:${server.port}`]) {
      await expectRefusal(await post('repositories.list', '{}', { host: foreign }), 403, 'invalid-input');
    }
    // Not even an address: refused before the Host check reads it.
    for (const malformed of [`127.0.0.1:${server.port}.evil.example`, `127.0.0.1:${server.port}@evil.example`, `127.0.0.1:${server.port}/evil`, '[::1']) {
      await expectRefusal(await post('repositories.list', '{}', { host: malformed }), 400, 'invalid-input');
    }
    await expectRefusal(await send(server.port, { path: '/api/repositories.list', body: '{}', headers: { ...auth(), ...json }, setHost: false }), 403, 'invalid-input');
  });

  it('refuses headers over Node\'s limit with 431 and a typed error', async () => {
    await expectRefusal(await post('repositories.list', '{}', { 'x-filler': 'x'.repeat(64 * 1024) }), 431, 'invalid-input');
    const many = Object.fromEntries(Array.from({ length: 2_000 }, (_, index) => [`x-filler-${index}`, 'x']));
    await expectRefusal(await post('repositories.list', '{}', many), 431, 'invalid-input');
  });
});

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** One HTTP request as a client that controls every byte would send it: any method, Host, body or chunking. */
function send(port: number, request: { method?: string; path: string; headers?: Record<string, string>; body?: string | undefined; chunks?: string[]; setHost?: boolean }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const length = request.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(request.body)) };
    const outgoing = httpRequest({ host: '127.0.0.1', port, method: request.method ?? 'POST', path: request.path, headers: { ...length, ...request.headers }, setHost: request.setHost ?? true, agent: false });
    let answered = false;
    outgoing.on('response', (response) => {
      answered = true;
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, text: Buffer.concat(parts).toString() }));
      response.on('error', reject);
    });
    // The server may answer (413, 431) and close before it has read everything sent.
    outgoing.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (request.chunks) {
      for (const chunk of request.chunks) outgoing.write(chunk);
      outgoing.end();
    } else outgoing.end(request.body);
  });
}

import { describe, expect, it } from 'vitest';
import type { Envelope, Handlers } from '../../core/api/routes.js';
import { routeNames } from '../../core/api/routes.js';
import { routeChannel } from '../../electron/ipc-channels.js';
import { type IpcMainLike, registerIpcRoutes } from '../../electron/main/ipc-router.js';

const appEntry = 'file:///opt/steward/out/renderer/index.html';
type Listener = Parameters<IpcMainLike['handle']>[1];

const repository = {
  id: 7,
  name: 'app',
  path: '/src/app',
  addedAt: '2024-01-01T00:00:00.000Z',
  latestSnapshot: null,
};

/** Registers the routes on a fake ipcMain whose handle() calls are recorded by channel. */
function setUp() {
  const channels = new Map<string, Listener>();
  const ipc: IpcMainLike = {
    handle(channel, listener) {
      if (channels.has(channel)) throw new Error(`Second handler for ${channel}`);
      channels.set(channel, listener);
    },
  };
  const calls: unknown[] = [];
  const handlers = {
    'repositories.get': async (input: { id: number }) => {
      calls.push(input);
      return { ...repository, id: input.id };
    },
  } as Partial<Handlers> as Handlers;
  registerIpcRoutes(ipc, handlers, appEntry);
  const invoke = (channel: string, url: string | null, payload: unknown): Promise<Envelope> => {
    const listener = channels.get(channel);
    if (!listener) throw new Error(`Nothing registered on ${channel}`);
    return listener({ senderFrame: url === null ? null : { url } }, payload);
  };
  return { channels, calls, invoke };
}

const getChannel = routeChannel('repositories.get');

describe('registerIpcRoutes', () => {
  it('registers a handler for every route and nothing else', () => {
    const { channels } = setUp();
    expect(routeNames.length).toBeGreaterThan(0);
    expect([...channels.keys()].sort()).toEqual(routeNames.map((route) => routeChannel(route)).sort());
  });

  it('refuses a call from a page that is not the app and does not run the handler', async () => {
    const { calls, invoke } = setUp();
    for (const url of ['https://evil.example/', 'file:///tmp/other.html', null]) {
      const envelope = await invoke(getChannel, url, { id: 7 });
      expect(envelope.ok, String(url)).toBe(false);
    }
    expect(calls).toEqual([]);
  });

  it('refuses the app\'s path on another host (file://server/…, a network share), found by API fuzzing', async () => {
    const { calls, invoke } = setUp();
    const envelope = await invoke(getChannel, 'file://evil-host/opt/steward/out/renderer/index.html', { id: 7 });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(calls).toEqual([]);
  });

  it('rejects an invalid payload with invalid-input without running the handler', async () => {
    const { calls, invoke } = setUp();
    const envelope = await invoke(getChannel, `${appEntry}#/repositories/7`, { id: 'x' });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(calls).toEqual([]);
  });

  it('runs the handler for a valid call from the app and returns its value', async () => {
    const { calls, invoke } = setUp();
    const envelope = await invoke(getChannel, `${appEntry}#/repositories/7`, { id: 7 });
    expect(envelope).toEqual({ ok: true, value: repository });
    expect(calls).toEqual([{ id: 7 }]);
  });
});

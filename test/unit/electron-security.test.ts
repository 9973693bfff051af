import { describe, expect, it } from 'vitest';
import {
  type PreventableEvent,
  type SessionLike,
  type WebContentsLike,
  isAppUrl,
  lockDownSession,
  lockDownWebContents,
  secureWebPreferences,
} from '../../electron/main/security.js';
import { opensEditor } from '../../core/api/editor-links.js';

const fileEntry = 'file:///opt/steward/out/renderer/index.html';
const devEntry = 'http://localhost:5173/';

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer and keeps Node and insecure content out', () => {
    const preferences = secureWebPreferences('/opt/steward/out/preload/index.cjs');
    expect(preferences).toMatchObject({
      preload: '/opt/steward/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('isAppUrl', () => {
  it('accepts the entry file itself and any hash route inside it', () => {
    expect(isAppUrl(fileEntry, fileEntry)).toBe(true);
    expect(isAppUrl(`${fileEntry}#/repositories/3`, fileEntry)).toBe(true);
  });

  it('rejects other file paths', () => {
    expect(isAppUrl('file:///opt/steward/out/renderer/other.html', fileEntry)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', fileEntry)).toBe(false);
  });

  it('rejects https URLs, garbage and a missing URL when the entry is a file', () => {
    expect(isAppUrl('https://example.com/opt/steward/out/renderer/index.html', fileEntry)).toBe(false);
    expect(isAppUrl('not a url', fileEntry)).toBe(false);
    expect(isAppUrl('', fileEntry)).toBe(false);
    expect(isAppUrl(undefined, fileEntry)).toBe(false);
  });

  it('accepts only the same origin when the entry is an http dev server', () => {
    expect(isAppUrl('http://localhost:5173/#/history', devEntry)).toBe(true);
    expect(isAppUrl('http://localhost:5173/some/route', devEntry)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', devEntry)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', devEntry)).toBe(false);
    expect(isAppUrl('http://evil.example:5173/', devEntry)).toBe(false);
    expect(isAppUrl(fileEntry, devEntry)).toBe(false);
  });
});

type Listener = (event: PreventableEvent, url: string) => void;

/** Records the listeners and window-open handler lockDownWebContents installs. */
function fakeWebContents() {
  const listeners = new Map<string, Listener[]>();
  let windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const contents: WebContentsLike = {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler) {
      windowOpenHandler = handler;
    },
  };
  /** Emits an event with the given URL and says whether some listener prevented it. */
  const emit = (event: string, url = ''): boolean => {
    let prevented = false;
    for (const listener of listeners.get(event) ?? []) listener({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return { contents, listeners, emit, openWindow: (url: string) => windowOpenHandler?.({ url }) };
}

describe('lockDownWebContents', () => {
  it('prevents navigation and redirects away from the app', () => {
    const fake = fakeWebContents();
    lockDownWebContents(fake.contents, fileEntry);
    expect(fake.listeners.get('will-navigate')).toHaveLength(1);
    expect(fake.emit('will-navigate', 'https://example.com')).toBe(true);
    expect(fake.emit('will-redirect', 'https://example.com/login')).toBe(true);
    expect(fake.emit('will-navigate', 'file:///etc/passwd')).toBe(true);
  });

  it("lets the app navigate within its own page", () => {
    const fake = fakeWebContents();
    lockDownWebContents(fake.contents, fileEntry);
    expect(fake.emit('will-navigate', `${fileEntry}#/repositories/1`)).toBe(false);
    expect(fake.emit('will-navigate', fileEntry)).toBe(false);
  });

  it('hands a link out of the app over only when it opens the chosen editor, and never lets the page follow it', () => {
    const fake = fakeWebContents();
    const opened: string[] = [];
    const editor = { open: 'custom' as const, template: 'zed://file{path}:{line}' };
    lockDownWebContents(fake.contents, fileEntry, (url) => opensEditor(url, editor) && opened.push(url));
    expect(fake.emit('will-navigate', 'zed://file/home/ada/shop/src/a.ts:3')).toBe(true);
    expect(fake.emit('will-navigate', 'vscode://file/home/ada/shop/src/a.ts:3')).toBe(true);
    expect(fake.emit('will-navigate', 'ms-msdt:/id PCWDiagnostic')).toBe(true);
    expect(fake.emit('will-navigate', `${fileEntry}#/snapshots/1/file/3/src/a.ts`)).toBe(false);
    expect(opened).toEqual(['zed://file/home/ada/shop/src/a.ts:3']);
    expect(opensEditor('vscode://file/a.ts:1', { open: 'vscode', template: null })).toBe(true);
    expect(opensEditor('idea://open?file=/a.ts', { open: 'jetbrains', template: null })).toBe(true);
    expect(opensEditor('vscode://file/a.ts:1', { open: 'steward', template: null })).toBe(false);
  });

  it('denies every new window and blocks webviews', () => {
    const fake = fakeWebContents();
    lockDownWebContents(fake.contents, fileEntry);
    expect(fake.openWindow('https://example.com')).toEqual({ action: 'deny' });
    expect(fake.openWindow(fileEntry)).toEqual({ action: 'deny' });
    expect(fake.emit('will-attach-webview')).toBe(true);
  });
});

type HeadersListener = Parameters<SessionLike['webRequest']['onHeadersReceived']>[0];

/** Records the handlers lockDownSession installs. */
function fakeSession() {
  const installed: {
    request?: Parameters<SessionLike['setPermissionRequestHandler']>[0];
    check?: () => boolean;
    headers?: HeadersListener;
    download?: Parameters<SessionLike['on']>[1];
  } = {};
  const session: SessionLike = {
    on(_event, listener) {
      installed.download = listener;
      return session;
    },
    setPermissionRequestHandler(handler) {
      installed.request = handler;
    },
    setPermissionCheckHandler(handler) {
      installed.check = handler;
    },
    webRequest: {
      onHeadersReceived(listener) {
        installed.headers = listener;
      },
    },
  };
  return { session, installed };
}

describe('lockDownSession', () => {
  it('denies every permission request', () => {
    const { session, installed } = fakeSession();
    lockDownSession(session);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read']) {
      const answers: boolean[] = [];
      installed.request!({}, permission, (granted) => answers.push(granted));
      expect(answers, permission).toEqual([false]);
    }
  });

  it('answers every permission check with false', () => {
    const { session, installed } = fakeSession();
    lockDownSession(session);
    expect(installed.check!()).toBe(false);
  });

  it('adds a Content-Security-Policy allowing only the app’s own scripts, keeping the other headers', () => {
    const { session, installed } = fakeSession();
    lockDownSession(session);
    const responses: { responseHeaders: Record<string, string[] | string> }[] = [];
    installed.headers!({ responseHeaders: { 'Content-Type': ['text/html'] } }, (response) => responses.push(response));
    expect(responses).toHaveLength(1);
    const headers = responses[0]!.responseHeaders;
    expect(headers['Content-Type']).toEqual(['text/html']);
    const csp = [headers['Content-Security-Policy'] ?? []].flat().join('; ');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('adds the policy when the response has no headers at all', () => {
    const { session, installed } = fakeSession();
    lockDownSession(session);
    let headers: Record<string, string[] | string> | undefined;
    installed.headers!({}, (response) => (headers = response.responseHeaders));
    expect([headers?.['Content-Security-Policy'] ?? []].flat().join('; ')).toContain("script-src 'self'");
  });

  it('lets through only downloads of files the page made (an export, a blob: URL), each through a save dialog', () => {
    const { session, installed } = fakeSession();
    lockDownSession(session);
    const download = (url: string) => {
      const dialogs: { title: string; defaultPath: string }[] = [];
      let prevented = false;
      installed.download!({ preventDefault: () => (prevented = true) }, { getURL: () => url, getFilename: () => 'shop-debt-2026-12-03.xlsx', setSaveDialogOptions: (options) => dialogs.push(options) });
      return { prevented, dialogs };
    };
    expect(download('blob:file:///0b6f2d7e-4c1a-4f1e-9d65-2b1f0c7f6a10')).toEqual({ prevented: false, dialogs: [{ title: 'Save the export', defaultPath: 'shop-debt-2026-12-03.xlsx' }] });
    expect(download('https://example.com/payload.exe')).toEqual({ prevented: true, dialogs: [] });
    expect(download('file:///etc/passwd')).toEqual({ prevented: true, dialogs: [] });
  });
});

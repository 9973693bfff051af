/**
 * Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security), point by
 * point, over the main process's configuration:
 *  1 only secure content (the app's own file; no remote content)  — isAppUrl, CSP connect-src 'self'
 *  2 no Node integration for remote content, in workers and frames — secureWebPreferences
 *  3 context isolation                                             — secureWebPreferences
 *  4 process sandboxing                                            — secureWebPreferences, app.enableSandbox()
 *  5 permission requests and checks denied                         — lockDownSession
 *  6 webSecurity on                                                — secureWebPreferences
 *  7 a Content Security Policy, strict                             — contentSecurityPolicy, lockDownSession
 *  8 no allowRunningInsecureContent                                — secureWebPreferences
 *  9 no experimental features                                      — secureWebPreferences
 * 10 no enableBlinkFeatures                                        — secureWebPreferences
 * 11 no allowpopups / 12 webview options: webviews refused          — webviewTag false, will-attach-webview
 * 13 navigation limited (will-navigate, will-redirect, will-frame-navigate) — lockDownWebContents
 * 14 new windows denied                                            — setWindowOpenHandler
 * 15 shell.openExternal only for the user's editor links           — index.ts through opensEditor
 * 16 the sender of every IPC message checked                       — ipc-router.test.ts, print-to-pdf.test.ts
 * 17 no remote module                                              — dependencies and sources
 * 18 fuses                                                         — electron-builder.yml electronFuses
 * Not met: "avoid file://, prefer a custom protocol": the page is a file; isAppUrl pins navigation and
 * IPC to that one file, downloads to blob: URLs, and the CSP to 'self'.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../core/server/content-security-policy.js';
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
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });

  it('sets nothing that weakens them: no Node in subframes, no Blink features, no remote module, no insecure content', () => {
    const preferences: Record<string, unknown> = secureWebPreferences('/preload.cjs');
    for (const weakening of ['nodeIntegrationInSubFrames', 'enableBlinkFeatures', 'enableRemoteModule', 'allowRunningInsecureContent', 'experimentalFeatures', 'webviewTag', 'plugins']) {
      expect([weakening, preferences[weakening] === undefined || preferences[weakening] === false]).toEqual([weakening, true]);
    }
    expect(Object.keys(preferences).sort()).toEqual(
      ['allowRunningInsecureContent', 'contextIsolation', 'experimentalFeatures', 'navigateOnDragDrop', 'nodeIntegration', 'nodeIntegrationInWorker', 'preload', 'safeDialogs', 'sandbox', 'spellcheck', 'webSecurity', 'webviewTag'].sort(),
    );
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

type Listener = (...args: never[]) => void;

/** Records the listeners and window-open handler lockDownWebContents installs. */
function fakeWebContents() {
  const listeners = new Map<string, Listener[]>();
  let windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
      windowOpenHandler = handler;
    },
  } as WebContentsLike;
  /** Emits an event with the given URL and says whether some listener prevented it. */
  const emit = (event: string, url = ''): boolean => {
    let prevented = false;
    for (const listener of listeners.get(event) ?? []) (listener as (event: PreventableEvent, url: string) => void)({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  /** Emits will-frame-navigate (one details object, as Electron sends it) and says whether it was prevented. */
  const frameNavigate = (url: string, isMainFrame: boolean): boolean => {
    let prevented = false;
    for (const listener of listeners.get('will-frame-navigate') ?? []) (listener as (details: PreventableEvent & { url: string; isMainFrame: boolean }) => void)({ preventDefault: () => (prevented = true), url, isMainFrame });
    return prevented;
  };
  return { contents, listeners, emit, frameNavigate, openWindow: (url: string) => windowOpenHandler?.({ url }) };
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

  it('keeps subframes in the app too (will-navigate speaks for the main frame only)', () => {
    const fake = fakeWebContents();
    lockDownWebContents(fake.contents, fileEntry);
    expect(fake.frameNavigate('https://example.com', false)).toBe(true);
    expect(fake.frameNavigate('file:///etc/passwd', false)).toBe(true);
    expect(fake.frameNavigate(`${fileEntry}#/history`, false)).toBe(false);
    // The main frame's navigation is will-navigate's to decide (it hands editor links over).
    expect(fake.frameNavigate('zed://file/a.ts:1', true)).toBe(false);
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

describe('the Content Security Policy', () => {
  const directives = new Map(contentSecurityPolicy.split(';').map((directive) => directive.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));

  it("allows only the app's own origin: no eval, no inline code, no wildcard, no other scheme (data: for images only)", () => {
    for (const [name, sources] of directives) {
      for (const source of sources) {
        const allowed = source === "'self'" || source === "'none'" || (source === 'data:' && name === 'img-src');
        expect([name, source, allowed]).toEqual([name, source, true]);
      }
    }
    expect(contentSecurityPolicy).not.toMatch(/unsafe-|\*|https?:|blob:|filesystem:/);
  });

  it('names a default and shuts plugins, base URLs, forms, frames and framing', () => {
    expect(Object.fromEntries(['default-src', 'script-src', 'object-src', 'base-uri', 'form-action', 'frame-src', 'frame-ancestors'].map((name) => [name, directives.get(name)]))).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-src': ["'none'"],
      'frame-ancestors': ["'none'"],
    });
  });
});

describe('the main process wiring and the package', () => {
  const source = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
  const main = source('electron/main/index.ts');

  it('sandboxes every renderer, locks down every web contents and the session, and loads its page with the secure preferences', () => {
    expect(main).toMatch(/app\.enableSandbox\(\)/);
    expect(main).toMatch(/app\.on\('web-contents-created', \(_event, contents\) => lockDownWebContents\(contents, appEntry/);
    expect(main).toMatch(/lockDownSession\(session\.defaultSession\)/);
    expect(main).toMatch(/webPreferences: secureWebPreferences\(/);
  });

  it('opens an external URL only when it is a link to the editor the user chose', () => {
    const calls = main.split('\n').filter((line) => line.includes('openExternal'));
    expect(calls.length).toBeGreaterThan(0);
    for (const line of calls) expect(line).toMatch(/if \(opensEditor\(url, readSettings\(steward\.db\)\.editor\)\) void shell\.openExternal\(url\)/);
    for (const file of ['electron/main/security.ts', 'electron/main/ipc-router.ts', 'electron/main/print-to-pdf.ts', 'electron/main/notifications.ts', 'electron/preload/index.ts']) expect([file, source(file).includes('openExternal')]).toEqual([file, false]);
  });

  it('has no remote module, and the preload hands the page functions, never ipcRenderer itself', () => {
    const manifest = JSON.parse(source('package.json')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    expect(Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })).not.toContain('@electron/remote');
    const preload = source('electron/preload/index.ts');
    expect(preload).not.toMatch(/remote|exposeInMainWorld\([^)]*ipcRenderer\b\s*\)/);
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(main).not.toMatch(/registerSchemesAsPrivileged|bypassCSP|registerFileProtocol|setBypassCSP/);
  });

  it('packages with the fuses that close Node and inspector entry points', () => {
    const config = parseYaml(source('electron-builder.yml')) as { electronFuses?: Record<string, boolean> };
    expect(config.electronFuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false, onlyLoadAppFromAsar: true });
  });
});

import { contentSecurityPolicy } from '../../core/server/content-security-policy.js';

/**
 * Electron's security checklist, written against the few Electron methods it needs so that it can be
 * tested without the Electron runtime.
 */
export function secureWebPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    // A file dropped on the window would otherwise replace the app with it.
    navigateOnDragDrop: false,
    // A page that opens dialog after dialog can be silenced by the user.
    safeDialogs: true,
    spellcheck: false,
  } as const;
}

/** Whether a URL is the app's own page (any route inside it), and nothing else. */
export function isAppUrl(url: string | undefined, appEntry: string): boolean {
  if (!url) return false;
  try {
    const candidate = new URL(url);
    const entry = new URL(appEntry);
    // The host too: file://server/… is a file on another machine's share (a UNC path on Windows), not the app's.
    if (entry.protocol === 'file:') return candidate.protocol === 'file:' && candidate.host === entry.host && candidate.pathname === entry.pathname;
    return candidate.origin === entry.origin;
  } catch {
    return false;
  }
}

export interface PreventableEvent {
  preventDefault(): void;
}

export interface WebContentsLike {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-frame-navigate', listener: (details: PreventableEvent & { url: string; isMainFrame: boolean }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * No navigation away from the app, no new windows, no webviews. A link the page follows out of the
 * app is offered to `handOver` (which opens the user's editor for its links, and nothing else).
 */
export function lockDownWebContents(contents: WebContentsLike, appEntry: string, handOver: (url: string) => void = () => undefined): void {
  const stayInApp = (event: PreventableEvent, url: string): void => {
    if (!isAppUrl(url, appEntry)) event.preventDefault();
  };
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url, appEntry)) return;
    event.preventDefault();
    handOver(url);
  });
  contents.on('will-redirect', stayInApp);
  // will-navigate speaks for the main frame only; a subframe (the CSP allows none) may not leave the app either.
  contents.on('will-frame-navigate', (details) => {
    if (!details.isMainFrame && !isAppUrl(details.url, appEntry)) details.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

type HeadersCallback = (response: { responseHeaders: Record<string, string[] | string> }) => void;

interface DownloadItemLike {
  getURL(): string;
  getFilename(): string;
  setSaveDialogOptions(options: { title: string; defaultPath: string }): void;
}

export interface SessionLike {
  on(event: 'will-download', listener: (event: PreventableEvent, item: DownloadItemLike) => void): unknown;
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  webRequest: {
    onHeadersReceived(listener: (details: { responseHeaders?: Record<string, string[] | string> }, callback: HeadersCallback) => void): void;
  };
}

/**
 * Every permission request (camera, notifications, …) denied; the CSP on every response; and only
 * downloads of files the page made itself (an export, as a blob: URL), each through a save dialog.
 */
export function lockDownSession(session: SessionLike): void {
  session.on('will-download', (event, item) => {
    if (!item.getURL().startsWith('blob:')) event.preventDefault();
    else item.setSaveDialogOptions({ title: 'Save the export', defaultPath: item.getFilename() });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } }),
  );
}

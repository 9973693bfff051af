/**
 * Electron main process: one window onto the same engine the CLI and browser mode use. The engine
 * (SQLite, git, scans in a worker thread) runs here; the page talks to it only through the preload's
 * route functions.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BrowserWindow, Notification, app, dialog, ipcMain, session, shell } from 'electron';
import { opensEditor } from '../../core/api/editor-links.js';
import { stewardHome } from '../../core/paths.js';
import type { Steward } from '../../core/steward.js';
import { openSwitchableSteward } from '../../core/switchable-steward.js';
import { chooseStore } from '../../core/store/store-choice.js';
import { readSettings } from '../../core/store/settings.js';
import { eventChannel } from '../ipc-channels.js';
import { registerIpcRoutes } from './ipc-router.js';
import { nativeNotifications, repositoryHash } from './notifications.js';
import { registerPrintToPdf } from './print-to-pdf.js';
import { lockDownSession, lockDownWebContents, secureWebPreferences } from './security.js';
import { bringToFront, holdSingleInstance } from './single-instance.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const appEntry = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(here, '../renderer/index.html')).href;

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'Steward',
    show: false,
    webPreferences: secureWebPreferences(join(here, '../preload/index.cjs')),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appEntry);
  return window;
}

/** Starts the user's editor for a link to it (Electron opens no other app by itself); set once the store is open. */
let openInEditor: (url: string) => void = () => undefined;

function start(): void {
  let steward: Steward;
  try {
    const home = stewardHome();
    steward = openSwitchableSteward(
      {
        home,
        version: app.getVersion(),
        mode: 'desktop',
        nativeBinding: process.env.STEWARD_SQLITE_BINDING,
        workers: { scan: new URL('./scan-worker.js', import.meta.url), parse: new URL('./parse-worker.js', import.meta.url) },
        pickDirectory: async () => {
          const owner = BrowserWindow.getFocusedWindow();
          const options = { title: 'Add a repository', properties: ['openDirectory' as const] };
          const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
          return result.canceled ? null : (result.filePaths[0] ?? null);
        },
      },
      chooseStore({ env: process.env, home }),
      // The app shows it in Settings too.
      (message) => process.emitWarning(message),
    );
  } catch (error) {
    dialog.showErrorBox('Steward cannot start', (error as Error).message);
    app.exit(3);
    return;
  }
  lockDownSession(session.defaultSession);
  openInEditor = (url) => {
    if (opensEditor(url, readSettings(steward.db).editor)) void shell.openExternal(url);
  };
  registerIpcRoutes(ipcMain, steward.handlers, appEntry);
  registerPrintToPdf(ipcMain, {
    appEntry,
    chooseFile: async (fileName) => {
      const owner = BrowserWindow.getFocusedWindow();
      const options = { title: 'Save the report as PDF', defaultPath: fileName, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
    writeFile: (file, data) => writeFile(file, data),
  });
  steward.subscribe((event) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(eventChannel, event);
  });
  steward.subscribe(
    nativeNotifications({
      isSupported: () => Notification.isSupported(),
      create: (options) => new Notification(options),
      openRepository(repositoryId) {
        const window = BrowserWindow.getAllWindows()[0] ?? createWindow();
        bringToFront(window);
        // The renderer routes by the address's hash: changing it navigates without reloading the page.
        void window.webContents.executeJavaScript(`location.hash = ${JSON.stringify(repositoryHash(repositoryId))}`);
      },
    }),
  );
  createWindow();
  steward.resumeBackfills();
  steward.startScanScheduler();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    void steward.close().finally(() => app.quit());
  });
}

app.enableSandbox();
app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents, appEntry, (url) => openInEditor(url)));
app.on('window-all-closed', () => app.quit());
if (holdSingleInstance(app, () => BrowserWindow.getAllWindows()[0])) void app.whenReady().then(start);

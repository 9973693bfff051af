/**
 * The sandboxed preload: exposes exactly one function per API route, plus an event subscription,
 * and Save as PDF (printToPdf), as `window.steward`. No Node or Electron object reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { routeNames } from '../../core/api/routes.js';
import { eventChannel, printToPdfChannel, routeChannel } from '../ipc-channels.js';

const routes = Object.fromEntries(
  routeNames.map((route) => [route, (input: unknown) => ipcRenderer.invoke(routeChannel(route), input)]),
);

contextBridge.exposeInMainWorld('steward', {
  routes,
  onEvent(listener: (event: unknown) => void): () => void {
    const forward = (_: unknown, event: unknown): void => listener(event);
    ipcRenderer.on(eventChannel, forward);
    return () => ipcRenderer.off(eventChannel, forward);
  },
  printToPdf: (request: unknown) => ipcRenderer.invoke(printToPdfChannel, request),
});

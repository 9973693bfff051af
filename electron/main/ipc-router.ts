import { dispatch } from '../../core/api/dispatch.js';
import { type Envelope, type Handlers, routeNames } from '../../core/api/routes.js';
import { routeChannel } from '../ipc-channels.js';
import { isAppUrl } from './security.js';

export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame: { url: string } | null }, payload: unknown) => Promise<Envelope>): void;
}

/**
 * One IPC handler per route. Each checks that the message comes from the app's own page (not a
 * frame or page that navigated elsewhere), then validates the payload against the route's schema.
 */
export function registerIpcRoutes(ipc: IpcMainLike, handlers: Handlers, appEntry: string): void {
  for (const route of routeNames) {
    ipc.handle(routeChannel(route), async (event, payload) => {
      if (!isAppUrl(event.senderFrame?.url, appEntry)) {
        return { ok: false, error: { code: 'invalid-input', message: 'Refused: the request did not come from the Steward window' } };
      }
      return dispatch(handlers, route, payload);
    });
  }
}

import type { ApiError } from '../../../core/api/errors';
import { type StewardEvent, StewardEventSchema } from '../../../core/api/events';
import { type RouteInput, type RouteName, type RouteOutput, routes } from '../../../core/api/routes';
import { type Transport, httpTransport, ipcTransport } from './transport';

export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

function chooseTransport(): Transport {
  if (window.steward) return ipcTransport(window.steward);
  return httpTransport(new URLSearchParams(window.location.search).get('token') ?? '');
}

const transport = chooseTransport();

/** Calls a route; the answer is checked against the route's schema before the UI sees it. */
export async function call<R extends RouteName>(route: R, input: RouteInput<R>): Promise<RouteOutput<R>> {
  let envelope;
  try {
    envelope = await transport.call(route, input);
  } catch {
    throw new ApiFailure({ code: 'unavailable', message: 'Steward is not reachable. Is it still running?' });
  }
  if (!envelope.ok) throw new ApiFailure(envelope.error);
  return routes[route].output.parse(envelope.value) as RouteOutput<R>;
}

export function subscribe(listener: (event: StewardEvent) => void): () => void {
  return transport.subscribe((raw) => {
    const event = StewardEventSchema.safeParse(raw);
    if (event.success) listener(event.data);
  });
}

import { StewardError } from './errors.js';
import { dispatch } from './dispatch.js';
import type { Handlers, RouteInput, RouteName, RouteOutput } from './routes.js';

/** Calls a route in-process with the same validation as IPC and HTTP; failures are thrown as StewardError. */
export async function call<R extends RouteName>(handlers: Handlers, route: R, input: RouteInput<R>): Promise<RouteOutput<R>> {
  const envelope = await dispatch(handlers, route, input);
  if (!envelope.ok) throw new StewardError(envelope.error.code, envelope.error.message);
  return envelope.value as RouteOutput<R>;
}

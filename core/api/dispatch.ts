import { describeZodError, toApiError } from './errors.js';
import { type Envelope, type Handlers, isRouteName, routes } from './routes.js';

/**
 * The one entry point every transport (Electron IPC, the HTTP bridge) uses: look the route up,
 * validate the payload against its schema, run the handler, and turn any failure into a value.
 */
export async function dispatch(handlers: Handlers, name: string, payload: unknown): Promise<Envelope> {
  if (!isRouteName(name)) return { ok: false, error: { code: 'not-found', message: `Unknown route "${name}"` } };
  const input = routes[name].input.safeParse(payload ?? {});
  if (!input.success) return { ok: false, error: { code: 'invalid-input', message: describeZodError(input.error) } };
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(input.data) };
  } catch (error) {
    const apiError = toApiError(error);
    if (apiError.code === 'internal') console.error(`steward: route ${name} failed:`, error);
    // Messages name what was asked for (a path, a key), which may hold line breaks: a message stays one line.
    return { ok: false, error: { ...apiError, message: apiError.message.replace(/\r/g, '\\r').replace(/\n/g, '\\n') } };
  }
}

import { z } from 'zod';

/**
 * Errors cross every boundary (IPC, HTTP, CLI) as values with a code the caller can act on and a
 * message written for the user, never as stack traces.
 */
const errorCodes = ['invalid-input', 'not-found', 'busy', 'unavailable', 'cancelled', 'internal'] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const ApiErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export class StewardError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StewardError';
  }

  toApiError(): ApiError {
    return { code: this.code, message: this.message };
  }
}

/**
 * Any thrown value as an ApiError; unexpected errors keep their message but are marked internal. The
 * database still locked by another Steward process after the busy timeout (a machine so loaded that
 * a write outlasts it) is no fault of Steward's: it is `busy`, and said so.
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof StewardError) return error.toApiError();
  if (error instanceof z.ZodError) return { code: 'invalid-input', message: describeZodError(error) };
  if (String((error as { code?: unknown } | null)?.code).startsWith('SQLITE_BUSY')) {
    return { code: 'busy', message: 'The database is busy with another Steward process (the app, `steward serve` or a command) that is writing; try again in a moment' };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message };
}

/** Problems a message lists; a payload with thousands of wrong items would otherwise make a message of megabytes. */
const issuesShown = 5;

export function describeZodError(error: z.ZodError): string {
  const described = error.issues
    .slice(0, issuesShown)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
  const more = error.issues.length - issuesShown;
  return more > 0 ? `${described}; and ${more} more problem${more === 1 ? '' : 's'}` : described;
}

import type { ErrorCode } from '../core/api/errors.js';

/** The exit codes scripts can rely on (see README). */
export const exitCodes = {
  ok: 0,
  badInput: 2,
  internal: 3,
  /** 128 + SIGINT, as shells expect when the user presses Ctrl-C. */
  interrupted: 130,
} as const;

export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'invalid-input':
    case 'not-found':
    case 'busy':
      return exitCodes.badInput;
    case 'cancelled':
      return exitCodes.interrupted;
    case 'unavailable':
    case 'internal':
      return exitCodes.internal;
  }
}

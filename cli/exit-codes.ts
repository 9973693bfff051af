import type { ErrorCode } from '../core/api/errors.js';

/** The exit codes scripts can rely on (see README). */
export const exitCodes = {
  ok: 0,
  /** A gate tripped: `--fail-on`, or a draft that nothing of passed its quality gates. */
  gateTripped: 1,
  badInput: 2,
  internal: 3,
  /** 128 + SIGINT, as shells expect when the user presses Ctrl-C. */
  interrupted: 130,
} as const;

/**
 * When the reader of our output goes away (`steward … | head`), the rest of the output has nowhere
 * to go: stop quietly with exit 0 (the reader took what it wanted) instead of failing on EPIPE.
 */
export function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(exitCodes.ok);
    });
  }
}

export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'invalid-input':
    case 'not-found':
    case 'busy':
    case 'unavailable':
      // `unavailable`: something Steward needs is missing or refuses (git, a team store, a database of a newer Steward): the user's to fix, not a bug.
      return exitCodes.badInput;
    case 'cancelled':
      return exitCodes.interrupted;
    case 'internal':
      return exitCodes.internal;
  }
}

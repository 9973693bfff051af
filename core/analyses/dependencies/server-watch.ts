/** Requests in a row a server may leave unanswered (or drop) before the rest of a check stops asking it. */
const strikes = 3;

/**
 * What one dependency check has learned about the servers it asks: a server that left several
 * requests in a row without an answer (silence, a dropped connection, a body that stalls) is given up
 * on for the rest of the check, so that a registry that stopped answering costs one round of
 * timeouts, not one per package. Any answer, even an error status, shows the server is there.
 */
export class ServerWatch {
  private readonly failures = new Map<string, { count: number; last: string }>();

  /** Why the server at `origin` is no longer asked, or undefined while it still is. */
  givenUp(origin: string): string | undefined {
    const record = this.failures.get(origin);
    return record && record.count >= strikes ? `left ${record.count} requests in a row unanswered (the last: ${record.last})` : undefined;
  }

  answered(origin: string): void {
    this.failures.delete(origin);
  }

  failed(origin: string, reason: string): void {
    const record = this.failures.get(origin);
    this.failures.set(origin, { count: (record?.count ?? 0) + 1, last: reason });
  }
}

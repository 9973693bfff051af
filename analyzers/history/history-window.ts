import { identityKey } from '../identities/resolve-identities.js';
import type { CommitRecord } from './commit-record.js';

/** The point in time the analyses look back from: the scanned commit's date, so a past commit is seen as it was then. */
export function monthsBefore(asOf: Date, months: number): Date {
  const date = new Date(asOf);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date;
}

/**
 * Commits authored at or after `since`. Every commit of the log is an ancestor of the scanned one,
 * so none is cut off at the end: a rebased ancestor may carry a later author date than its tip.
 */
export function commitsSince(commits: readonly CommitRecord[], since: Date): CommitRecord[] {
  const from = since.getTime();
  return commits.filter((commit) => Date.parse(commit.authorDate) >= from);
}

/** One key per author (after commitsByPerson: one per person). */
export function authorKey(commit: Pick<CommitRecord, 'authorEmail' | 'authorName'>): string {
  return identityKey({ name: commit.authorName, email: commit.authorEmail });
}

import type { CommitRecord } from './commit-record.js';

/** The point in time the analyses look back from: the scanned commit's date, so a past commit is seen as it was then. */
export function monthsBefore(asOf: Date, months: number): Date {
  const date = new Date(asOf);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date;
}

/** Commits authored at or after `since` (and not after `asOf`). */
export function commitsSince(commits: readonly CommitRecord[], since: Date, asOf: Date): CommitRecord[] {
  const from = since.getTime();
  const to = asOf.getTime();
  return commits.filter((commit) => {
    const time = Date.parse(commit.authorDate);
    return time >= from && time <= to;
  });
}

/** One identity per author: the email after .mailmap, lower-cased (names vary more across machines than emails). */
export function authorKey(commit: Pick<CommitRecord, 'authorEmail' | 'authorName'>): string {
  return commit.authorEmail.trim().toLowerCase() || commit.authorName;
}

import type { FileRevisions } from './revisions.js';

/** Whole months from `since` to `asOf` (code-maat `age`): 0 for a file changed this month. */
export function monthsBetween(since: Date, asOf: Date): number {
  let months = (asOf.getUTCFullYear() - since.getUTCFullYear()) * 12 + (asOf.getUTCMonth() - since.getUTCMonth());
  const dayAndTime = (date: Date): number => date.getTime() - Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  if (dayAndTime(asOf) < dayAndTime(since)) months--;
  return Math.max(0, months);
}

export interface FileAge {
  path: string;
  lastChanged: string;
  ageMonths: number;
}

/** Months since each file last changed, oldest first. */
export function codeAge(revisions: Iterable<FileRevisions>, asOf: Date): FileAge[] {
  return [...revisions]
    .map(({ path, lastChanged }) => ({ path, lastChanged, ageMonths: monthsBetween(new Date(lastChanged), asOf) }))
    .sort((a, b) => b.ageMonths - a.ageMonths || a.path.localeCompare(b.path));
}

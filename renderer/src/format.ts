export const formatNumber = (value: number): string => value.toLocaleString('en-US');

/** "12 Mar 2024" in the user's time zone. */
export const formatDate = (iso: string): string =>
  new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

export const formatDateTime = (iso: string): string =>
  new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

export const shortCommit = (sha: string): string => sha.slice(0, 7);

/** "1 entry", "2,345 entries". */
export const plural = (count: number, noun: string, nouns = `${noun}s`): string => `${formatNumber(count)} ${count === 1 ? noun : nouns}`;

/** "2024-06-01": the day as the commit recorded it, as the CLI prints it. */
export const commitDay = (iso: string): string => iso.slice(0, 10);

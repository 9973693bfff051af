export const formatNumber = (value: number): string => value.toLocaleString('en-US');

/** "12 Mar 2024" in the user's time zone. */
export const formatDate = (iso: string): string =>
  new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

export const formatDateTime = (iso: string): string =>
  new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** "3 Dec, 14:05" this year, "3 Dec 2025" before: a date that fits a table cell. */
export const formatShortDateTime = (iso: string): string => {
  const date = new Date(iso);
  return date.getFullYear() === new Date().getFullYear()
    ? date.toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })
    : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
};

/** To the second, where the order of close events matters (an audit log). */
export const formatDateTimeSeconds = (iso: string): string =>
  new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });

export const shortCommit = (sha: string): string => sha.slice(0, 7);

/** "1 entry", "2,345 entries". */
export const plural = (count: number, noun: string, nouns = `${noun}s`): string => `${formatNumber(count)} ${count === 1 ? noun : nouns}`;

/** "2024-06-01": the day as the commit recorded it, as the CLI prints it. */
export const commitDay = (iso: string): string => iso.slice(0, 10);

/** A change with its sign (+1.2, −0.4), as the CLI writes it; one that rounds to nothing has none (±0.0). */
export const formatChange = (value: number): string => {
  const shown = Math.abs(value).toFixed(1);
  return Number(shown) === 0 ? `±${shown}` : `${value > 0 ? '+' : '−'}${shown}`;
};

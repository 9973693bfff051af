export const formatNumber = (value: number): string => value.toLocaleString('en-US');

/** "12 Mar 2024" in the user's time zone. */
export const formatDate = (iso: string): string =>
  new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

export const formatDateTime = (iso: string): string =>
  new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

export const shortCommit = (sha: string): string => sha.slice(0, 7);

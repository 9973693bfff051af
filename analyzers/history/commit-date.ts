/**
 * A commit date as git prints it (`%aI`), when it is one the analyses can place: ISO 8601 with an
 * offset, from 1970 to 9999. git prints dates outside that range (a forged or broken commit) in forms
 * no ISO parser reads, or not at all: those are null, and the caller says which commits they were.
 */
export function usableDate(text: string): string | null {
  if (!/^(\d{4})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/.test(text)) return null;
  const year = Number(text.slice(0, 4));
  return year >= 1970 && Number.isFinite(Date.parse(text)) ? text : null;
}

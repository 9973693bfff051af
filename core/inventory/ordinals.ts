import { groupBy } from '../../analyzers/collections/group-by.js';

/**
 * Each entry's place among the entries of its group (same file and name), in source order: what
 * tells apart two same-named functions of a file without a line number. An ordinal the analysis
 * recorded over the whole file wins over one counted among the entries given.
 */
export function ordinals<T>(entries: readonly T[], group: (entry: T) => string, recorded: (entry: T) => number | null, line: (entry: T) => number): Map<T, number> {
  const groups = groupBy(entries, group);
  const result = new Map<T, number>();
  for (const list of groups.values()) {
    [...list].sort((a, b) => line(a) - line(b)).forEach((entry, index) => result.set(entry, recorded(entry) ?? index));
  }
  return result;
}

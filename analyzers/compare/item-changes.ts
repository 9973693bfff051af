/** What the comparison reads of a debt item found in a snapshot. */
interface ComparedItem {
  fingerprint: string;
  kind: string;
  title: string;
  path: string | null;
  line: number | null;
}

interface KindChanges {
  kind: string;
  /** Found in the later snapshot and not the earlier. */
  new: number;
  /** Found in the earlier snapshot and no longer in the later. */
  resolved: number;
  /** Found in both. */
  stillOpen: number;
}

export interface ItemChanges {
  /** Every kind found in either snapshot, the most changed first. */
  byKind: KindChanges[];
  /** The new and resolved items themselves (of the later and the earlier snapshot), by kind and place. */
  new: ComparedItem[];
  resolved: ComparedItem[];
}

const byPlace = (a: ComparedItem, b: ComparedItem): number =>
  a.kind.localeCompare(b.kind) || (a.path ?? '').localeCompare(b.path ?? '') || (a.line ?? 0) - (b.line ?? 0) || a.fingerprint.localeCompare(b.fingerprint);

/** The items of two snapshots matched by fingerprint (an item's identity, which follows moves and renames): new, resolved and still open, per kind. */
export function itemChanges(from: readonly ComparedItem[], to: readonly ComparedItem[]): ItemChanges {
  const before = new Set(from.map((item) => item.fingerprint));
  const after = new Set(to.map((item) => item.fingerprint));
  const added = to.filter((item) => !before.has(item.fingerprint)).sort(byPlace);
  const resolved = from.filter((item) => !after.has(item.fingerprint)).sort(byPlace);
  const counts = new Map<string, KindChanges>();
  const count = (kind: string): KindChanges => {
    let entry = counts.get(kind);
    if (!entry) counts.set(kind, (entry = { kind, new: 0, resolved: 0, stillOpen: 0 }));
    return entry;
  };
  for (const item of added) count(item.kind).new++;
  for (const item of resolved) count(item.kind).resolved++;
  for (const item of to) if (before.has(item.fingerprint)) count(item.kind).stillOpen++;
  const byKind = [...counts.values()].sort((a, b) => b.new + b.resolved - (a.new + a.resolved) || a.kind.localeCompare(b.kind));
  return { byKind, new: added, resolved };
}

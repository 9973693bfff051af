/**
 * What changed in a health score between two snapshots, part by part: which items started costing
 * points, which stopped, and how much the items in both moved (their effort changed, or the code grew
 * or shrank, which makes every item weigh less or more). Pure: two stored breakdowns in.
 */

export interface BreakdownItem {
  readonly fingerprint: string;
  readonly kind: string;
  readonly title: string;
  readonly path: string | null;
  readonly confidence: string;
  readonly effortMinutes: number;
  readonly points: number;
}

export interface BreakdownPart {
  readonly category: string;
  readonly title: string;
  readonly weight: number;
  readonly lost: number;
  readonly items: readonly BreakdownItem[];
}

interface PartChange {
  readonly category: string;
  readonly title: string;
  readonly weight: number;
  readonly lostNow: number;
  readonly lostThen: number | null;
  /** Points gained (+) or lost (−); null without an earlier breakdown. */
  readonly change: number | null;
  readonly added: readonly BreakdownItem[];
  readonly removed: readonly BreakdownItem[];
  readonly reweighed: number;
}

/** Points are kept in millionths by the score: sums of differences are rounded back to that. */
const exact = (value: number): number => Math.round(value * 1e6) / 1e6;

const byPoints = (a: BreakdownItem, b: BreakdownItem): number => b.points - a.points || a.fingerprint.localeCompare(b.fingerprint);

/**
 * Each part of `now` against the same part of `then` (null: no earlier snapshot, every item counts as
 * it stands). added − removed − reweighed adds up to the part's change, exactly (in millionths).
 */
export function compareBreakdowns(now: readonly BreakdownPart[], then: readonly BreakdownPart[] | null): PartChange[] {
  const earlier = new Map((then ?? []).map((part) => [part.category, part]));
  const categories = [...now.map((part) => part.category), ...(then ?? []).map((part) => part.category).filter((category) => !now.some((part) => part.category === category))];
  return categories.map((category) => {
    const current = now.find((part) => part.category === category);
    const previous = earlier.get(category);
    const itemsNow = current?.items ?? [];
    const itemsThen = previous?.items ?? [];
    const base = { category, title: (current ?? previous)!.title, weight: (current ?? previous)!.weight, lostNow: current?.lost ?? 0 };
    if (then === null) return { ...base, lostThen: null, change: null, added: [], removed: [], reweighed: 0 };
    const pointsThen = new Map(itemsThen.map((item) => [item.fingerprint, item.points]));
    const fingerprintsNow = new Set(itemsNow.map((item) => item.fingerprint));
    const added = itemsNow.filter((item) => !pointsThen.has(item.fingerprint)).sort(byPoints);
    const removed = itemsThen.filter((item) => !fingerprintsNow.has(item.fingerprint)).sort(byPoints);
    // Lost points are negative change: an item in both that costs more now took points.
    const reweighed = itemsNow.filter((item) => pointsThen.has(item.fingerprint)).reduce((sum, item) => sum - (item.points - pointsThen.get(item.fingerprint)!), 0);
    const lostThen = previous?.lost ?? 0;
    return { ...base, lostThen, change: exact(lostThen - base.lostNow), added, removed, reweighed: exact(reweighed) };
  });
}

/**
 * The health score, 0–100, of a repository or of one of its folders: what its open debt items cost
 * against what its code is worth (docs/health-score.md gives every constant and why). Pure: items
 * and lines of code in, the score and a breakdown that explains every lost point out.
 */

/** The parts of health, each able to lose at most its weight in points. */
export const healthCategories = {
  complexity: { title: 'Complexity', weight: 20 },
  hotspots: { title: 'Hotspots', weight: 15 },
  vulnerabilities: { title: 'Vulnerabilities', weight: 15 },
  'dead-code': { title: 'Dead code', weight: 10 },
  dependencies: { title: 'Dependency freshness', weight: 10 },
  coverage: { title: 'Coverage', weight: 10 },
  architecture: { title: 'Architecture', weight: 10 },
  'test-stability': { title: 'Test stability', weight: 5 },
  knowledge: { title: 'Knowledge distribution', weight: 5 },
} as const;
export type HealthCategory = keyof typeof healthCategories;

/** Changes whenever a constant or the method changes: scores of two formulas are never compared. */
export const healthFormula = 'health-2';

/**
 * How much of an item counts, by how sure Steward is of it: a low-confidence item is a question, not
 * debt, and costs nothing; a medium one counts half.
 */
const confidenceShare = { high: 1, medium: 0.5, low: 0 } as const;

/**
 * A category has lost all its points when the effort to fix its items reaches this share of what
 * the code cost to write (SQALE's debt ratio: 10 % is the upper bound of its B rating).
 */
const fullLossRatio = 0.1;

/** SQALE's estimate of what a line of code cost to write, in minutes. */
const minutesPerLine = 30;

/**
 * Points are counted in millionths: fine enough that a two-minute item in a repository of a million
 * lines still counts, whole so that sums are exact.
 */
const unitsPerPoint = 1_000_000;

export interface ScoredItem {
  readonly fingerprint: string;
  readonly category: HealthCategory;
  readonly confidence: keyof typeof confidenceShare;
  /** Minutes to fix it (the inventory's cost model). */
  readonly effortMinutes: number;
}

interface CategoryBreakdown {
  readonly category: HealthCategory;
  readonly weight: number;
  /** Points lost, the sum of its items' points. */
  readonly lost: number;
  /** Whether its items cost more than its weight: they share the weight, and removing one gains less than its share. */
  readonly saturated: boolean;
  /** The items that cost points, most first. */
  readonly items: readonly { fingerprint: string; points: number }[];
}

type HealthScore =
  | { readonly formula: string; readonly score: number; readonly rating: Rating; readonly categories: readonly CategoryBreakdown[] }
  | { readonly formula: string; readonly score: null; readonly reason: string };

type Rating = 'A' | 'B' | 'C' | 'D' | 'E';
const ratings: readonly { rating: Rating; from: number }[] = [
  { rating: 'A', from: 90 },
  { rating: 'B', from: 75 },
  { rating: 'C', from: 60 },
  { rating: 'D', from: 40 },
];

/**
 * 100 minus the points the items cost. An item costs its category's weight times its weighted
 * effort (effort × confidence share) over the category's budget (fullLossRatio of the code's writing
 * cost), counted in millionths of a point on its own: so the points listed add up to 100 − score,
 * and removing an item raises the score by exactly its points — unless its category is saturated,
 * where the items share the weight (by largest remainders, so the sum stays exact).
 * Without code there is nothing to weigh debt against: no score, and the reason.
 */
export function healthScore(items: readonly ScoredItem[], linesOfCode: number): HealthScore {
  if (linesOfCode <= 0) return { formula: healthFormula, score: null, reason: 'no lines of code to weigh the debt against' };
  const budget = fullLossRatio * minutesPerLine * linesOfCode;
  const categories = (Object.keys(healthCategories) as HealthCategory[]).map((category): CategoryBreakdown & { units: number } => {
    const { weight } = healthCategories[category];
    const raw = items
      .filter((item) => item.category === category)
      .map((item) => ({ fingerprint: item.fingerprint, points: (weight * item.effortMinutes * confidenceShare[item.confidence]) / budget }))
      .filter((item) => item.points > 0);
    const own = raw.map((item) => Math.round(item.points * unitsPerPoint));
    // Saturated when the items cost more than the weight.
    const saturated = own.reduce((sum, units) => sum + units, 0) > weight * unitsPerPoint;
    const units = saturated ? shareUnits(raw, weight * unitsPerPoint) : own;
    const scored = raw.map((item, index) => ({ fingerprint: item.fingerprint, units: units[index]! })).filter((item) => item.units > 0);
    scored.sort((a, b) => b.units - a.units || a.fingerprint.localeCompare(b.fingerprint));
    const total = scored.reduce((sum, item) => sum + item.units, 0);
    return { category, weight, units: total, lost: total / unitsPerPoint, saturated, items: scored.map((item) => ({ fingerprint: item.fingerprint, points: item.units / unitsPerPoint })) };
  });
  const score = (100 * unitsPerPoint - categories.reduce((sum, category) => sum + category.units, 0)) / unitsPerPoint;
  return {
    formula: healthFormula,
    score,
    rating: ratings.find((grade) => score >= grade.from)?.rating ?? 'E',
    categories: categories.map(({ units: _units, ...category }) => category),
  };
}

/** `total` units shared by the items in proportion to their points, by largest remainders. */
function shareUnits(items: readonly { points: number }[], total: number): number[] {
  const sum = items.reduce((acc, item) => acc + item.points, 0);
  const exact = items.map((item) => (item.points / sum) * total);
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((acc, share) => acc + share, 0);
  const order = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    shares[index]!++;
    left--;
  }
  return shares;
}

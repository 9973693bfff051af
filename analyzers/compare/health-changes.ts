/** What the comparison reads of a snapshot's stored health score. */
interface ComparedHealth {
  formula: string;
  score: number | null;
  rating: string | null;
  parts: readonly { category: string; title: string; lost: number }[];
}

interface PartChange {
  category: string;
  title: string;
  /** Points the part lost in each snapshot; null where the snapshot's score had no such part. */
  lostBefore: number | null;
  lostAfter: number | null;
}

type HealthChanges =
  | { comparable: true; scoreBefore: number | null; scoreAfter: number | null; ratingBefore: string | null; ratingAfter: string | null; parts: PartChange[] }
  /** Scores of two formulas are never compared (docs/health-score.md). */
  | { comparable: false; reason: string };

/** Two snapshots' health scores side by side, with each part's lost points, the most changed first. */
export function healthChanges(from: ComparedHealth, to: ComparedHealth): HealthChanges {
  if (from.formula !== to.formula) return { comparable: false, reason: `the scores were made by two formulas (${from.formula} and ${to.formula}); scan the older commit again to compare` };
  const parts = new Map<string, PartChange>();
  for (const part of from.parts) parts.set(part.category, { category: part.category, title: part.title, lostBefore: part.lost, lostAfter: null });
  for (const part of to.parts) parts.set(part.category, { category: part.category, title: part.title, lostBefore: parts.get(part.category)?.lostBefore ?? null, lostAfter: part.lost });
  const moved = (part: PartChange): number => Math.abs((part.lostAfter ?? 0) - (part.lostBefore ?? 0));
  return {
    comparable: true,
    scoreBefore: from.score,
    scoreAfter: to.score,
    ratingBefore: from.rating,
    ratingAfter: to.rating,
    parts: [...parts.values()].sort((a, b) => moved(b) - moved(a) || a.category.localeCompare(b.category)),
  };
}

import { type HealthCategory, type ScoredItem, healthScore } from './health-score.js';
import type { BreakdownItem, BreakdownPart } from './score-change.js';

/**
 * The next steps that buy the most score per hour: a few items of one kind each, what fixing them
 * takes, and what the score gains then — computed by the score's own formula without them, so that a
 * saturated part (whose items share its weight) promises only what removing them really gives.
 */

interface NextAction {
  readonly category: string;
  readonly kind: string;
  readonly items: readonly BreakdownItem[];
  readonly effortMinutes: number;
  readonly gain: number;
}

/** One action stays within about a working day, and names few enough items to read in one sentence. */
const dayOfWork = 8 * 60;
const itemsPerAction = 3;
/** The weekly report's "three next steps". */
const actionsListed = 3;

const confidences = new Set(['high', 'medium', 'low']);

export function nextActions(breakdown: readonly BreakdownPart[], linesOfCode: number): NextAction[] {
  const scored = breakdown.flatMap((part) =>
    part.items.flatMap((item): (ScoredItem & { item: BreakdownItem })[] =>
      confidences.has(item.confidence) ? [{ fingerprint: item.fingerprint, category: part.category as HealthCategory, confidence: item.confidence as ScoredItem['confidence'], effortMinutes: item.effortMinutes, item }] : [],
    ),
  );
  const now = healthScore(scored, linesOfCode);
  if (now.score === null) return [];
  const kinds = new Map<string, (typeof scored)[number][]>();
  for (const entry of scored) kinds.set(entry.item.kind, [...(kinds.get(entry.item.kind) ?? []), entry]);
  const perHour = (entry: (typeof scored)[number]) => entry.item.points / Math.max(entry.effortMinutes, 1);
  const candidates = [...kinds.values()].map((entries) => {
    const ranked = [...entries].sort((a, b) => perHour(b) - perHour(a) || b.item.points - a.item.points || a.fingerprint.localeCompare(b.fingerprint));
    const chosen: typeof ranked = [];
    for (const entry of ranked) {
      const effort = chosen.reduce((sum, picked) => sum + picked.effortMinutes, 0);
      if (chosen.length > 0 && (chosen.length >= itemsPerAction || effort + entry.effortMinutes > dayOfWork)) break;
      chosen.push(entry);
    }
    const left = new Set(chosen.map((entry) => entry.fingerprint));
    const after = healthScore(
      scored.filter((entry) => !left.has(entry.fingerprint)),
      linesOfCode,
    );
    const effortMinutes = chosen.reduce((sum, entry) => sum + entry.effortMinutes, 0);
    return { category: chosen[0]!.category, kind: chosen[0]!.item.kind, items: chosen.map((entry) => entry.item), effortMinutes, gain: Math.max(0, Math.round(((after.score ?? now.score) - now.score) * 1e6) / 1e6) };
  });
  return candidates
    .filter((action) => action.gain > 0)
    .sort((a, b) => b.gain / Math.max(b.effortMinutes, 1) - a.gain / Math.max(a.effortMinutes, 1) || b.gain - a.gain || a.kind.localeCompare(b.kind))
    .slice(0, actionsListed);
}

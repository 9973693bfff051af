import { describe, expect, it } from 'vitest';
import { type ScoredItem, healthCategories, healthScore } from '../../analyzers/health/health-score.js';

/** 1,000 lines: a category's budget is 0.1 × 30 × 1,000 = 3,000 minutes, so complexity (weight 20) loses 1 point per 150 minutes. */
const lines = 1000;
const item = (fingerprint: string, effortMinutes: number, overrides: Partial<ScoredItem> = {}): ScoredItem => ({ fingerprint, category: 'complexity', confidence: 'high', effortMinutes, ...overrides });

function scored(items: readonly ScoredItem[], linesOfCode = lines) {
  const result = healthScore(items, linesOfCode);
  if (result.score === null) throw new Error(result.reason);
  return result;
}

describe('health score', () => {
  it('is 100 with nothing open, and the weights of its parts add up to 100', () => {
    const result = scored([]);
    expect(result.score).toBe(100);
    expect(result.rating).toBe('A');
    expect(Object.values(healthCategories).reduce((sum, category) => sum + category.weight, 0)).toBe(100);
  });

  it('takes from each part in proportion to the effort of its items against the code, and the points listed add up to 100 − score', () => {
    const result = scored([item('a', 150), item('b', 300), item('v', 600, { category: 'vulnerabilities' }), item('d', 30, { category: 'dead-code' })]);
    const byCategory = Object.fromEntries(result.categories.map((category) => [category.category, category]));
    expect(byCategory['complexity']!.items).toEqual([
      { fingerprint: 'b', points: 2 },
      { fingerprint: 'a', points: 1 },
    ]);
    // Vulnerabilities weigh 15: 600 / 3,000 × 15 = 3; dead code 10: 30 / 3,000 × 10 = 0.1.
    expect(byCategory['vulnerabilities']!.lost).toBe(3);
    expect(byCategory['dead-code']!.lost).toBe(0.1);
    expect(result.score).toBe(93.9);
    const listed = result.categories.flatMap((category) => category.items).reduce((sum, entry) => sum + entry.points, 0);
    expect(listed).toBeCloseTo(100 - result.score, 9);
  });

  it('counts medium-confidence items half and low-confidence ones not at all', () => {
    const result = scored([item('high', 150), item('medium', 150, { confidence: 'medium' }), item('low', 1500, { confidence: 'low' })]);
    expect(result.categories.find((category) => category.category === 'complexity')!.items).toEqual([
      { fingerprint: 'high', points: 1 },
      { fingerprint: 'medium', points: 0.5 },
    ]);
    expect(result.score).toBe(98.5);
  });

  it('gains exactly an item’s points when it goes, and counts a two-minute item in a million lines', () => {
    const items = [item('a', 37), item('b', 41), item('c', 59, { category: 'architecture' }), item('d', 13, { category: 'knowledge', confidence: 'medium' })];
    const before = scored(items);
    for (const gone of items) {
      const points = before.categories.flatMap((category) => category.items).find((entry) => entry.fingerprint === gone.fingerprint)?.points ?? 0;
      const after = scored(items.filter((other) => other !== gone));
      expect(after.score - before.score).toBeCloseTo(points, 9);
    }
    const tiny = scored([item('t', 2, { category: 'dead-code' })], 1_000_000);
    expect(tiny.categories.find((category) => category.category === 'dead-code')!.items).toEqual([{ fingerprint: 't', points: 0.000007 }]);
  });

  it('caps a part at its weight, its items sharing it exactly, and says it is saturated', () => {
    const result = scored([item('a', 2000), item('b', 2000), item('c', 1000)]);
    const complexity = result.categories.find((category) => category.category === 'complexity')!;
    expect(complexity.saturated).toBe(true);
    expect(complexity.lost).toBe(20);
    expect(complexity.items).toEqual([
      { fingerprint: 'a', points: 8 },
      { fingerprint: 'b', points: 8 },
      { fingerprint: 'c', points: 4 },
    ]);
    expect(result.score).toBe(80);
    expect(result.rating).toBe('B');
  });

  it('rates by score: A from 90, B from 75, C from 60, D from 40, else E', () => {
    const ratingAt = (lost: number) => scored([item('x', lost * 150 * 1000, {})], 1000 * 1000).rating;
    expect([ratingAt(10), ratingAt(10.1), ratingAt(20)]).toEqual(['A', 'B', 'B']);
    const everything = (Object.keys(healthCategories) as (keyof typeof healthCategories)[]).map((category) => item(category, 1e9, { category }));
    expect(scored(everything)).toMatchObject({ score: 0, rating: 'E' });
  });

  it('gives no score, and says why, for code with no lines', () => {
    expect(healthScore([item('a', 10)], 0)).toEqual({ formula: 'health-2', score: null, reason: 'no lines of code to weigh the debt against' });
  });
});

import { describe, expect, it } from 'vitest';
import { healthScore } from '../../analyzers/health/health-score.js';
import { nextActions } from '../../analyzers/health/next-actions.js';
import { type BreakdownPart, compareBreakdowns } from '../../analyzers/health/score-change.js';
import { plainText } from '../../core/api/report-document.js';
import { reportBlocks } from '../../core/api/report-wording.js';
import type { RepositoryReport, WeeklyReport } from '../../core/api/reports.js';
import { reportMarkdown } from '../../core/reports/report-markdown.js';

const linesOfCode = 2000;

/** A breakdown as the score stores it, from items (fingerprint, kind, category, effort in minutes). */
function breakdown(items: { fingerprint: string; kind: string; category: 'complexity' | 'dead-code' | 'hotspots'; effort: number; title?: string; path?: string }[], lines = linesOfCode): BreakdownPart[] {
  const result = healthScore(items.map((item) => ({ fingerprint: item.fingerprint, category: item.category, confidence: 'high' as const, effortMinutes: item.effort })), lines);
  if (result.score === null) throw new Error('no score');
  return result.categories.map((part) => ({
    category: part.category,
    title: part.category,
    weight: part.weight,
    lost: part.lost,
    items: part.items.map(({ fingerprint, points }) => {
      const item = items.find((candidate) => candidate.fingerprint === fingerprint)!;
      return { fingerprint, kind: item.kind, title: item.title ?? `${fingerprint} is hard`, path: item.path ?? `src/${fingerprint}.ts`, confidence: 'high', effortMinutes: item.effort, points };
    }),
  }));
}

const scoreOf = (parts: readonly BreakdownPart[]) => 100 - parts.reduce((sum, part) => sum + part.lost, 0);
/** The comparison and the actions as the report carries them (plain arrays). */
const reportParts = (now: readonly BreakdownPart[], then: readonly BreakdownPart[] | null) => compareBreakdowns(now, then).map((part) => ({ ...part, added: [...part.added], removed: [...part.removed] }));
const reportActions = (now: readonly BreakdownPart[]) => nextActions(now, linesOfCode).map((action) => ({ ...action, items: [...action.items] }));

describe('compareBreakdowns', () => {
  it('names the items that came and went, and the change of the rest, adding up to each part’s change', () => {
    const then = breakdown([
      { fingerprint: 'aaaa', kind: 'complex-function', category: 'complexity', effort: 60 },
      { fingerprint: 'bbbb', kind: 'complex-function', category: 'complexity', effort: 30 },
      { fingerprint: 'cccc', kind: 'unused-export', category: 'dead-code', effort: 10 },
    ]);
    const now = breakdown(
      [
        { fingerprint: 'aaaa', kind: 'complex-function', category: 'complexity', effort: 90 },
        { fingerprint: 'dddd', kind: 'complex-function', category: 'complexity', effort: 45 },
      ],
      2400,
    );
    const parts = compareBreakdowns(now, then);
    const complexity = parts.find((part) => part.category === 'complexity')!;
    expect(complexity.added.map((item) => item.fingerprint)).toEqual(['dddd']);
    expect(complexity.removed.map((item) => item.fingerprint)).toEqual(['bbbb']);
    const sum = -complexity.added.reduce((total, item) => total + item.points, 0) + complexity.removed.reduce((total, item) => total + item.points, 0) + complexity.reweighed;
    expect(sum).toBeCloseTo(complexity.change!, 6);
    const deadCode = parts.find((part) => part.category === 'dead-code')!;
    expect(deadCode.removed.map((item) => item.fingerprint)).toEqual(['cccc']);
    expect(deadCode.change).toBeGreaterThan(0);
    const total = parts.reduce((change, part) => change + (part.change ?? 0), 0);
    expect(total).toBeCloseTo(scoreOf(now) - scoreOf(then), 6);
  });

  it('without an earlier breakdown, tells each part as it stands and no change', () => {
    const now = breakdown([{ fingerprint: 'aaaa', kind: 'complex-function', category: 'complexity', effort: 60 }]);
    const [complexity] = compareBreakdowns(now, null).filter((part) => part.lostNow > 0);
    expect(complexity).toMatchObject({ category: 'complexity', lostThen: null, change: null, added: [], removed: [] });
  });
});

describe('nextActions', () => {
  it('recommends at most three actions of different kinds, each gaining what the score gives without its items', () => {
    const parts = breakdown([
      { fingerprint: 'aaaa', kind: 'complex-function', category: 'complexity', effort: 120 },
      { fingerprint: 'bbbb', kind: 'complex-function', category: 'complexity', effort: 60 },
      { fingerprint: 'cccc', kind: 'unused-export', category: 'dead-code', effort: 10 },
      { fingerprint: 'dddd', kind: 'hotspot', category: 'hotspots', effort: 240 },
      { fingerprint: 'eeee', kind: 'complex-file', category: 'complexity', effort: 30 },
    ]);
    const actions = nextActions(parts, linesOfCode);
    expect(actions).toHaveLength(3);
    expect(new Set(actions.map((action) => action.kind)).size).toBe(3);
    const all = parts.flatMap((part) => part.items.map((item) => ({ ...item, category: part.category })));
    for (const action of actions) {
      const gone = new Set(action.items.map((item) => item.fingerprint));
      const after = healthScore(
        all.filter((item) => !gone.has(item.fingerprint)).map((item) => ({ fingerprint: item.fingerprint, category: item.category as 'complexity', confidence: 'high' as const, effortMinutes: item.effortMinutes })),
        linesOfCode,
      );
      expect(action.gain).toBeCloseTo(after.score! - scoreOf(parts), 6);
      expect(action.effortMinutes).toBe(action.items.reduce((sum, item) => sum + item.effortMinutes, 0));
    }
    // Best score per hour first: hotspots (15 points of weight) before complexity (20) per unit of effort is not assumed; the order is by gain per hour.
    const perHour = actions.map((action) => action.gain / action.effortMinutes);
    expect([...perHour].sort((a, b) => b - a)).toEqual(perHour);
  });

  it('in a saturated part promises only what removing the items really gives', () => {
    // 400 hours of complexity debt in 2,000 lines: the part has lost all its 20 points; removing one hour gains nothing.
    const items = Array.from({ length: 400 }, (_, index) => ({ fingerprint: `f${index}`, kind: 'complex-function', category: 'complexity' as const, effort: 60 }));
    const parts = breakdown(items);
    expect(parts.find((part) => part.category === 'complexity')!.lost).toBe(20);
    expect(nextActions(parts, linesOfCode)).toEqual([]);
  });
});

function repositoryReport(overrides: Partial<RepositoryReport> = {}): RepositoryReport {
  const now = breakdown([
    { fingerprint: 'aaaa', kind: 'complex-function', category: 'complexity', effort: 90, title: 'total is hard to follow: cognitive complexity 30', path: 'src/orders.ts' },
    { fingerprint: 'dddd', kind: 'unused-export', category: 'dead-code', effort: 10, title: 'legacy*Total is exported but never imported', path: 'src/`odd`.ts' },
  ]);
  const then = breakdown([{ fingerprint: 'aaaa', kind: 'complex-function', category: 'complexity', effort: 90, path: 'src/orders.ts' }]);
  return {
    repository: { id: 1, name: 'shop', path: '/src/shop' },
    current: { snapshotId: 9, commit: 'abcdef1234567', at: '2026-03-28T10:00:00.000Z', kind: 'head' },
    target: '2026-03-21T10:00:00.000Z',
    baseline: { snapshotId: 5, commit: '1234567abcdef', at: '2026-03-20T10:00:00.000Z', kind: 'backfill' },
    score: { now: scoreOf(now), rating: 'A', then: scoreOf(then), ratingThen: 'A', linesOfCode, linesOfCodeThen: linesOfCode, reason: null },
    series: [
      { snapshotId: 5, at: '2026-03-20T10:00:00.000Z', score: scoreOf(then) },
      { snapshotId: 9, at: '2026-03-28T10:00:00.000Z', score: scoreOf(now) },
    ],
    parts: reportParts(now, then),
    openItems: { items: 2, effortMinutes: 100 },
    hotspots: [],
    hotspotItems: { topRanks: 10, minRevisions: 5 },
    dependencies: { now: null, then: null },
    coverage: { percent: null, matchesCommit: null },
    flakiness: { percent: null, tests: null, flaky: [] },
    forecasts: [],
    drafts: { opened: [], approved: [], rejected: [] },
    actions: reportActions(now),
    ...overrides,
  };
}

const weekly = (...repositories: RepositoryReport[]): WeeklyReport => ({ generatedAt: '2026-03-29T08:00:00.000Z', draftsSince: '2026-03-22T08:00:00.000Z', repositories });
const text = (report: WeeklyReport) => reportBlocks(report).map((block) => (block.kind === 'paragraph' ? plainText(block.content) : block.kind === 'list' ? block.items.map(plainText).join('\n') : block.kind === 'heading' ? block.text : '')).join('\n');

describe('the report in words', () => {
  it('opens with the score, its change and the item that caused it, then says which snapshot it compares with', () => {
    const words = text(weekly(repositoryReport()));
    const [headline] = words.split('\n').slice(1);
    expect(headline).toMatch(/^shop: health \d+\.\d of 100 \(A\), down 0\.\d+ points since 20 Mar 2026\. dead-code lost 0\.\d+ points: 1 item started costing points \(unused export legacy\*Total in src\/`odd`\.ts \(0\.\d+ pt\)\)\.$/);
    expect(words).toContain('Compared with snapshot 5, past commit 1234567 of 20 Mar 2026, backfilled: the scored commit nearest to 21 Mar 2026.');
    expect(words).toContain('Now: snapshot 9, commit abcdef1 of 28 Mar 2026, scanned.');
    expect(words).toMatch(/Simplify 1 complex function \(1\.5 h\): \+\d\.\d+ points\./);
    expect(words).toContain('Coverage: not measured');
    expect(words).toContain('Flaky tests: not measured');
    expect(words).not.toMatch(/\b0 % /);
  });

  it('without an earlier snapshot, says so and reports the current state only', () => {
    const report = repositoryReport({ baseline: null, score: { ...repositoryReport().score, then: null, ratingThen: null, linesOfCodeThen: null } });
    const words = text(weekly({ ...report, parts: reportParts(breakdown([{ fingerprint: 'aaaa', kind: 'complex-function', category: 'complexity', effort: 90 }]), null) }));
    expect(words).toContain('There is no earlier scored snapshot to compare with, so this report gives the current state only.');
    expect(words).not.toContain('since');
  });

  it('over several repositories, starts with a summary table, lowest score first', () => {
    const blocks = reportBlocks(weekly(repositoryReport(), repositoryReport({ repository: { id: 2, name: 'legacy', path: '/src/legacy' }, score: { ...repositoryReport().score, now: 61.5, rating: 'C' } })));
    expect(blocks[0]).toEqual({ kind: 'heading', level: 1, text: 'Weekly health report: 2 repositories' });
    const table = blocks[1]!;
    expect(table.kind === 'table' && table.rows.map((row) => plainText(row[0]!))).toEqual(['legacy', 'shop']);
  });

  it('names kinds of items as a sentence does: acronyms kept, plurals that read', () => {
    const action = (kind: string, count: number) => ({
      category: 'knowledge',
      kind,
      items: Array.from({ length: count }, (_, index) => ({ fingerprint: `f${index}`, kind, title: `src/f${index}.ts`, path: `src/f${index}.ts`, effortMinutes: 30, points: 1 })),
      effortMinutes: 30 * count,
      gain: count,
    });
    const words = text(weekly(repositoryReport({ actions: [action('deprecated-api-use', 2), action('owners-inactive', 2), action('owners-inactive', 1)] })));
    expect(words).toContain('Fix 2 deprecated API uses (1 h)');
    expect(words).toContain('Fix 2 files whose owners left (1 h)');
    expect(words).toContain('Fix 1 file whose owners left (30 min)');
  });

  it('in Markdown, keeps names from the repository from turning into formatting', () => {
    const markdown = reportMarkdown(reportBlocks(weekly(repositoryReport())));
    expect(markdown).toContain('`` src/`odd`.ts ``');
    expect(markdown).toContain('`legacy*Total`');
    expect(markdown.replaceAll('`legacy*Total`', '')).not.toContain('*Total');
  });
});

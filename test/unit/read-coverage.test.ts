import { describe, expect, it } from 'vitest';
import { coverageFormatOf, readCoverage, sourceMatcher } from '../../analyzers/test-coverage/read-coverage.js';

describe('readCoverage', () => {
  it('reads lcov line counts, counting a line once however many records mention it', () => {
    const read = readCoverage('lcov', 'TN:\nSF:src/a.ts\nFN:1,a\nDA:1,1\nDA:2,0\nDA:2,4\nDA:3,0\nLF:3\nLH:2\nend_of_record\n');
    expect(read).toEqual({ format: 'lcov', files: [{ source: 'src/a.ts', lines: 3, covered: 2, hits: new Map([[1, 1], [2, 4], [3, 0]]) }] });
  });

  it('reads Istanbul statements as lines (a line is run when a statement starting on it ran) and summaries as totals', () => {
    const final = { '/r/src/a.ts': { path: '/r/src/a.ts', statementMap: { 0: { start: { line: 1, column: 0 }, end: { line: 1, column: 9 } }, 1: { start: { line: 2, column: 0 } }, 2: { start: { line: 2, column: 12 } } }, s: { 0: 1, 1: 0, 2: 2 } } };
    expect(readCoverage('istanbul-final', JSON.stringify(final))).toEqual({ format: 'istanbul-final', files: [{ source: '/r/src/a.ts', lines: 2, covered: 2, hits: new Map([[1, 1], [2, 2]]) }] });
    const summary = { total: { lines: { total: 10, covered: 5 } }, '/r/src/a.ts': { lines: { total: 10, covered: 5, pct: 50 } } };
    expect(readCoverage('istanbul-summary', JSON.stringify(summary))).toEqual({ format: 'istanbul-summary', files: [{ source: '/r/src/a.ts', lines: 10, covered: 5, hits: null }] });
  });

  it('says why a corrupt or cut-short file cannot be read', () => {
    expect(readCoverage('lcov', 'SF:a.ts\nDA:1,1\n')).toEqual({ error: 'the record of a.ts is not closed (end_of_record): the file was cut short' });
    expect(readCoverage('lcov', '<html>')).toMatchObject({ error: expect.stringMatching(/line 1 is not lcov/) });
    expect(readCoverage('istanbul-final', '{"a.ts": {"s": {}}}')).toEqual({ error: 'the entry of a.ts has no statementMap and s' });
    expect(readCoverage('istanbul-summary', '[1, 2')).toMatchObject({ error: expect.any(String) });
  });

  it('knows the formats by their file names', () => {
    expect(['coverage/lcov.info', 'x/coverage-final.json', 'coverage-summary.json', 'report.xml'].map(coverageFormatOf)).toEqual(['lcov', 'istanbul-final', 'istanbul-summary', undefined]);
  });
});

describe('sourceMatcher', () => {
  const match = sourceMatcher({ root: '/work/shop', tracked: ['src/a.ts', 'packages/ui/src/button.ts', 'packages/api/src/index.ts', 'packages/web/src/index.ts'] });

  it('finds absolute paths in the work tree, paths relative to where the tests ran, and paths written on another machine', () => {
    expect(match('/work/shop/src/a.ts', '')).toBe('src/a.ts');
    expect(match('src/button.ts', 'packages/ui')).toBe('packages/ui/src/button.ts');
    expect(match('/home/runner/work/shop/shop/packages/ui/src/button.ts', '')).toBe('packages/ui/src/button.ts');
    expect(match('C:\\build\\shop\\packages\\api\\src\\index.ts', '')).toBe('packages/api/src/index.ts');
  });

  it('matches nothing rather than a guess: gone files, and tails that fit two files', () => {
    expect(match('/work/shop/src/gone.ts', '')).toBeUndefined();
    expect(match('/elsewhere/src/index.ts', '')).toBeUndefined();
  });
});

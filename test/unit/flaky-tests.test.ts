import { describe, expect, it } from 'vitest';
import { findFlakyTests } from '../../analyzers/tests/flaky-tests.js';
import { readJUnit } from '../../analyzers/tests/read-junit.js';

const run = (commit: string, at: number, outcomes: Record<string, 'passed' | 'failed' | 'skipped'>) => ({
  commit,
  at,
  results: Object.entries(outcomes).map(([name, outcome]) => ({ file: 'a.test.ts', name, outcome })),
});

describe('findFlakyTests', () => {
  it('calls flaky a test whose outcome flips back and forth across commits, not one that broke and was fixed', () => {
    const runs = [
      run('c1', 1, { flips: 'passed', regression: 'passed', steady: 'passed' }),
      run('c2', 2, { flips: 'failed', regression: 'failed', steady: 'passed' }),
      run('c3', 3, { flips: 'passed', regression: 'passed', steady: 'skipped' }),
      run('c4', 4, { flips: 'failed', regression: 'passed', steady: 'passed' }),
    ];
    const found = findFlakyTests(runs);
    expect(found.flaky.map((test) => [test.name, test.why, test.flips])).toEqual([['flips', 'flips', 3]]);
    expect(found.tests).toBe(3);
    expect(found.percent).toBe(33.3);
  });

  it('calls flaky a test retried within one run that failed, then passed', () => {
    const found = findFlakyTests([{ commit: 'c1', at: 1, results: [{ file: null, name: 'retried', outcome: 'failed' }, { file: null, name: 'retried', outcome: 'passed' }] }]);
    expect(found.flaky).toEqual([expect.objectContaining({ name: 'retried', why: 'same commit', commits: ['c1'], runs: 1 })]);
  });

  it('has no share without tests', () => {
    expect(findFlakyTests([])).toEqual({ tests: 0, flaky: [], percent: null });
  });
});

describe('readJUnit', () => {
  it('reads Jest-style suites (file on the suite), nested suites, errors as failures, and times', () => {
    const xml = `<testsuites><testsuite name="Cart" file="src/cart.test.ts"><testcase classname="Cart" name="Cart totals" time="0.5"/><testcase classname="Cart" name="throws"><error message="boom"/></testcase>
      <testsuite name="inner"><testcase name="deep"><skipped/></testcase></testsuite></testsuite></testsuites>`;
    expect(readJUnit(xml)).toEqual({
      cases: [
        { file: 'src/cart.test.ts', name: 'Cart totals', outcome: 'passed', durationMs: 500 },
        { file: 'src/cart.test.ts', name: 'Cart › throws', outcome: 'failed', durationMs: null },
        { file: 'src/cart.test.ts', name: 'deep', outcome: 'skipped', durationMs: null },
      ],
    });
  });

  it('says why a file is not a JUnit report', () => {
    expect(readJUnit('<html><body></body></html>')).toEqual({ error: 'no <testsuite> element: not a JUnit report' });
    expect(readJUnit('not xml at all <')).toMatchObject({ error: expect.stringMatching(/^not well-formed XML/) });
  });
});

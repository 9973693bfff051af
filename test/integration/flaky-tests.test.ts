import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HealthForecastReport } from '../../core/api/health.js';
import type { InventoryPage } from '../../core/api/inventory.js';
import type { TestImportOutcome, TestsReport } from '../../core/api/tests.js';
import { steward, stewardJson } from '../support/cli.js';
import { createRepository, temporaryDirectory } from '../support/git-fixture.js';

/** JUnit XML as Vitest writes it: one suite per test file. */
const junit = (cases: Record<string, 'passed' | 'failed' | 'skipped'>) => `<?xml version="1.0" encoding="UTF-8" ?>
<testsuites name="vitest tests" tests="${Object.keys(cases).length}">
  <testsuite name="src/cart.test.ts" tests="${Object.keys(cases).length}">
${Object.entries(cases)
  .map(([name, outcome]) => `    <testcase classname="src/cart.test.ts" name="${name}" time="0.01">${outcome === 'failed' ? '<failure message="expected 3 to be 4">AssertionError</failure>' : outcome === 'skipped' ? '<skipped/>' : ''}</testcase>`)
  .join('\n')}
  </testsuite>
</testsuites>
`;

describe('flaky tests from JUnit XML', () => {
  it('imports runs of HEAD, finds the test that passed and failed on one commit, lists it as an item, and takes a file once', () => {
    const repository = createRepository(join(temporaryDirectory(), 'shop'), [
      {
        author: 'Ada',
        email: 'ada@example.com',
        date: '2024-01-01T09:00:00Z',
        files: { '.gitignore': '*.xml\n', 'package.json': JSON.stringify({ name: 'shop', private: true, type: 'module', main: 'src/cart.ts' }), 'src/cart.ts': 'export const cart = 1;\n', 'src/cart.test.ts': 'export {};\n' },
      },
    ]);
    const home = temporaryDirectory();
    const first = join(repository, 'run-1.xml');
    const second = join(repository, 'run-2.xml');
    const broken = join(repository, 'broken.xml');
    writeFileSync(first, junit({ 'adds an item': 'passed', 'applies the discount': 'failed', 'ships abroad': 'skipped' }));
    writeFileSync(second, junit({ 'adds an item': 'passed', 'applies the discount': 'passed', 'ships abroad': 'skipped' }));
    writeFileSync(broken, '<testsuites><testsuite name="x"><testcase name="a">');

    const imported = stewardJson<TestImportOutcome>(home, ['tests', 'import', repository, first, second, broken]);
    expect(imported.imported.map((run) => [run.source, run.tests, run.failed, run.skipped, run.duplicate])).toEqual([
      ['run-1.xml', 3, 1, 1, false],
      ['run-2.xml', 3, 0, 1, false],
    ]);
    expect(imported.warnings).toEqual([expect.stringMatching(/^Test results: broken\.xml cannot be read \(not well-formed XML/)]);
    expect(stewardJson<TestImportOutcome>(home, ['tests', 'import', repository, first]).imported[0]!.duplicate).toBe(true);
    const bad = steward(home, ['tests', 'import', repository, broken]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);

    stewardJson(home, ['scan', repository, '--offline']);
    const report = stewardJson<TestsReport>(home, ['flaky', repository]);
    expect(report.runs).toHaveLength(2);
    expect(report.tests).toBe(2);
    expect(report.flaky).toEqual([expect.objectContaining({ name: 'applies the discount', file: 'src/cart.test.ts', why: 'same commit', failures: 1, passes: 1 })]);
    expect(report.flakyPercent).toBe(50);
    const items = stewardJson<InventoryPage>(home, ['inventory', repository, '--kind', 'flaky-test']).items;
    expect(items).toEqual([expect.objectContaining({ path: 'src/cart.test.ts', confidence: 'high' })]);
    expect(steward(home, ['flaky', repository]).stdout).toContain('1 flaky test of 2 tests (50%) over 2 runs');
    // The share is kept with each scan, for its trend.
    expect(stewardJson<HealthForecastReport>(home, ['forecast', repository]).flakyPercent.series.map((point) => point.value)).toEqual([50]);
  });
});

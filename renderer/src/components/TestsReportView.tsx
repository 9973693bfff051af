import type { TestsReport } from '../../../core/api/tests';
import { formatDateTime, formatNumber } from '../format';
import { FileLink } from './Location';
import { type Column, SortableTable } from './SortableTable';
import { Tile } from './Tile';

type FlakyTest = TestsReport['flaky'][number];

/** Flaky tests from the runs imported: how many, which, and why each counts as flaky. */
export function TestsReportView({ report, root }: { report: TestsReport; root: string }) {
  if (report.status !== 'read') {
    return (
      <p className="empty">
        {report.status === 'none'
          ? 'No test results yet. Have the test runner write JUnit XML (vitest --reporter=junit, jest-junit, playwright --reporter=junit) to junit.xml, test-results/junit.xml or reports/junit.xml, or import files with steward tests import <path> <files…>, then scan again.'
          : 'A past commit (backfilled): no test results were imported for it.'}
      </p>
    );
  }
  const columns: Column<FlakyTest>[] = [
    { key: 'name', title: 'Test', sortValue: (test) => test.name, render: (test) => test.name },
    { key: 'file', title: 'File', sortValue: (test) => test.file ?? '', render: (test) => (test.file ? <FileLink root={root} path={test.file} /> : <span className="muted">–</span>) },
    { key: 'why', title: 'Why flaky', sortValue: (test) => test.why, render: (test) => (test.why === 'same commit' ? 'passed and failed on one commit' : `flipped ${test.flips} times`) },
    { key: 'failures', title: 'Failures', numeric: true, sortValue: (test) => test.failures, render: (test) => formatNumber(test.failures) },
    { key: 'passes', title: 'Passes', numeric: true, sortValue: (test) => test.passes, render: (test) => formatNumber(test.passes) },
  ];
  const last = report.runs.at(-1);
  return (
    <>
      <dl className="tiles">
        <Tile label="Flaky tests" value={report.flaky.length} dimZero />
        <Tile label="Flaky share" value={report.flakyPercent === null ? '–' : `${report.flakyPercent.toFixed(1)}%`} />
        <Tile label="Tests" value={report.tests} />
        <Tile label="Runs imported" value={report.runs.length} />
      </dl>
      {last && (
        <p className="muted">
          Latest run: {last.source}, written {formatDateTime(last.writtenAt)} ({formatNumber(last.tests)} tests, {formatNumber(last.failed)} failed).
        </p>
      )}
      {report.flaky.length === 0 ? (
        <p className="empty">No test passed and failed on one commit, and none flips across the runs imported.</p>
      ) : (
        <SortableTable label="Flaky tests" columns={columns} rows={report.flaky} rowKey={(test) => `${test.file ?? ''}:${test.name}`} initialSort="failures" />
      )}
    </>
  );
}

import type { CoverageReport } from '../../../core/api/coverage';
import { formatDateTime, formatNumber } from '../format';
import { FileLink, Location } from './Location';
import { type Column, SortableTable, filePath } from './SortableTable';
import { Tile } from './Tile';

type FileCoverage = CoverageReport['files'][number];
type ComplexFunction = CoverageReport['complexFunctions'][number];

const percent = (value: number | null): string => (value === null ? '–' : `${value.toFixed(1)}%`);
const matchWords: Record<CoverageReport['sources'][number]['matchesCommit'], string> = { yes: 'of this commit', no: 'of an older commit', unknown: 'of this commit or uncommitted edits' };

/** The coverage the repository's tests wrote: where it came from and whether it is of this commit, the least covered files, and complex functions the tests leave unrun. */
export function CoverageReportView({ report, root }: { report: CoverageReport; root: string }) {
  if (report.status !== 'read') {
    return (
      <p className="empty">
        {report.status === 'none'
          ? 'No coverage found. Run the tests with coverage (for example vitest --coverage, jest --coverage or c8) so that coverage/lcov.info, coverage-final.json or coverage-summary.json exists, then scan again.'
          : 'A past commit (backfilled): its tests were not run, so it has no coverage.'}
      </p>
    );
  }
  const all = report.folders.find((folder) => folder.path === '');
  const fileColumns: Column<FileCoverage>[] = [
    { key: 'path', title: 'File', sortValue: (file) => file.path, render: (file) => <FileLink root={root} path={file.path} /> },
    { key: 'lines', title: 'Lines', numeric: true, sortValue: (file) => file.lines, render: (file) => formatNumber(file.lines) },
    { key: 'covered', title: 'Run by tests', numeric: true, sortValue: (file) => file.covered, render: (file) => formatNumber(file.covered) },
    { key: 'percent', title: 'Covered', numeric: true, sortValue: (file) => file.percent ?? -1, render: (file) => percent(file.percent) },
    { key: 'uncovered', title: 'Never run', numeric: true, sortValue: (file) => file.lines - file.covered, render: (file) => formatNumber(file.lines - file.covered) },
  ];
  const functionColumns: Column<ComplexFunction>[] = [
    { key: 'name', title: 'Function', sortValue: (fn) => fn.name, render: (fn) => <code>{fn.name}</code> },
    { key: 'where', title: 'Where', sortValue: (fn) => `${fn.path}:${String(fn.line).padStart(6, '0')}`, render: (fn) => <Location root={root} path={fn.path} line={fn.line} /> },
    { key: 'cognitive', title: 'Cognitive', numeric: true, sortValue: (fn) => fn.cognitive, render: (fn) => fn.cognitive },
    { key: 'percent', title: 'Covered', numeric: true, sortValue: (fn) => fn.percent ?? -1, render: (fn) => percent(fn.percent) },
    { key: 'uncovered', title: 'Lines never run', numeric: true, sortValue: (fn) => fn.lines - fn.covered, render: (fn) => formatNumber(fn.lines - fn.covered) },
  ];
  return (
    <>
      <dl className="tiles">
        <Tile label="Lines run by tests" value={percent(all?.percent ?? null)} />
        <Tile label="Covered files" value={report.files.length} />
        <Tile label="Complex functions under 50%" value={report.complexFunctions.filter((fn) => fn.percent !== null && fn.percent < 50).length} dimZero />
      </dl>
      <ul aria-label="Coverage files">
        {report.sources.map((source) => (
          <li key={source.file}>
            <code>{source.file}</code> ({source.format}), written {formatDateTime(source.modifiedAt)}: {source.error ? `unreadable (${source.error})` : `${formatNumber(source.files)} files, ${matchWords[source.matchesCommit]} — ${source.reason}`}
          </li>
        ))}
      </ul>
      <h2>Complex functions, most lines never run first</h2>
      {report.complexFunctions.length === 0 ? (
        <p className="empty">No function over the complexity threshold in the covered files.</p>
      ) : (
        <SortableTable label="Complex functions by coverage" columns={functionColumns} rows={report.complexFunctions} rowKey={(fn) => `${fn.path}:${fn.line}:${fn.name}`} initialSort="uncovered" pathsOf={filePath} />
      )}
      <h2>Files, most lines never run first</h2>
      <SortableTable label="Covered files" columns={fileColumns} rows={report.files} rowKey={(file) => file.path} initialSort="uncovered" pathsOf={filePath} />
    </>
  );
}

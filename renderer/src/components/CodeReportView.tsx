import { useMemo, useState } from 'react';
import type { CodeReport, ComplexFunction, ComplexityTotals } from '../../../core/api/code';
import { formatNumber } from '../format';
import { Location } from './Location';
import { type Column, SortableTable, filePath, folderPath } from './SortableTable';
import { Tile } from './Tile';

function functionColumns(root: string, thresholds: CodeReport['thresholds']): Column<ComplexFunction>[] {
  return [
    { key: 'name', title: 'Function', sortValue: (fn) => fn.name, render: (fn) => <code>{fn.name}</code> },
    { key: 'location', title: 'Location', sortValue: (fn) => fn.path, render: (fn) => <Location root={root} path={fn.path} line={fn.line} /> },
    {
      key: 'cognitive',
      title: 'Cognitive',
      meaning: 'cognitive',
      numeric: true,
      sortValue: (fn) => fn.cognitive,
      render: (fn) => <span className={fn.cognitive > thresholds.cognitive ? 'over' : undefined}>{fn.cognitive}</span>,
    },
    {
      key: 'cyclomatic',
      title: 'Cyclomatic',
      meaning: 'cyclomatic',
      numeric: true,
      sortValue: (fn) => fn.cyclomatic,
      render: (fn) => <span className={fn.cyclomatic > thresholds.cyclomatic ? 'over' : undefined}>{fn.cyclomatic}</span>,
    },
    { key: 'nesting', title: 'Nesting', meaning: 'nesting', numeric: true, sortValue: (fn) => fn.maxNesting, render: (fn) => fn.maxNesting },
    { key: 'lines', title: 'Lines', numeric: true, sortValue: (fn) => fn.endLine - fn.line + 1, render: (fn) => formatNumber(fn.endLine - fn.line + 1) },
  ];
}

const folderColumns: Column<ComplexityTotals>[] = [
  { key: 'path', title: 'Folder', sortValue: (f) => f.path, render: (f) => <span className="path">{f.path || '(root)'}</span> },
  { key: 'files', title: 'Files', numeric: true, sortValue: (f) => f.files, render: (f) => formatNumber(f.files) },
  { key: 'functions', title: 'Functions', numeric: true, sortValue: (f) => f.functions, render: (f) => formatNumber(f.functions) },
  { key: 'cognitive', title: 'Cognitive (sum)', numeric: true, sortValue: (f) => f.cognitiveSum, render: (f) => formatNumber(f.cognitiveSum) },
  { key: 'p90', title: 'Cognitive p90', meaning: 'cognitiveP90', numeric: true, sortValue: (f) => f.cognitiveP90, render: (f) => f.cognitiveP90 },
  { key: 'over', title: 'Over threshold', numeric: true, sortValue: (f) => f.overThreshold, render: (f) => formatNumber(f.overThreshold) },
  {
    key: 'maintainability',
    title: 'Maintainability',
    meaning: 'maintainability',
    numeric: true,
    sortValue: (f) => f.maintainability ?? -1,
    render: (f) => (f.maintainability === null ? '–' : f.maintainability.toFixed(0)),
  },
];

/** The code engine's findings for one snapshot: complex functions and folders, cycles, boundaries, deprecated uses. */
export function CodeReportView({ report, root }: { report: CodeReport; root: string }) {
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const functions = useMemo(
    () => report.functions.filter((fn) => !needle || fn.name.toLowerCase().includes(needle) || fn.path.toLowerCase().includes(needle)),
    [report.functions, needle],
  );
  const folders = useMemo(() => report.folders.filter((folder) => !needle || folder.path.toLowerCase().includes(needle)), [report.folders, needle]);
  const overThreshold = report.folders.find((folder) => folder.path === '')?.overThreshold ?? 0;
  const columns = useMemo(() => functionColumns(root, report.thresholds), [root, report.thresholds]);

  return (
    <>
      <dl className="tiles">
        <Tile label={`Functions over threshold`} value={overThreshold} />
        <Tile label="Import cycles" value={report.cycles.length} />
        <Tile label="Boundary violations" value={report.boundaryViolations.length} />
        <Tile label="Deprecated API uses" value={report.deprecatedUses.length} />
        <Tile label="Files left out" value={report.excluded.length} />
      </dl>
      <p className="muted">
        Thresholds: cognitive complexity over {report.thresholds.cognitive} (SonarSource white paper), cyclomatic over {report.thresholds.cyclomatic} (as
        ESLint counts it). Set them in <code>steward.config.json</code>.
      </p>
      <div className="row filter-row">
        <label htmlFor="code-filter">Filter</label>
        <input id="code-filter" type="search" placeholder="function name or path" value={filter} onChange={(event) => setFilter(event.target.value)} />
      </div>

      <h2>Most complex functions</h2>
      {functions.length === 0 ? (
        <p className="empty">No function matches.</p>
      ) : (
        <SortableTable label="Most complex functions" columns={columns} rows={functions} rowKey={(fn) => `${fn.path}:${fn.line}:${fn.column}`} initialSort="cognitive" pathsOf={filePath} />
      )}

      <h2>Folders</h2>
      <SortableTable label="Folders" columns={folderColumns} rows={folders} rowKey={(folder) => folder.path} initialSort="cognitive" pathsOf={folderPath} />

      <Findings report={report} root={root} />
    </>
  );
}

function Findings({ report, root }: { report: CodeReport; root: string }) {
  return (
    <>
      <h2>Import cycles</h2>
      {report.cycles.length === 0 ? (
        <p className="muted">No import cycles (type-only imports are not counted).</p>
      ) : (
        <ol aria-label="Import cycles" className="findings">
          {report.cycles.map((cycle) => (
            <li key={cycle.files.join('|')}>
              {cycle.edges.map((edge) => (
                <div key={`${edge.from}>${edge.to}`}>
                  <Location root={root} path={edge.from} line={edge.line} /> <span className="muted">imports</span> <span className="path">{edge.to}</span>
                </div>
              ))}
            </li>
          ))}
        </ol>
      )}

      <h2>Boundary violations</h2>
      {report.boundaryViolations.length === 0 ? (
        <p className="muted">None. Boundaries are rules in steward.config.json, e.g. "renderer may not import electron".</p>
      ) : (
        <ul aria-label="Boundary violations" className="findings">
          {report.boundaryViolations.map((violation) => (
            <li key={`${violation.path}:${violation.line}:${violation.specifier}`}>
              <Location root={root} path={violation.path} line={violation.line} /> imports <code>{violation.target}</code> — {violation.rule}
            </li>
          ))}
        </ul>
      )}

      <h2>Deprecated API uses</h2>
      {report.deprecatedUses.length === 0 ? (
        <p className="muted">No uses of exports marked @deprecated.</p>
      ) : (
        <ul aria-label="Deprecated API uses" className="findings">
          {report.deprecatedUses.map((use) => (
            <li key={`${use.path}:${use.line}:${use.symbol}`}>
              <Location root={root} path={use.path} line={use.line} /> uses <code>{use.symbol}</code> from <span className="path">{use.declaredIn}</span>
              {use.message && <span className="muted"> — {use.message}</span>}
            </li>
          ))}
        </ul>
      )}

      {report.parseErrors.length > 0 && (
        <>
          <h2>Files with syntax errors</h2>
          <ul aria-label="Syntax errors" className="findings">
            {report.parseErrors.map((error) => (
              <li key={error.path}>
                <Location root={root} path={error.path} line={error.line} /> {error.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.excluded.length > 0 && (
        <details>
          <summary>{formatNumber(report.excluded.length)} files left out (generated, vendored, minified or build output)</summary>
          <ul className="findings">
            {report.excluded.map((file) => (
              <li key={file.path}>
                <span className="path">{file.path}</span> <span className="muted">— {file.reason}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

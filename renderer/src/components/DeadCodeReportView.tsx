import { Fragment, type ReactNode, useId, useMemo, useState } from 'react';
import { type DeadCodeFindingReport, type DeadCodeReport, deadCodeKindTitles, deadCodeKinds } from '../../../core/api/dead-code';
import { commitDay, formatNumber, plural } from '../format';
import { FileLink, Location } from './Location';
import { type Column, SortableTable } from './SortableTable';
import { Tile } from './Tile';

type Kind = DeadCodeFindingReport['kind'];
type Finding = DeadCodeFindingReport;
type Workspace = DeadCodeReport['workspaces'][number];

/** How each kind shows beyond its title: its column in the workspace table, the column its name goes in, and whether it is unused code (or a missing piece). */
const kinds: Record<Kind, { short: string; name: string | null; unused: boolean }> = {
  file: { short: 'Files', name: null, unused: true },
  export: { short: 'Exports', name: 'Export', unused: true },
  type: { short: 'Types', name: 'Type', unused: true },
  'enum-member': { short: 'Enum members', name: 'Member', unused: true },
  dependency: { short: 'Dependencies', name: 'Package', unused: true },
  'dev-dependency': { short: 'devDependencies', name: 'Package', unused: true },
  'misplaced-dependency': { short: 'Misplaced', name: 'Package', unused: false },
  'unlisted-dependency': { short: 'Unlisted', name: 'Package', unused: false },
  'unresolved-import': { short: 'Unresolved', name: 'Import', unused: false },
};

const folderOf = (path: string): string => path.slice(0, Math.max(0, path.lastIndexOf('/')));
const findingKey = (finding: Finding): string => `${finding.kind}:${finding.path}:${finding.line}:${finding.name}`;
const workspaceLabel = (workspace: Workspace): string => workspace.name ?? (workspace.dir || '(root)');

/** A reason as a sentence: capitalised, closed with a full stop, `backticked` names as code. */
function Sentence({ text }: { text: string }) {
  const sentence = `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;
  return <>{sentence.split('`').map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))}</>;
}

/** The dead-code analysis saved with one snapshot: unused files, exports, types, enum members and dependencies, plus unlisted and unresolved imports. */
export function DeadCodeReportView({ report, root }: { report: DeadCodeReport; root: string }) {
  const [filter, setFilter] = useState('');
  const [kind, setKind] = useState<Kind | 'all'>('all');
  const needle = filter.trim().toLowerCase();
  const counts = useMemo(() => {
    const byKind = Object.fromEntries(deadCodeKinds.map((each) => [each, 0])) as Record<Kind, number>;
    for (const finding of report.findings) byKind[finding.kind]++;
    return byKind;
  }, [report.findings]);
  const shown = useMemo(
    () =>
      report.findings
        .filter((finding) => kind === 'all' || finding.kind === kind)
        .filter((finding) => !needle || finding.path.toLowerCase().includes(needle) || finding.name.toLowerCase().includes(needle)),
    [report.findings, kind, needle],
  );

  return (
    <>
      <dl className="tiles dead-code-tiles">
        {deadCodeKinds.map((each) => (
          <Tile key={each} label={deadCodeKindTitles[each]} value={counts[each]} dimZero />
        ))}
      </dl>
      <p className="muted">
        Searched from {plural(report.stats.entries, 'entry', 'entries')}, {formatNumber(report.stats.reachable)} of {plural(report.stats.files, 'code file')} in use
        {report.production && <strong> (production entries only)</strong>}. Each finding says why it is reported; check before deleting anything a tool, a
        framework or another repository may load.
      </p>

      {report.doubts && <EntryDoubts doubts={report.doubts} root={root} />}

      {report.findings.length === 0 ? (
        <p className="empty">No dead code found.</p>
      ) : (
        <>
          {report.workspaces.length > 1 && <WorkspaceTotals workspaces={report.workspaces} />}

          <h2>Findings</h2>
          <div className="row filter-row">
            <label htmlFor="dead-code-filter">Filter</label>
            <input id="dead-code-filter" type="search" placeholder="path or name" value={filter} onChange={(event) => setFilter(event.target.value)} />
            <label htmlFor="dead-code-kind">Kind</label>
            <select id="dead-code-kind" value={kind} onChange={(event) => setKind(event.target.value as Kind | 'all')}>
              <option value="all">All kinds</option>
              {deadCodeKinds
                .filter((each) => counts[each] > 0)
                .map((each) => (
                  <option key={each} value={each}>
                    {deadCodeKindTitles[each]} ({formatNumber(counts[each])})
                  </option>
                ))}
            </select>
          </div>
          {shown.length === 0 ? (
            <p className="empty">No finding matches.</p>
          ) : (
            deadCodeKinds.map((each) => {
              const findings = shown.filter((finding) => finding.kind === each);
              return findings.length > 0 && <KindSection key={each} kind={each} findings={findings} report={report} root={root} />;
            })
          )}
        </>
      )}

      <details>
        <summary>The {plural(report.entries.length, 'entry', 'entries')} the search started from</summary>
        <EntryList label="Entries" entries={report.entries} root={root} />
      </details>
      {report.possiblyUsed.length > 0 && (
        <details>
          <summary>{plural(report.possiblyUsed.length, 'file')} counted as possibly used</summary>
          <EntryList label="Possibly used" entries={report.possiblyUsed} root={root} />
        </details>
      )}
    </>
  );
}

/** Where the entries found are not to be trusted: said before anyone reads the findings. */
function EntryDoubts({ doubts, root }: { doubts: NonNullable<DeadCodeReport['doubts']>; root: string }) {
  if (doubts.missedEntries.length === 0 && doubts.entryFloods.length === 0) return null;
  return (
    <section className="warnings entry-doubts" aria-label="Doubts about the entries">
      {doubts.missedEntries.map((missed) => (
        <div key={missed.workspace}>
          <p>
            <strong>Steward could not find how {missed.label} starts:</strong> its {plural(missed.entries, 'entry', 'entries')} reach only {formatNumber(missed.reachable)} of its{' '}
            {plural(missed.files, 'code file')}, so its unused files are low confidence. Is it one of these? Name the right ones in <code>steward.config.json</code>{' '}
            <code>deadCode.entry</code>.
          </p>
          <ul aria-label={`Likely entries of ${missed.label}`}>
            {missed.likelyEntries.map((entry) => (
              <li key={entry.path}>
                <FileLink root={root} path={entry.path} /> <span>— {entry.why}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {doubts.entryFloods.map((flood) => (
        <p key={flood.workspace}>
          <strong>
            {formatNumber(flood.entries)} of the {plural(flood.files, 'code file')} of {flood.label} are entries
          </strong>{' '}
          ({formatNumber(flood.causeEntries)} of them from {flood.cause}): nothing in it can be found unused.
        </p>
      ))}
    </section>
  );
}

function WorkspaceTotals({ workspaces }: { workspaces: readonly Workspace[] }) {
  const total = (workspace: Workspace): number => Object.values(workspace.findings).reduce((sum, count) => sum + count, 0);
  // A column per kind found somewhere: eleven columns of zeros do not fit a narrow window, nor help.
  const found = deadCodeKinds.filter((kind) => workspaces.some((workspace) => (workspace.findings[kind] ?? 0) > 0));
  const columns: Column<Workspace>[] = [
    {
      key: 'workspace',
      title: 'Workspace',
      sortValue: workspaceLabel,
      render: (workspace) => (
        <>
          {workspaceLabel(workspace)}
          {workspace.name !== null && <span className="muted path"> {workspace.dir || '(root)'}</span>}
        </>
      ),
    },
    ...found.map(
      (kind): Column<Workspace> => ({
        key: kind,
        title: kinds[kind].short,
        numeric: true,
        sortValue: (workspace) => workspace.findings[kind] ?? 0,
        render: (workspace) => <Count value={workspace.findings[kind] ?? 0} />,
      }),
    ),
    { key: 'total', title: 'Total', numeric: true, sortValue: total, render: (workspace) => <Count value={total(workspace)} /> },
  ];
  return (
    <>
      <h2>By workspace</h2>
      <SortableTable label="Findings by workspace" columns={columns} rows={workspaces} rowKey={(workspace) => workspace.dir} initialSort="total" />
    </>
  );
}

function Count({ value }: { value: number }) {
  return <span className={value === 0 ? 'muted' : undefined}>{formatNumber(value)}</span>;
}

/** One kind's findings, a collapsible group per folder. */
function KindSection({ kind, findings, report, root }: { kind: Kind; findings: readonly Finding[]; report: DeadCodeReport; root: string }) {
  const headingId = useId();
  const folders = useMemo(() => {
    const byFolder = new Map<string, Finding[]>();
    const sorted = [...findings].sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
    for (const finding of sorted) {
      const folder = folderOf(finding.path);
      const group = byFolder.get(folder);
      if (group) group.push(finding);
      else byFolder.set(folder, [finding]);
    }
    return [...byFolder].sort(([a], [b]) => a.localeCompare(b));
  }, [findings]);
  const title = deadCodeKindTitles[kind];
  return (
    <section aria-labelledby={headingId} className="dead-code-kind">
      <h3 id={headingId}>
        {title} <span className="muted">({formatNumber(findings.length)})</span>
      </h3>
      {folders.map(([folder, rows]) => (
        <details key={folder} open className="folder-group">
          <summary>
            <span className="path">{folder || '(root)'}</span> <span className="muted">· {formatNumber(rows.length)}</span>
          </summary>
          <FindingsTable kind={kind} label={`${title} in ${folder || '(root)'}`} findings={rows} report={report} root={root} />
        </details>
      ))}
    </section>
  );
}

function FindingsTable({ kind, label, findings, report, root }: { kind: Kind; label: string; findings: readonly Finding[]; report: DeadCodeReport; root: string }) {
  const traceId = useId();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const { name, unused } = kinds[kind];
  const columnCount = 4 + (name ? 1 : 0) + (kind === 'file' ? 1 : 0);
  const question = unused ? 'Why is this unused?' : 'Why is this reported?';

  return (
    <table aria-label={label} className={`dead-code-table ${kind === 'file' ? 'files' : 'named'}`}>
      <colgroup>
        <col className="location" />
        {name && <col className="name" />}
        {kind === 'file' && <col className="lines" />}
        <col className="confidence" />
        <col className="changed" />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th>Location</th>
          {name && <th>{name}</th>}
          {kind === 'file' && <th className="number">Lines of code</th>}
          <th>Confidence</th>
          <th>Last changed</th>
          <th>Reason</th>
        </tr>
      </thead>
      <tbody>
        {findings.map((finding, index) => {
          const key = findingKey(finding);
          const expanded = open.has(key);
          const id = `${traceId}-${index}`;
          return (
            <Fragment key={key}>
              <tr className={expanded ? 'expanded' : undefined}>
                <td>
                  <Location root={root} path={finding.path} line={finding.line} />
                </td>
                {name && (
                  <td>
                    <code>{finding.name}</code>
                  </td>
                )}
                {kind === 'file' && <td className="number">{finding.lines === null ? '—' : formatNumber(finding.lines)}</td>}
                <td>
                  <span className={`confidence ${finding.confidence}`} title={finding.confidenceReason}>
                    {finding.confidence}
                  </span>
                </td>
                <td>
                  <LastChanged finding={finding} />
                </td>
                <td>
                  <Sentence text={finding.reason} />{' '}
                  <button type="button" className="link-button why" aria-expanded={expanded} aria-controls={expanded ? id : undefined} onClick={() => toggle(key)}>
                    {question}
                  </button>
                </td>
              </tr>
              {expanded && (
                <tr className="trace-row">
                  <td colSpan={columnCount}>
                    <Trace id={id} finding={finding} report={report} root={root} />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

function LastChanged({ finding }: { finding: Finding }) {
  const touched = finding.lastTouched;
  if (!touched) return <span className="muted">—</span>;
  return (
    <span className="changed" title={`${commitDay(touched.date)} · ${touched.author}, commit ${touched.commit}`}>
      {commitDay(touched.date)} · {touched.author}
    </span>
  );
}

/** The evidence behind one finding: its reason, the files that import it, and the entries the search started from. */
function Trace({ id, finding, report, root }: { id: string; finding: Finding; report: DeadCodeReport; root: string }) {
  const subject = finding.kind === 'file' ? finding.path : finding.name;
  return (
    <div className="trace" id={id} role="region" aria-label={`Why ${subject} is ${kinds[finding.kind].unused ? 'unused' : 'reported'}`}>
      <dl className="facts">
        <dt>Reason</dt>
        <dd>
          <Sentence text={finding.reason} />
        </dd>
        <dt>Confidence</dt>
        <dd>
          {finding.confidence}: {finding.confidenceReason}
        </dd>
        <Importers finding={finding} root={root} />
        <dt>Entries searched</dt>
        <dd>
          {plural(report.entries.length, 'entry', 'entries')}
          {report.production && ' (production entries only)'}
          {finding.kind === 'file' && ', none of which leads to this file through imports'}.
          <details className="entries">
            <summary>Show the entries and why each is one</summary>
            <EntryList label="Entries searched" entries={report.entries} root={root} />
          </details>
        </dd>
      </dl>
    </div>
  );
}

/** Who imports the finding, in the words its kind calls for. */
function Importers({ finding, root }: { finding: Finding; root: string }) {
  const list = (note: ReactNode) => (
    <>
      <ul aria-label="Importers" className="plain-list">
        {finding.importers.map((path) => (
          <li key={path}>
            <FileLink root={root} path={path} />
          </li>
        ))}
      </ul>
      {note && <p className="note muted">{note}</p>}
    </>
  );
  const count = finding.importers.length;
  switch (finding.kind) {
    case 'file':
      return (
        <>
          <dt>Imported by</dt>
          <dd>
            {count === 0
              ? 'No file imports it.'
              : list(`${count === 1 ? 'That file is' : `All ${count} are`} unused too, so ${count === 1 ? 'it does' : 'they do'} not make this file used.`)}
          </dd>
        </>
      );
    case 'export':
    case 'type':
    case 'enum-member':
      return (
        <>
          <dt>Imported by</dt>
          <dd>
            {count === 0 ? (
              <>
                No file in use imports <span className="path">{finding.path}</span>.
              </>
            ) : (
              list(
                <>
                  {count === 1 ? 'This file in use imports' : `These ${count} files in use import`} <span className="path">{finding.path}</span>, but none asks for{' '}
                  <code>{finding.name}</code>.
                </>,
              )
            )}
          </dd>
        </>
      );
    case 'dependency':
    case 'dev-dependency':
    case 'misplaced-dependency':
      return (
        <>
          <dt>Imported by</dt>
          <dd>{count === 0 ? 'No file in use imports it.' : list(null)}</dd>
        </>
      );
    case 'unlisted-dependency':
      return (
        <>
          <dt>Imported by</dt>
          <dd>{count === 0 ? 'No file imports it.' : list(`${count === 1 ? 'This file is' : 'These files are'} in use, so the package is needed.`)}</dd>
        </>
      );
    case 'unresolved-import':
      return (
        <>
          <dt>Imported in</dt>
          <dd>
            <ul aria-label="Importers" className="plain-list">
              <li>
                <Location root={root} path={finding.path} line={finding.line} />
              </li>
            </ul>
          </dd>
        </>
      );
  }
}

function EntryList({ label, entries, root }: { label: string; entries: readonly { path: string; reason: string }[]; root: string }) {
  return (
    <ul aria-label={label} className="findings">
      {[...entries].sort((a, b) => a.path.localeCompare(b.path)).map((entry) => (
        <li key={entry.path}>
          <FileLink root={root} path={entry.path} /> <span className="muted">— {entry.reason}</span>
        </li>
      ))}
    </ul>
  );
}

import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { type ItemKind, itemKindTitles } from '../../../core/api/inventory';
import type { Repository } from '../../../core/api/repositories';
import type { SnapshotComparison } from '../../../core/api/snapshot-comparison';
import type { SnapshotSummary } from '../../../core/api/snapshots';
import { useRoute } from '../api/hooks';
import { Loading } from '../components/Loading';
import { FileLink, Location } from '../components/Location';
import { CodeViewSnapshot } from '../code-view';
import { formatChange, formatDate, formatNumber, plural, shortCommit } from '../format';

type Changes<Part extends keyof SnapshotComparison> = Extract<SnapshotComparison[Part], { state: 'compared' }>['changes'];

/** Two snapshots of a repository side by side: what changed, per analysis. */
export function ComparePage({ from, to }: { from: number; to: number }) {
  const comparison = useRoute('snapshots.compare', { from, to });
  return (
    <>
      <h1>Compare snapshots</h1>
      <Loading loaded={comparison}>{(value) => <ComparisonOfRepository comparison={value} />}</Loading>
    </>
  );
}

function ComparisonOfRepository({ comparison }: { comparison: SnapshotComparison }) {
  const repository = useRoute('repositories.get', { id: comparison.from.snapshot.repositoryId });
  return <Loading loaded={repository}>{(repo) => <Comparison comparison={comparison} repository={repo} />}</Loading>;
}

const describe = ({ snapshot }: SnapshotSummary): ReactNode => (
  <>
    <Link href={`/snapshots/${snapshot.id}`}>Snapshot {snapshot.id}</Link> of <code>{shortCommit(snapshot.commit)}</code> ({formatDate(snapshot.commitDate ?? snapshot.finishedAt)})
  </>
);

function Comparison({ comparison, repository }: { comparison: SnapshotComparison; repository: Repository }) {
  const { from, to } = comparison;
  return (
    <div className="comparison">
      <p className="breadcrumb">
        <Link href={`/repositories/${repository.id}/history`}>← {repository.name}: snapshots</Link>
      </p>
      <p className="snapshot-banner" role="note">
        {describe(from)} → {describe(to)}. <Link href={`/compare/${to.snapshot.id}/${from.snapshot.id}`}>Swap</Link>
      </p>
      <section aria-label="Summary">
        <h2>Summary</h2>
        <FiguresTable
          rows={[
            ['Files', from.files, to.files, 'neutral'],
            ['Lines of code', from.linesOfCode, to.linesOfCode, 'neutral'],
            ['Commits', from.commits, to.commits, 'neutral'],
            ['Contributors', from.contributors, to.contributors, 'neutral'],
          ]}
        />
      </section>
      <Part title="Health score" part={comparison.health}>{(changes) => <HealthChanges changes={changes} />}</Part>
      <Part title="Debt items" part={comparison.items}>{(changes) => <ItemChanges changes={changes} comparison={comparison} root={repository.path} />}</Part>
      <Part title="Complexity" part={comparison.complexity}>
        {(changes) => (
          <CodeViewSnapshot.Provider value={to.snapshot.id}>
            <FunctionChanges changes={changes} root={repository.path} />
          </CodeViewSnapshot.Provider>
        )}
      </Part>
      <Part title="Dependencies" part={comparison.dependencies}>{(changes) => <DependencyChanges changes={changes} />}</Part>
      <Part title="Hotspots" part={comparison.hotspots}>
        {(changes) => (
          <CodeViewSnapshot.Provider value={to.snapshot.id}>
            <HotspotChanges changes={changes} root={repository.path} />
          </CodeViewSnapshot.Provider>
        )}
      </Part>
    </div>
  );
}

/** One analysis's part: its changes, or why they cannot be told. */
function Part<Changes>({ title, part, children }: { title: string; part: { state: 'compared'; changes: Changes } | { state: 'missing'; reason: string }; children: (changes: Changes) => ReactNode }) {
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      {part.state === 'compared' ? children(part.changes) : <p className="empty">Not compared: {part.reason}</p>}
    </section>
  );
}

/** Whether a rise is good news (a score), bad news (lost points, items) or neither (lines of code). */
type Direction = 'higher-is-better' | 'lower-is-better' | 'neutral';

function ChangeCell({ before, after, direction, digits = 0 }: { before: number | null; after: number | null; direction: Direction; digits?: number }) {
  if (before === null || after === null) return <td className="number muted">—</td>;
  const change = after - before;
  const shown = digits === 0 ? (change === 0 ? '±0' : `${change > 0 ? '+' : '−'}${formatNumber(Math.abs(change))}`) : formatChange(change);
  const better = direction === 'neutral' || change === 0 ? '' : (change > 0) === (direction === 'higher-is-better') ? 'better' : 'worse';
  return <td className={`number change ${better}`}>{shown}</td>;
}

const figure = (value: number | null, digits = 0): string => (value === null ? '—' : digits === 0 ? formatNumber(value) : value.toFixed(digits));

/** A label, the value before and after, which way is better, and the decimals shown (none by default). */
type FigureRow = [string, number | null, number | null, Direction, number?];

function FiguresTable({ rows }: { rows: FigureRow[] }) {
  return (
    <table className="compare-figures">
      <thead>
        <tr>
          <th />
          <th className="number">Before</th>
          <th className="number">After</th>
          <th className="number">Change</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, before, after, direction, digits = 0]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td className="number">{figure(before, digits)}</td>
            <td className="number">{figure(after, digits)}</td>
            <ChangeCell before={before} after={after} direction={direction} digits={digits} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function HealthChanges({ changes }: { changes: Changes<'health'> }) {
  if (!changes.comparable) return <p className="empty">Not compared: {changes.reason}.</p>;
  const lost = changes.parts.filter((part) => (part.lostBefore ?? 0) > 0 || (part.lostAfter ?? 0) > 0);
  const unchanged = changes.parts.filter((part) => !lost.includes(part));
  return (
    <>
      <p>
        Score {figure(changes.scoreBefore, 1)} ({changes.ratingBefore ?? 'no rating'}) → {figure(changes.scoreAfter, 1)} ({changes.ratingAfter ?? 'no rating'})
      </p>
      <FiguresTable rows={[['Score', changes.scoreBefore, changes.scoreAfter, 'higher-is-better', 1], ...lost.map((part): FigureRow => [`${part.title}: points lost`, part.lostBefore, part.lostAfter, 'lower-is-better', 1])]} />
      {unchanged.length > 0 && <p className="muted">No points lost in either snapshot: {unchanged.map((part) => part.title).join(', ')}.</p>}
    </>
  );
}

const kindTitle = (kind: string): string => itemKindTitles[kind as ItemKind] ?? kind;

function ItemChanges({ changes, comparison, root }: { changes: Changes<'items'>; comparison: SnapshotComparison; root: string }) {
  const totals = changes.byKind.reduce((sum, entry) => ({ new: sum.new + entry.new, resolved: sum.resolved + entry.resolved }), { new: 0, resolved: 0 });
  const listed = (items: Changes<'items'>['new'], total: number, snapshotId: number, title: string) => (
    <details>
      <summary>
        {title} ({formatNumber(total)}
        {items.length < total ? `, the first ${formatNumber(items.length)} listed` : ''})
      </summary>
      <CodeViewSnapshot.Provider value={snapshotId}>
        <ul className="compare-items">
          {items.map((item) => (
            <li key={item.fingerprint}>
              <span className="muted">{kindTitle(item.kind)}:</span> {item.title}{' '}
              {item.path && (item.line === null ? <FileLink root={root} path={item.path} /> : <Location root={root} path={item.path} line={item.line} />)}
            </li>
          ))}
        </ul>
      </CodeViewSnapshot.Provider>
    </details>
  );
  return (
    <>
      <p>
        {plural(totals.new, 'new item')}, {plural(totals.resolved, 'item')} resolved.
      </p>
      <table aria-label="Items by kind">
        <thead>
          <tr>
            <th>Kind</th>
            <th className="number">New</th>
            <th className="number">Resolved</th>
            <th className="number">Still open</th>
          </tr>
        </thead>
        <tbody>
          {changes.byKind.map((entry) => (
            <tr key={entry.kind}>
              <td>{kindTitle(entry.kind)}</td>
              <td className={entry.new > 0 ? 'number change worse' : 'number'}>{formatNumber(entry.new)}</td>
              <td className={entry.resolved > 0 ? 'number change better' : 'number'}>{formatNumber(entry.resolved)}</td>
              <td className="number">{formatNumber(entry.stillOpen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {totals.new > 0 && listed(changes.new, totals.new, comparison.to.snapshot.id, 'New items')}
      {totals.resolved > 0 && listed(changes.resolved, totals.resolved, comparison.from.snapshot.id, 'Resolved items')}
    </>
  );
}

function FunctionChanges({ changes, root }: { changes: Changes<'complexity'>; root: string }) {
  const groups: [string, Changes<'complexity'>['appeared']][] = [
    ['New among the most complex', changes.appeared],
    ['Got worse', changes.worse],
    ['Got better', changes.better],
    ['Left the list (removed, simplified or renamed)', changes.left],
  ];
  if (groups.every(([, list]) => list.length === 0)) return <p className="muted">The most complex functions did not change.</p>;
  return (
    <table aria-label="Most complex functions">
      <thead>
        <tr>
          <th>Function</th>
          <th>Where</th>
          <th className="number">Cognitive before</th>
          <th className="number">After</th>
          <th className="number">Change</th>
        </tr>
      </thead>
      {groups
        .filter(([, list]) => list.length > 0)
        .map(([title, list]) => (
          <tbody key={title}>
            <tr className="group-row">
              <th colSpan={5} scope="rowgroup">
                {title} ({formatNumber(list.length)})
              </th>
            </tr>
            {list.map((entry) => (
              <tr key={`${entry.path}:${entry.name}:${entry.line}`}>
                <td>
                  <code>{entry.name}</code>
                </td>
                <td>{entry.cognitiveAfter === null ? <span className="path">{`${entry.path}:${entry.line}`}</span> : <Location root={root} path={entry.path} line={entry.line} />}</td>
                <td className="number">{figure(entry.cognitiveBefore)}</td>
                <td className="number">{figure(entry.cognitiveAfter)}</td>
                <ChangeCell before={entry.cognitiveBefore} after={entry.cognitiveAfter} direction="lower-is-better" />
              </tr>
            ))}
          </tbody>
        ))}
    </table>
  );
}

function DependencyChanges({ changes }: { changes: Changes<'dependencies'> }) {
  const { before, after } = changes;
  const versions = (title: string, list: Changes<'dependencies'>['upgraded']) =>
    list.length > 0 && (
      <li>
        <strong>{title}</strong> ({formatNumber(list.length)}):{' '}
        {list.map((entry, index) => (
          <span key={`${entry.workspace}/${entry.name}`}>
            {index > 0 && ', '}
            <code>{entry.name}</code> {[entry.before, entry.after].filter((version) => version !== null).join(' → ')}
            {entry.workspace !== '.' && <span className="muted"> ({entry.workspace})</span>}
          </span>
        ))}
      </li>
    );
  const advisories = (title: string, list: Changes<'dependencies'>['newlyVulnerable']) =>
    list.length > 0 && (
      <li>
        <strong>{title}</strong> ({formatNumber(list.length)}):{' '}
        {list.map((entry, index) => (
          <span key={`${entry.id}/${entry.package}/${entry.installed}`}>
            {index > 0 && ', '}
            <code>
              {entry.package}@{entry.installed}
            </code>{' '}
            {entry.severity}: {entry.title}
          </span>
        ))}
      </li>
    );
  const lists = [
    versions('Upgraded', changes.upgraded),
    versions('Downgraded', changes.downgraded),
    versions('Added', changes.added),
    versions('Removed', changes.removed),
    advisories('Newly vulnerable', changes.newlyVulnerable),
    advisories('No longer vulnerable', changes.noLongerVulnerable),
  ].filter(Boolean);
  return (
    <>
      <FiguresTable
        rows={[
          ['Dependencies', before.dependencies, after.dependencies, 'neutral'],
          ['Outdated', before.outdated, after.outdated, 'lower-is-better'],
          ['Vulnerabilities', before.vulnerabilities, after.vulnerabilities, 'lower-is-better'],
          ['Libyears (drift)', before.libyears, after.libyears, 'lower-is-better', 1],
        ]}
      />
      {lists.length > 0 ? <ul className="compare-lists">{lists}</ul> : <p className="muted">No dependency was added, removed or moved to another version.</p>}
    </>
  );
}

function HotspotChanges({ changes, root }: { changes: Changes<'hotspots'>; root: string }) {
  const rank = (value: number | null): string => (value === null ? 'not ranked' : `#${value}`);
  return (
    <>
      <p className="muted">
        Each snapshot ranks the files changed in the {plural(changes.windowMonths, 'month')} before its commit by changes × complexity; a file not changed in that window is not ranked.
      </p>
      <table aria-label="Top hotspots">
        <thead>
          <tr>
            <th>File</th>
            <th className="number">Rank before</th>
            <th className="number">Rank after</th>
            <th className="number">Score before</th>
            <th className="number">Score after</th>
          </tr>
        </thead>
        <tbody>
          {[...changes.top, ...changes.cooled].map((entry) => (
            <tr key={entry.path} className={changes.cooled.includes(entry) ? 'muted' : undefined}>
              <td>{entry.rankAfter === null ? <span className="path">{entry.path}</span> : <FileLink root={root} path={entry.path} />}</td>
              <td className="number">{rank(entry.rankBefore)}</td>
              <td className="number">{rank(entry.rankAfter)}</td>
              <td className="number">{figure(entry.scoreBefore)}</td>
              <td className="number">{figure(entry.scoreAfter)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

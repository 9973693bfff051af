import type { LineTotals, SnapshotReport } from '../../../core/api/snapshots';
import { formatDate, formatDateTime, formatNumber, shortCommit } from '../format';
import { LanguageChart } from './LanguageChart';
import { Tile } from './Tile';

export function SnapshotReportView({ report }: { report: SnapshotReport }) {
  const { snapshot, summary } = report;
  return (
    <div className="report">
      <p className="muted">
        Snapshot of <code>{shortCommit(snapshot.commit)}</code> on {snapshot.branch ? <strong>{snapshot.branch}</strong> : 'a detached HEAD'},
        scanned {formatDateTime(snapshot.finishedAt)}
        {snapshot.status === 'partial' && <span className="badge warning">partial</span>}
      </p>
      {snapshot.warnings.length > 0 && (
        <ul className="warnings" aria-label="Warnings">
          {snapshot.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      <dl className="tiles">
        <Tile label="Files" value={formatNumber(summary.files)} />
        <Tile label="Lines of code" value={formatNumber(summary.linesOfCode)} />
        <Tile label="Commits" value={formatNumber(summary.commits)} />
        <Tile label="Contributors" value={formatNumber(summary.contributors)} />
        <Tile label="First commit" value={summary.firstCommitAt ? formatDate(summary.firstCommitAt) : 'unknown'} />
        <Tile label="Last commit" value={summary.lastCommitAt ? formatDate(summary.lastCommitAt) : 'unknown'} />
      </dl>
      <section>
        <h2>Lines of code by language</h2>
        <LanguageChart languages={summary.languages} />
      </section>
      <div className="columns">
        <TotalsTable title="Languages" keyLabel="Language" totals={summary.languages} />
        <TotalsTable title="Top-level folders" keyLabel="Folder" totals={summary.folders} />
      </div>
      <section>
        <h2>Top contributors</h2>
        <table>
          <thead>
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th className="number">Commits</th>
            </tr>
          </thead>
          <tbody>
            {summary.topContributors.map((contributor) => (
              <tr key={`${contributor.name} ${contributor.email}`}>
                <td>{contributor.name}</td>
                <td className="muted">{contributor.email}</td>
                <td className="number">{formatNumber(contributor.commits)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

function TotalsTable({ title, keyLabel, totals }: { title: string; keyLabel: string; totals: Record<string, LineTotals> }) {
  return (
    <section>
      <h2>{title}</h2>
      <table aria-label={title}>
        <thead>
          <tr>
            <th>{keyLabel}</th>
            <th className="number">Files</th>
            <th className="number">Code</th>
            <th className="number">Comments</th>
            <th className="number">Blank</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(totals).map(([key, row]) => (
            <tr key={key}>
              <td>{key}</td>
              <td className="number">{formatNumber(row.files)}</td>
              <td className="number">{formatNumber(row.linesOfCode)}</td>
              <td className="number">{formatNumber(row.commentLines)}</td>
              <td className="number">{formatNumber(row.blankLines)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

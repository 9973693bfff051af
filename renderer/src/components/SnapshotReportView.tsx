import type { LineTotals, ScanEnvironment, SnapshotReport } from '../../../core/api/snapshots';
import { formatDate, formatDateTime, formatNumber, plural, shortCommit } from '../format';
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
        <Tile label="Files" value={formatNumber(summary.files)} note="every tracked file, binary ones too (Code counts code files)" />
        <Tile label="Lines of code" value={formatNumber(summary.linesOfCode)} note="every language, data and docs too (the health score weighs programming and markup only)" />
        <Tile label="Commits" value={formatNumber(summary.commits)} note="reachable from HEAD, merges too (Hotspots reads commits without merges)" />
        <Tile label="Contributors" value={formatNumber(summary.contributors)} />
        {summary.bots.count > 0 && <Tile label="Bots (not contributors)" value={`${plural(summary.bots.count, 'bot')}, ${plural(summary.bots.commits, 'commit')}`} />}
        <Tile label="First commit" value={summary.firstCommitAt ? formatDate(summary.firstCommitAt) : 'unknown'} />
        <Tile label="Last commit" value={summary.lastCommitAt ? formatDate(summary.lastCommitAt) : 'unknown'} />
      </dl>
      {snapshot.environment && <Environment environment={snapshot.environment} analyses={snapshot.analyzerVersions} />}
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

/** What the snapshot took from outside its commit: two snapshots measured alike can be compared. */
const nodeModuleWords: Record<ScanEnvironment['nodeModules'], string> = {
  installed: 'installed (deprecations of installed packages and their peers were read)',
  absent: 'not installed (a fresh clone: what only an install can tell is not known)',
  'not read': 'not read (a past commit: what is installed now was installed for another)',
};

function Environment({ environment, analyses }: { environment: ScanEnvironment; analyses: Record<string, string> }) {
  const { dependencies } = environment;
  return (
    <details className="environment">
      <summary>Measured with</summary>
      <dl className="facts">
        <dt>"Now"</dt>
        <dd>{formatDateTime(environment.now)} (every age is measured from it)</dd>
        <dt>node_modules</dt>
        <dd>{nodeModuleWords[environment.nodeModules]}</dd>
        <dt>Registries</dt>
        <dd>{dependencies ? `${dependencies.registries.map((registry) => `${registry.url} (${registry.source})`).join(', ')}${dependencies.offline ? ', offline (cached metadata only)' : ''}` : 'not asked (no dependency check)'}</dd>
        {dependencies && (
          <>
            <dt>Advisories</dt>
            <dd>{dependencies.advisories}</dd>
          </>
        )}
        <dt>Analyses</dt>
        <dd>{Object.entries(analyses).map(([analysis, version]) => `${analysis} ${version}`).join(', ')}</dd>
        <dt>git</dt>
        <dd>{environment.git}</dd>
      </dl>
    </details>
  );
}

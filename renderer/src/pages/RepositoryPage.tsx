import { type ReactNode, useEffect } from 'react';
import { Link, useLocation } from 'wouter';
import type { Repository } from '../../../core/api/repositories';
import type { RouteInput, RouteOutput } from '../../../core/api/routes';
import { call } from '../api/client';
import { useRoute } from '../api/hooks';
import { CodeReportView } from '../components/CodeReportView';
import { DeadCodeReportView } from '../components/DeadCodeReportView';
import { DependencyReportView } from '../components/DependencyReportView';
import { HistoryReportView } from '../components/HistoryReportView';
import { Loading } from '../components/Loading';
import { ScanControls } from '../components/ScanControls';
import { SnapshotReportView } from '../components/SnapshotReportView';
import { formatDateTime, formatNumber, shortCommit } from '../format';
import { useScanJob } from '../scan-jobs-context';

export type RepositoryTab = 'overview' | 'code' | 'dead-code' | 'hotspots' | 'dependencies' | 'history';

export function RepositoryPage({ id, tab }: { id: number; tab: RepositoryTab }) {
  const repository = useRoute('repositories.get', { id });
  const job = useScanJob(id);
  const { reload } = repository;
  const lastOutcome = job?.state === 'succeeded' ? job.snapshotId : null;
  useEffect(reload, [lastOutcome, reload]);

  return (
    <Loading loaded={repository}>
      {(repo) => (
        <>
          <RepositoryHeader repository={repo} />
          <ScanControls repositoryId={id} />
          <nav className="tabs" aria-label="Repository">
            <Link href={`/repositories/${id}`} className={tab === 'overview' ? 'tab active' : 'tab'}>
              Overview
            </Link>
            <Link href={`/repositories/${id}/code`} className={tab === 'code' ? 'tab active' : 'tab'}>
              Code
            </Link>
            <Link href={`/repositories/${id}/dead-code`} className={tab === 'dead-code' ? 'tab active' : 'tab'}>
              Dead code
            </Link>
            <Link href={`/repositories/${id}/hotspots`} className={tab === 'hotspots' ? 'tab active' : 'tab'}>
              Hotspots
            </Link>
            <Link href={`/repositories/${id}/dependencies`} className={tab === 'dependencies' ? 'tab active' : 'tab'}>
              Dependencies
            </Link>
            <Link href={`/repositories/${id}/history`} className={tab === 'history' ? 'tab active' : 'tab'}>
              Snapshots
            </Link>
          </nav>
          {tab === 'overview' && <Overview repository={repo} />}
          {tab === 'code' && <SnapshotTabView repository={repo} tab={codeTab} />}
          {tab === 'dead-code' && <SnapshotTabView repository={repo} tab={deadCodeTab} />}
          {tab === 'hotspots' && <SnapshotTabView repository={repo} tab={hotspotsTab} />}
          {tab === 'dependencies' && <SnapshotTabView repository={repo} tab={dependenciesTab} />}
          {tab === 'history' && <History repositoryId={id} generation={lastOutcome} />}
        </>
      )}
    </Loading>
  );
}

function RepositoryHeader({ repository }: { repository: Repository }) {
  const [, navigate] = useLocation();
  const remove = async () => {
    if (!window.confirm(`Remove ${repository.name} from Steward? Its history is kept and comes back if you add it again.`)) return;
    await call('repositories.remove', { id: repository.id });
    navigate('/');
  };
  return (
    <header className="page-header">
      <div>
        <h1>{repository.name}</h1>
        <p className="muted path">{repository.path}</p>
      </div>
      <button type="button" className="secondary" onClick={() => void remove()}>
        Remove
      </button>
    </header>
  );
}

function Overview({ repository }: { repository: Repository }) {
  const scanning = useScanJob(repository.id)?.state === 'running';
  if (!repository.latestSnapshot) {
    return <p className="empty">{scanning ? 'Taking the first snapshot…' : 'Not scanned yet. Press Scan to take the first snapshot.'}</p>;
  }
  return <LatestReport snapshotId={repository.latestSnapshot.snapshot.id} />;
}

/** A tab showing one analysis of the latest snapshot. */
interface SnapshotTab<R extends SnapshotRoute> {
  route: R;
  /** What scanning will do, for a repository not scanned yet. */
  onScan: string;
  /** What a snapshot taken before the analysis existed lacks. */
  predates: string;
  render(report: RouteOutput<R>, repository: Repository): ReactNode;
}

type SnapshotRoute = 'snapshots.code' | 'snapshots.deadCode' | 'snapshots.history' | 'snapshots.dependencies';

const codeTab: SnapshotTab<'snapshots.code'> = {
  route: 'snapshots.code',
  onScan: 'analyse the code',
  predates: 'analysed code',
  render: (report, repository) => <CodeReportView report={report} root={repository.path} />,
};

const deadCodeTab: SnapshotTab<'snapshots.deadCode'> = {
  route: 'snapshots.deadCode',
  onScan: 'look for dead code',
  predates: 'looked for dead code',
  render: (report, repository) => <DeadCodeReportView report={report} root={repository.path} />,
};

const hotspotsTab: SnapshotTab<'snapshots.history'> = {
  route: 'snapshots.history',
  onScan: 'read the git history',
  predates: 'analysed git history',
  render: (report, repository) => <HistoryReportView report={report} root={repository.path} />,
};

const dependenciesTab: SnapshotTab<'snapshots.dependencies'> = {
  route: 'snapshots.dependencies',
  onScan: 'check the dependencies',
  predates: 'checked dependencies',
  render: (report, repository) => <DependenciesWithTrend report={report} repositoryId={repository.id} />,
};

function DependenciesWithTrend({ report, repositoryId }: { report: RouteOutput<'snapshots.dependencies'>; repositoryId: number }) {
  const trend = useRoute('repositories.dependencyTrend', { repositoryId });
  return <DependencyReportView report={report} trend={trend.state === 'ready' ? trend.value : []} />;
}

function SnapshotTabView<R extends SnapshotRoute>({ repository, tab }: { repository: Repository; tab: SnapshotTab<R> }) {
  if (!repository.latestSnapshot) return <p className="empty">Not scanned yet. Press Scan to {tab.onScan}.</p>;
  return <LatestSnapshotReport snapshotId={repository.latestSnapshot.snapshot.id} repository={repository} tab={tab} />;
}

function LatestSnapshotReport<R extends SnapshotRoute>({ snapshotId, repository, tab }: { snapshotId: number; repository: Repository; tab: SnapshotTab<R> }) {
  const report = useRoute(tab.route, { id: snapshotId } as RouteInput<R>);
  // Snapshots taken before the analysis existed have none: say so rather than show an error.
  if (report.state === 'failed' && report.error.error.code === 'not-found') {
    return <p className="empty">This snapshot was taken before Steward {tab.predates}. Scan again.</p>;
  }
  return <Loading loaded={report}>{(value) => tab.render(value, repository)}</Loading>;
}

function LatestReport({ snapshotId }: { snapshotId: number }) {
  const report = useRoute('snapshots.get', { id: snapshotId });
  return <Loading loaded={report}>{(value) => <SnapshotReportView report={value} />}</Loading>;
}

function History({ repositoryId, generation }: { repositoryId: number; generation: number | null }) {
  const snapshots = useRoute('snapshots.list', { repositoryId });
  const { reload } = snapshots;
  useEffect(reload, [generation, reload]);
  return (
    <Loading loaded={snapshots}>
      {(list) =>
        list.length === 0 ? (
          <p className="empty">No snapshots yet.</p>
        ) : (
          <table aria-label="Snapshots">
            <thead>
              <tr>
                <th>Scanned</th>
                <th>Commit</th>
                <th>Branch</th>
                <th>Status</th>
                <th className="number">Files</th>
                <th className="number">Lines of code</th>
                <th className="number">Commits</th>
              </tr>
            </thead>
            <tbody>
              {list.map(({ snapshot, files, linesOfCode, commits }) => (
                <tr key={snapshot.id}>
                  <td>
                    <Link href={`/snapshots/${snapshot.id}`}>{formatDateTime(snapshot.finishedAt)}</Link>
                  </td>
                  <td>
                    <code>{shortCommit(snapshot.commit)}</code>
                  </td>
                  <td>{snapshot.branch ?? <span className="muted">detached</span>}</td>
                  <td>{snapshot.status}</td>
                  <td className="number">{formatNumber(files)}</td>
                  <td className="number">{formatNumber(linesOfCode)}</td>
                  <td className="number">{formatNumber(commits)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      }
    </Loading>
  );
}

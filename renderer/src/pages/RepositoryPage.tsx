import { useEffect } from 'react';
import { Link, useLocation } from 'wouter';
import type { Repository } from '../../../core/api/repositories';
import { call } from '../api/client';
import { useRoute } from '../api/hooks';
import { CodeReportView } from '../components/CodeReportView';
import { DeadCodeReportView } from '../components/DeadCodeReportView';
import { HistoryReportView } from '../components/HistoryReportView';
import { Loading } from '../components/Loading';
import { ScanControls } from '../components/ScanControls';
import { SnapshotReportView } from '../components/SnapshotReportView';
import { formatDateTime, formatNumber, shortCommit } from '../format';
import { useScanJob } from '../scan-jobs-context';

export type RepositoryTab = 'overview' | 'code' | 'dead-code' | 'hotspots' | 'history';

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
            <Link href={`/repositories/${id}/history`} className={tab === 'history' ? 'tab active' : 'tab'}>
              Snapshots
            </Link>
          </nav>
          {tab === 'overview' && <Overview repository={repo} />}
          {tab === 'code' && <Code repository={repo} />}
          {tab === 'dead-code' && <DeadCode repository={repo} />}
          {tab === 'hotspots' && <Hotspots repository={repo} />}
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

function Code({ repository }: { repository: Repository }) {
  if (!repository.latestSnapshot) return <p className="empty">Not scanned yet. Press Scan to analyse the code.</p>;
  return <LatestCodeReport snapshotId={repository.latestSnapshot.snapshot.id} root={repository.path} />;
}

function LatestCodeReport({ snapshotId, root }: { snapshotId: number; root: string }) {
  const report = useRoute('snapshots.code', { id: snapshotId });
  return <Loading loaded={report}>{(value) => <CodeReportView report={value} root={root} />}</Loading>;
}

function DeadCode({ repository }: { repository: Repository }) {
  if (!repository.latestSnapshot) return <p className="empty">Not scanned yet. Press Scan to look for dead code.</p>;
  return <LatestDeadCodeReport snapshotId={repository.latestSnapshot.snapshot.id} root={repository.path} />;
}

function LatestDeadCodeReport({ snapshotId, root }: { snapshotId: number; root: string }) {
  const report = useRoute('snapshots.deadCode', { id: snapshotId });
  // Snapshots taken before the analysis existed have none: say so rather than show an error.
  if (report.state === 'failed' && report.error.error.code === 'not-found') {
    return <p className="empty">This snapshot was taken before Steward looked for dead code. Scan again.</p>;
  }
  return <Loading loaded={report}>{(value) => <DeadCodeReportView report={value} root={root} />}</Loading>;
}

function Hotspots({ repository }: { repository: Repository }) {
  if (!repository.latestSnapshot) return <p className="empty">Not scanned yet. Press Scan to read the git history.</p>;
  return <LatestHistoryReport snapshotId={repository.latestSnapshot.snapshot.id} root={repository.path} />;
}

function LatestHistoryReport({ snapshotId, root }: { snapshotId: number; root: string }) {
  const report = useRoute('snapshots.history', { id: snapshotId });
  if (report.state === 'failed' && report.error.error.code === 'not-found') {
    return <p className="empty">This snapshot was taken before Steward analysed git history. Scan again.</p>;
  }
  return <Loading loaded={report}>{(value) => <HistoryReportView report={value} root={root} />}</Loading>;
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

import { useEffect, useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { Repository } from '../../../core/api/repositories';
import type { SnapshotSummary } from '../../../core/api/snapshots';
import { type AnalysisId, analysisDescriptor, analysisDescriptors } from '../../../core/api/analyses';
import { call } from '../api/client';
import { AnalysisReportView, LiveAnalysisReport } from '../components/AnalysisReportView';
import { useRoute } from '../api/hooks';
import { DraftsView } from '../components/DraftsView';
import { HealthView, ScoreSummary } from '../components/HealthView';
import { InventoryView } from '../components/InventoryView';
import { NavLink } from '../components/NavLink';
import { PeopleView } from '../components/PeopleView';
import { Loading } from '../components/Loading';
import { ScanControls } from '../components/ScanControls';
import { SnapshotReportView } from '../components/SnapshotReportView';
import { formatDateTime, formatNumber, shortCommit } from '../format';
import { type RepositoryTab } from '../repository-tab';
import { useScanJob } from '../scan-jobs-context';
import { CodeViewSnapshot } from '../code-view';
import { WeeklyReportPanel } from './ReportPage';

export function RepositoryPage({ id, tab }: { id: number; tab: RepositoryTab }) {
  const repository = useRoute('repositories.get', { id });
  const job = useScanJob(id);
  const { reload } = repository;
  const lastOutcome = job?.state === 'succeeded' ? job.snapshotId : null;
  useEffect(reload, [lastOutcome, reload]);

  return (
    <Loading loaded={repository}>
      {(repo) => (
        <CodeViewSnapshot.Provider value={repo.latestSnapshot?.snapshot.id ?? null}>
          <RepositoryHeader repository={repo} />
          <ScanControls repositoryId={id} />
          <nav className="tabs" aria-label="Repository">
            <NavLink href={`/repositories/${id}`} current={tab.kind === 'overview'} className="tab">
              Overview
            </NavLink>
            <NavLink href={`/repositories/${id}/health`} current={tab.kind === 'health'} className="tab">
              Health
            </NavLink>
            <NavLink href={`/repositories/${id}/report`} current={tab.kind === 'report'} className="tab">
              Report
            </NavLink>
            <NavLink href={`/repositories/${id}/inventory`} current={tab.kind === 'inventory'} className="tab">
              Inventory
            </NavLink>
            <NavLink href={`/repositories/${id}/drafts`} current={tab.kind === 'drafts'} className="tab">
              Drafts
            </NavLink>
            {analysisDescriptors.map((descriptor) => (
              <NavLink key={descriptor.id} href={`/repositories/${id}/${descriptor.tab.slug}`} current={tab.kind === 'analysis' && tab.id === descriptor.id} className="tab">
                {descriptor.tab.label}
              </NavLink>
            ))}
            <NavLink href={`/repositories/${id}/people`} current={tab.kind === 'people'} className="tab">
              People
            </NavLink>
            <NavLink href={`/repositories/${id}/history`} current={tab.kind === 'snapshots'} className="tab">
              Snapshots
            </NavLink>
          </nav>
          {tab.kind === 'overview' && <Overview repository={repo} />}
          {tab.kind === 'health' && (repo.latestSnapshot ? <HealthView key={repo.latestSnapshot.snapshot.id} repositoryId={id} /> : <p className="empty">Not scanned yet. Press Scan to score the repository's health.</p>)}
          {tab.kind === 'report' && <WeeklyReportPanel key={repo.latestSnapshot?.snapshot.id} request={{ repositoryId: id }} fileName={`${repo.name.replace(/[^\w.-]+/g, '-')}-weekly-report.pdf`} />}
          {tab.kind === 'inventory' && (repo.latestSnapshot ? <InventoryView key={repo.latestSnapshot.snapshot.id} repository={repo} /> : <p className="empty">Not scanned yet. Press Scan to take stock of the debt.</p>)}
          {tab.kind === 'drafts' && <DraftsView repository={repo} selected={tab.draftId} />}
          {tab.kind === 'analysis' && <AnalysisTab key={tab.id} repository={repo} id={tab.id} />}
          {tab.kind === 'people' && <PeopleView key={repo.latestSnapshot?.snapshot.id} repositoryId={id} />}
          {tab.kind === 'snapshots' && <History repositoryId={id} generation={lastOutcome} />}
        </CodeViewSnapshot.Provider>
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
  const job = useScanJob(repository.id);
  if (!repository.latestSnapshot) {
    if (job?.state !== 'running') return <p className="empty">Not scanned yet. Press Scan to take the first snapshot.</p>;
    return (
      <p className="empty">
        Taking the first snapshot…
        {job.ready.length > 0 && (
          <>
            {' '}
            Results in so far:{' '}
            {job.ready.map((id, index) => (
              <span key={id}>
                {index > 0 && ', '}
                <Link href={`/repositories/${repository.id}/${analysisDescriptor(id).tab.slug}`}>{analysisDescriptor(id).tab.label}</Link>
              </span>
            ))}
            .
          </>
        )}
      </p>
    );
  }
  return (
    <>
      <OverviewHealth repositoryId={repository.id} snapshotId={repository.latestSnapshot.snapshot.id} />
      <LatestReport snapshotId={repository.latestSnapshot.snapshot.id} />
    </>
  );
}

/** The score and its change since a week before, on top of the overview. */
function OverviewHealth({ repositoryId, snapshotId }: { repositoryId: number; snapshotId: number }) {
  const score = useRoute('health.score', { repositoryId });
  const { reload } = score;
  useEffect(reload, [snapshotId, reload]);
  // A snapshot taken before scores were kept has none: the overview shows the rest.
  if (score.state !== 'ready') return null;
  return <ScoreSummary report={score.value} link={`/repositories/${repositoryId}/health`} />;
}

/** One analysis of the latest snapshot; before the first one, of the first scan as it goes. */
function AnalysisTab({ repository, id }: { repository: Repository; id: AnalysisId }) {
  const descriptor = analysisDescriptor(id);
  const job = useScanJob(repository.id);
  if (!repository.latestSnapshot) {
    if (job?.state === 'running' && job.ready.includes(id)) return <LiveAnalysisReport job={job} repository={repository} id={id} />;
    if (job?.state === 'running' && job.analyses.includes(id)) return <p className="empty">{descriptor.title}… the results show here as soon as they are in.</p>;
    return <p className="empty">Not scanned yet. Press Scan to {descriptor.doing}.</p>;
  }
  return <AnalysisReportView snapshotId={repository.latestSnapshot.snapshot.id} repository={repository} id={id} latest />;
}

function LatestReport({ snapshotId }: { snapshotId: number }) {
  const report = useRoute('snapshots.get', { id: snapshotId });
  return <Loading loaded={report}>{(value) => <SnapshotReportView report={value} />}</Loading>;
}

/** When a snapshot's commit was made (its scan's end when unknown): what orders two snapshots picked to compare. */
const commitTime = ({ snapshot }: SnapshotSummary): string => snapshot.commitDate ?? snapshot.finishedAt;

function History({ repositoryId, generation }: { repositoryId: number; generation: number | null }) {
  const snapshots = useRoute('snapshots.list', { repositoryId });
  const { reload } = snapshots;
  useEffect(reload, [generation, reload]);
  // Two snapshots picked to compare; a third pick replaces the first.
  const [picked, setPicked] = useState<number[]>([]);
  const [, navigate] = useLocation();
  const pick = (id: number, on: boolean) => setPicked((current) => (on ? [...current.filter((other) => other !== id), id].slice(-2) : current.filter((other) => other !== id)));
  return (
    <Loading loaded={snapshots}>
      {(list) => {
        if (list.length === 0) return <p className="empty">No snapshots yet.</p>;
        const compare = () => {
          const [older, newer] = list.filter(({ snapshot }) => picked.includes(snapshot.id)).sort((a, b) => commitTime(a).localeCompare(commitTime(b)) || a.snapshot.id - b.snapshot.id);
          navigate(`/compare/${older!.snapshot.id}/${newer!.snapshot.id}`);
        };
        return (
          <>
            <div className="compare-bar">
              <span className="muted">{picked.length === 2 ? 'Two snapshots picked.' : `Pick two snapshots to compare (${picked.length} of 2).`}</span>
              <button type="button" disabled={picked.length !== 2} onClick={compare}>
                Compare
              </button>
            </div>
            <table aria-label="Snapshots">
              <thead>
                <tr>
                  <th>Compare</th>
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
                      <input type="checkbox" aria-label={`Compare snapshot ${snapshot.id}`} checked={picked.includes(snapshot.id)} onChange={(event) => pick(snapshot.id, event.target.checked)} />
                    </td>
                    <td>
                      <Link href={`/snapshots/${snapshot.id}`}>{formatDateTime(snapshot.finishedAt)}</Link>
                    </td>
                    <td>
                      <code>{shortCommit(snapshot.commit)}</code>
                    </td>
                    <td>{snapshot.kind === 'backfill' ? <span className="muted">backfilled (a past commit)</span> : (snapshot.branch ?? <span className="muted">detached</span>)}</td>
                    <td>{snapshot.status}</td>
                    <td className="number">{formatNumber(files)}</td>
                    <td className="number">{formatNumber(linesOfCode)}</td>
                    <td className="number">{formatNumber(commits)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        );
      }}
    </Loading>
  );
}

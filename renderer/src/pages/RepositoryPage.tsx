import { type ReactNode, useEffect } from 'react';
import { Link, useLocation } from 'wouter';
import type { Repository } from '../../../core/api/repositories';
import { type AnalysisId, type AnalysisReport, analysisDescriptor, analysisDescriptors } from '../../../core/api/analyses';
import { call } from '../api/client';
import { useRoute } from '../api/hooks';
import { CodeReportView } from '../components/CodeReportView';
import { CoverageReportView } from '../components/CoverageReportView';
import { DeadCodeReportView } from '../components/DeadCodeReportView';
import { DependencyReportView } from '../components/DependencyReportView';
import { DraftsView } from '../components/DraftsView';
import { HistoryReportView } from '../components/HistoryReportView';
import { HealthView, ScoreSummary } from '../components/HealthView';
import { InventoryView } from '../components/InventoryView';
import { MarkersReportView } from '../components/MarkersReportView';
import { Loading } from '../components/Loading';
import { ScanControls } from '../components/ScanControls';
import { SnapshotReportView } from '../components/SnapshotReportView';
import { TestsReportView } from '../components/TestsReportView';
import { formatDateTime, formatNumber, shortCommit } from '../format';
import { useScanJob } from '../scan-jobs-context';
import { WeeklyReportPanel } from './ReportPage';

/** A repository's tabs: the overview, one per analysis (from the registry of analyses), the inventory, its drafts (one of them open) and the snapshots. */
type RepositoryTab =
  | { kind: 'overview' }
  | { kind: 'health' }
  | { kind: 'report' }
  | { kind: 'inventory' }
  | { kind: 'drafts'; draftId?: string | undefined }
  | { kind: 'analysis'; id: AnalysisId }
  | { kind: 'snapshots' };

/** The tab a URL segment names (`code`, `dead-code`, …, `drafts`, `history`), the overview for anything else; `drafts/<id>` opens a draft. */
export function repositoryTab(slug: string | undefined, item?: string): RepositoryTab {
  if (slug === 'history') return { kind: 'snapshots' };
  if (slug === 'inventory') return { kind: 'inventory' };
  if (slug === 'health') return { kind: 'health' };
  if (slug === 'report') return { kind: 'report' };
  if (slug === 'drafts') return { kind: 'drafts', draftId: item };
  const descriptor = analysisDescriptors.find((candidate) => candidate.tab.slug === slug);
  return descriptor ? { kind: 'analysis', id: descriptor.id } : { kind: 'overview' };
}

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
            <Link href={`/repositories/${id}`} className={tab.kind === 'overview' ? 'tab active' : 'tab'}>
              Overview
            </Link>
            <Link href={`/repositories/${id}/health`} className={tab.kind === 'health' ? 'tab active' : 'tab'}>
              Health
            </Link>
            <Link href={`/repositories/${id}/report`} className={tab.kind === 'report' ? 'tab active' : 'tab'}>
              Report
            </Link>
            <Link href={`/repositories/${id}/inventory`} className={tab.kind === 'inventory' ? 'tab active' : 'tab'}>
              Inventory
            </Link>
            <Link href={`/repositories/${id}/drafts`} className={tab.kind === 'drafts' ? 'tab active' : 'tab'}>
              Drafts
            </Link>
            {analysisDescriptors.map((descriptor) => (
              <Link key={descriptor.id} href={`/repositories/${id}/${descriptor.tab.slug}`} className={tab.kind === 'analysis' && tab.id === descriptor.id ? 'tab active' : 'tab'}>
                {descriptor.tab.label}
              </Link>
            ))}
            <Link href={`/repositories/${id}/history`} className={tab.kind === 'snapshots' ? 'tab active' : 'tab'}>
              Snapshots
            </Link>
          </nav>
          {tab.kind === 'overview' && <Overview repository={repo} />}
          {tab.kind === 'health' && (repo.latestSnapshot ? <HealthView key={repo.latestSnapshot.snapshot.id} repositoryId={id} /> : <p className="empty">Not scanned yet. Press Scan to score the repository's health.</p>)}
          {tab.kind === 'report' && <WeeklyReportPanel key={repo.latestSnapshot?.snapshot.id} request={{ repositoryId: id }} fileName={`${repo.name.replace(/[^\w.-]+/g, '-')}-weekly-report.pdf`} />}
          {tab.kind === 'inventory' && (repo.latestSnapshot ? <InventoryView key={repo.latestSnapshot.snapshot.id} repository={repo} /> : <p className="empty">Not scanned yet. Press Scan to take stock of the debt.</p>)}
          {tab.kind === 'drafts' && <DraftsView repository={repo} selected={tab.draftId} />}
          {tab.kind === 'analysis' && <AnalysisTab key={tab.id} repository={repo} id={tab.id} />}
          {tab.kind === 'snapshots' && <History repositoryId={id} generation={lastOutcome} />}
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

/** How the app shows each analysis's report (its tab's name and place come from its descriptor). */
const reportViews: { [Id in AnalysisId]: (report: AnalysisReport<Id>, repository: Repository) => ReactNode } = {
  code: (report, repository) => <CodeReportView report={report} root={repository.path} />,
  deadCode: (report, repository) => <DeadCodeReportView report={report} root={repository.path} />,
  history: (report, repository) => <HistoryReportView report={report} root={repository.path} />,
  dependencies: (report, repository) => <DependenciesWithTrend report={report} repositoryId={repository.id} />,
  markers: (report, repository) => <MarkersReportView report={report} root={repository.path} />,
  coverage: (report, repository) => <CoverageReportView report={report} root={repository.path} />,
  tests: (report, repository) => <TestsReportView report={report} root={repository.path} />,
};

function DependenciesWithTrend({ report, repositoryId }: { report: AnalysisReport<'dependencies'>; repositoryId: number }) {
  const trend = useRoute('repositories.dependencyTrend', { repositoryId });
  return <DependencyReportView report={report} trend={trend.state === 'ready' ? trend.value : []} />;
}

/** One analysis of the latest snapshot. */
function AnalysisTab({ repository, id }: { repository: Repository; id: AnalysisId }) {
  const descriptor = analysisDescriptor(id);
  if (!repository.latestSnapshot) return <p className="empty">Not scanned yet. Press Scan to {descriptor.doing}.</p>;
  return <LatestAnalysisReport snapshotId={repository.latestSnapshot.snapshot.id} repository={repository} id={id} />;
}

function LatestAnalysisReport({ snapshotId, repository, id }: { snapshotId: number; repository: Repository; id: AnalysisId }) {
  const report = useRoute(`snapshots.${id}`, { id: snapshotId });
  // Snapshots taken before the analysis existed have none: say so rather than show an error.
  if (report.state === 'failed' && report.error.error.code === 'not-found') {
    return <p className="empty">This snapshot was taken before Steward {analysisDescriptor(id).done}. Scan again.</p>;
  }
  const render = reportViews[id] as (report: unknown, repository: Repository) => ReactNode;
  return <Loading loaded={report}>{(value) => render(value, repository)}</Loading>;
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
                  <td>{snapshot.kind === 'backfill' ? <span className="muted">backfilled (a past commit)</span> : (snapshot.branch ?? <span className="muted">detached</span>)}</td>
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

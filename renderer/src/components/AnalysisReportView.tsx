import { type ReactNode, useEffect } from 'react';
import type { Repository } from '../../../core/api/repositories';
import type { ScanJob } from '../../../core/api/scans';
import { type AnalysisId, type AnalysisReport, analysisDescriptor } from '../../../core/api/analyses';
import { useRoute } from '../api/hooks';
import { CodeReportView } from './CodeReportView';
import { CoverageReportView } from './CoverageReportView';
import { DeadCodeReportView } from './DeadCodeReportView';
import { DependencyReportView } from './DependencyReportView';
import { HistoryReportView } from './HistoryReportView';
import { Loading } from './Loading';
import { MarkersReportView } from './MarkersReportView';
import { TestsReportView } from './TestsReportView';

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

/** One analysis's report as a snapshot saved it (the latest scan's, or a past snapshot's); a snapshot taken without it says so. */
export function AnalysisReportView({ snapshotId, repository, id, latest }: { snapshotId: number; repository: Repository; id: AnalysisId; latest: boolean }) {
  const report = useRoute(`snapshots.${id}`, { id: snapshotId });
  if (report.state === 'failed' && report.error.error.code === 'not-found') {
    return (
      <p className="empty">
        {latest ? `This snapshot was taken before Steward ${analysisDescriptor(id).done}. Scan again.` : `This snapshot did not run this analysis: Steward had not ${analysisDescriptor(id).done} in it.`}
      </p>
    );
  }
  const render = reportViews[id] as (report: unknown, repository: Repository) => ReactNode;
  return <Loading loaded={report}>{(value) => render(value, repository)}</Loading>;
}

/**
 * One analysis's report from the scan in progress, before its snapshot is saved: a first scan shows
 * each analysis as soon as it is done (code and dead code within seconds, history later). Nothing of
 * it is kept when the scan does not finish.
 */
export function LiveAnalysisReport({ job, repository, id }: { job: ScanJob; repository: Repository; id: AnalysisId }) {
  const reports = useRoute('scans.reports', { jobId: job.id });
  const { reload } = reports;
  const ready = job.ready.length;
  useEffect(reload, [ready, reload]);
  const waiting = job.analyses.filter((analysis) => !job.ready.includes(analysis)).map((analysis) => analysisDescriptor(analysis).tab.label);
  const render = reportViews[id] as (report: unknown, repository: Repository) => ReactNode;
  return (
    <>
      <p className="snapshot-banner" role="status">
        From the scan in progress, not saved yet{waiting.length > 0 ? `: ${waiting.join(', ')} still to come` : ''}. The snapshot is saved when the scan finishes; a cancelled scan keeps
        nothing.
      </p>
      <Loading loaded={reports}>{(value) => (value[id] === undefined ? <p className="empty">Loading…</p> : render(value[id], repository))}</Loading>
    </>
  );
}

import { Link } from 'wouter';
import type { Repository } from '../../../core/api/repositories';
import type { Snapshot, SnapshotReport } from '../../../core/api/snapshots';
import { analysisDescriptors } from '../../../core/api/analyses';
import { useRoute } from '../api/hooks';
import { AnalysisReportView } from '../components/AnalysisReportView';
import { ScoreSummary } from '../components/HealthView';
import { Loading } from '../components/Loading';
import { SnapshotReportView } from '../components/SnapshotReportView';
import { CodeViewSnapshot } from '../code-view';
import { formatDate, shortCommit } from '../format';

/** A snapshot in full, past or latest: its summary and score, and a tab for every analysis (the same views as the repository's page, of this snapshot). */
export function SnapshotPage({ id, slug }: { id: number; slug: string | undefined }) {
  const report = useRoute('snapshots.get', { id });
  return <Loading loaded={report}>{(value) => <SnapshotOfRepository report={value} slug={slug} />}</Loading>;
}

function SnapshotOfRepository({ report, slug }: { report: SnapshotReport; slug: string | undefined }) {
  const repository = useRoute('repositories.get', { id: report.snapshot.repositoryId });
  const { snapshot } = report;
  const analysis = analysisDescriptors.find((descriptor) => descriptor.tab.slug === slug);
  return (
    <Loading loaded={repository}>
      {(repo) => {
        const latest = repo.latestSnapshot?.snapshot.id === snapshot.id;
        return (
          <>
            <p className="breadcrumb">
              <Link href={`/repositories/${repo.id}/history`}>← {repo.name}: snapshots</Link>
            </p>
            <h1>
              {repo.name}: snapshot {snapshot.id}
            </h1>
            <SnapshotBanner snapshot={snapshot} repository={repo} latest={latest} />
            <nav className="tabs" aria-label="Snapshot">
              <Link href={`/snapshots/${snapshot.id}`} className={analysis ? 'tab' : 'tab active'}>
                Overview
              </Link>
              {analysisDescriptors.map((descriptor) => (
                <Link key={descriptor.id} href={`/snapshots/${snapshot.id}/${descriptor.tab.slug}`} className={analysis?.id === descriptor.id ? 'tab active' : 'tab'}>
                  {descriptor.tab.label}
                </Link>
              ))}
            </nav>
            <CodeViewSnapshot.Provider value={snapshot.id}>
              {analysis ? (
                <AnalysisReportView key={analysis.id} snapshotId={snapshot.id} repository={repo} id={analysis.id} latest={latest} />
              ) : (
                <>
                  <SnapshotHealth repositoryId={repo.id} snapshotId={snapshot.id} />
                  <SnapshotReportView report={report} />
                </>
              )}
            </CodeViewSnapshot.Provider>
          </>
        );
      }}
    </Loading>
  );
}

/** Which snapshot this is, and whether a later one exists. */
function SnapshotBanner({ snapshot, repository, latest }: { snapshot: Snapshot; repository: Repository; latest: boolean }) {
  const when = formatDate(snapshot.commitDate ?? snapshot.finishedAt);
  return (
    <p className={latest ? 'snapshot-banner' : 'snapshot-banner past'} role="note">
      Snapshot {snapshot.id} of <code>{shortCommit(snapshot.commit)}</code> ({when}){' '}
      {latest ? (
        '— the latest scan.'
      ) : (
        <>
          — not the latest. <Link href={`/repositories/${repository.id}`}>Go to the latest scan</Link>
        </>
      )}
    </p>
  );
}

/** The snapshot's health score, where its items were kept (scans of the checked-out commit). */
function SnapshotHealth({ repositoryId, snapshotId }: { repositoryId: number; snapshotId: number }) {
  const score = useRoute('health.score', { repositoryId, snapshotId });
  if (score.state === 'loading') return null;
  if (score.state === 'failed') return <p className="muted">No health score for this snapshot: {score.error.message}.</p>;
  return <ScoreSummary report={score.value} />;
}

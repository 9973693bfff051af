import { Link } from 'wouter';
import { useRoute } from '../api/hooks';
import { Loading } from '../components/Loading';
import { SnapshotReportView } from '../components/SnapshotReportView';

export function SnapshotPage({ id }: { id: number }) {
  const report = useRoute('snapshots.get', { id });
  return (
    <Loading loaded={report}>
      {(value) => (
        <>
          <p className="breadcrumb">
            <Link href={`/repositories/${value.snapshot.repositoryId}/history`}>← History</Link>
          </p>
          <h1>Snapshot {value.snapshot.id}</h1>
          <SnapshotReportView report={value} />
        </>
      )}
    </Loading>
  );
}

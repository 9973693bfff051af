import { useContext, useEffect } from 'react';
import { Link, useLocation } from 'wouter';
import { useRoute } from '../api/hooks';
import { AddRepositoryForm } from '../components/AddRepositoryForm';
import { Loading } from '../components/Loading';
import { formatDateTime, formatNumber } from '../format';
import { ScanJobsContext, jobKey } from '../scan-jobs-context';

export function RepositoriesPage({ canPickDirectory }: { canPickDirectory: boolean }) {
  const repositories = useRoute('repositories.list', {});
  const [, navigate] = useLocation();
  const jobs = useContext(ScanJobsContext);
  const { reload } = repositories;
  // A scan that finishes anywhere changes the "last scan" column.
  const finished = [...jobs.values()].filter((job) => job.purpose === 'scan' && job.state !== 'running' && job.state !== 'queued').length;
  useEffect(reload, [finished, reload]);

  return (
    <>
      <h1>Repositories</h1>
      <AddRepositoryForm canPickDirectory={canPickDirectory} onAdded={(repository) => navigate(`/repositories/${repository.id}`)} />
      <Loading loaded={repositories}>
        {(list) =>
          list.length === 0 ? (
            <p className="empty">No repositories yet. Add the folder of a local git repository above, then scan it.</p>
          ) : (
            <table aria-label="Repositories">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Path</th>
                  <th>Last scan</th>
                  <th className="number">Files</th>
                  <th className="number">Lines of code</th>
                </tr>
              </thead>
              <tbody>
                {list.map((repository) => {
                  const latest = repository.latestSnapshot;
                  const job = jobs.get(jobKey(repository.id, 'scan'));
                  return (
                    <tr key={repository.id}>
                      <td>
                        <Link href={`/repositories/${repository.id}`}>{repository.name}</Link>
                      </td>
                      <td className="muted path">{repository.path}</td>
                      <td>{job?.state === 'running' ? `Scanning… ${Math.round(job.progress * 100)}%` : job?.state === 'queued' ? 'Waiting to scan' : latest ? formatDateTime(latest.snapshot.finishedAt) : 'Never'}</td>
                      <td className="number">{latest ? formatNumber(latest.files) : '—'}</td>
                      <td className="number">{latest ? formatNumber(latest.linesOfCode) : '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )
        }
      </Loading>
    </>
  );
}

import { useState } from 'react';
import type { ScanJob } from '../../../core/api/scans';
import { call } from '../api/client';
import { asFailure } from '../api/hooks';
import { useScanJob } from '../scan-jobs-context';
import { ErrorMessage } from './ErrorMessage';

/** Scan button, live progress bar with Cancel, and the outcome of the last scan in words. */
export function ScanControls({ repositoryId }: { repositoryId: number }) {
  const job = useScanJob(repositoryId);
  const [error, setError] = useState<string>();
  const running = job?.state === 'running';
  const queued = job?.state === 'queued';

  const act = async (action: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await action();
    } catch (failure) {
      setError(asFailure(failure).message);
    }
  };

  return (
    <section className="scan-controls" aria-label="Scan">
      {running || queued ? (
        <button type="button" className="secondary" onClick={() => void act(() => call('scans.cancel', { jobId: job.id }))}>
          Cancel
        </button>
      ) : (
        <button type="button" onClick={() => void act(() => call('scans.start', { repositoryId }))}>
          Scan
        </button>
      )}
      {running && <ScanProgressBar job={job} />}
      {queued && (
        <p className="muted" role="status">
          Waiting: Scan all scans two repositories at a time.
        </p>
      )}
      {job?.state === 'succeeded' &&
        (job.alreadyScanned ? (
          <p className="muted" role="status">
            Scan finished: this commit was already scanned today with the same analyses and inputs, so snapshot {job.snapshotId} is kept and nothing new was saved.{' '}
            <button type="button" className="link-button" onClick={() => void act(() => call('scans.start', { repositoryId, rescan: true }))}>
              Save a new snapshot anyway
            </button>
          </p>
        ) : (
          <p className="muted" role="status">
            Scan finished: snapshot {job.snapshotId} saved.
          </p>
        ))}
      {job?.state === 'failed' && <ErrorMessage error={`The scan failed: ${job.error?.message ?? 'unknown reason'}`} />}
      {job?.state === 'cancelled' && <p className="muted">The scan was cancelled; nothing was saved.</p>}
      {error && <ErrorMessage error={error} />}
    </section>
  );
}

function ScanProgressBar({ job }: { job: ScanJob }) {
  const percent = Math.round(job.progress * 100);
  return (
    <div className="scan-progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label="Scan progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <div className="progress-label">
        <span>
          {job.step} · {percent}%
        </span>
        <span className="muted ellipsis">{job.detail}</span>
      </div>
    </div>
  );
}

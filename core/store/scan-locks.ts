import type { Database } from './database.js';

export interface ScanLockHolder {
  jobId: string;
  ownerPid: number;
  startedAt: string;
}

/**
 * Claims the repository's scan lock for a job. Returns the current holder instead when it still
 * holds the lock; a lock left behind by a process that died (a killed scan) is taken over.
 */
export function acquireScanLock(
  db: Database,
  repositoryId: number,
  claim: ScanLockHolder,
  stillHeld: (holder: ScanLockHolder) => boolean,
): ScanLockHolder | null {
  return db
    .transaction((): ScanLockHolder | null => {
      const holder = db
        .prepare<[number], ScanLockHolder>(
          'SELECT job_id AS jobId, owner_pid AS ownerPid, started_at AS startedAt FROM scan_locks WHERE repository_id = ?',
        )
        .get(repositoryId);
      if (holder && stillHeld(holder)) return holder;
      db.prepare(
        `INSERT INTO scan_locks (repository_id, job_id, owner_pid, started_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (repository_id) DO UPDATE SET job_id = excluded.job_id, owner_pid = excluded.owner_pid, started_at = excluded.started_at`,
      ).run(repositoryId, claim.jobId, claim.ownerPid, claim.startedAt);
      return null;
    })
    .immediate();
}

export function releaseScanLock(db: Database, repositoryId: number, jobId: string): void {
  db.prepare('DELETE FROM scan_locks WHERE repository_id = ? AND job_id = ?').run(repositoryId, jobId);
}

import type { Database } from './database.js';

export interface ScanLockHolder {
  jobId: string;
  ownerPid: number;
  /** The machine of the owning process: a pid means nothing on another host. */
  ownerHost: string;
  startedAt: string;
  /** When the owner last said it was still scanning ('' before it first did). */
  heartbeatAt: string;
}

const holderColumns = 'job_id AS "jobId", owner_pid AS "ownerPid", owner_host AS "ownerHost", started_at AS "startedAt", heartbeat_at AS "heartbeatAt"';

/** What a lock is for: a scan of HEAD, a backfill of past commits, or a draft's scans of its worktree (each may run beside the others). */
export type ScanPurpose = 'scan' | 'backfill' | 'draft';

/**
 * Claims the repository's lock of that purpose for a job. Returns the current holder instead when it still
 * holds the lock; a lock left behind by a process that died (a killed scan) is taken over.
 */
export function acquireScanLock(
  db: Database,
  repositoryId: number,
  claim: ScanLockHolder,
  stillHeld: (holder: ScanLockHolder) => boolean,
  purpose: ScanPurpose = 'scan',
): ScanLockHolder | null {
  return db
    .transaction((): ScanLockHolder | null => {
      const holder = db.prepare<[number, string], ScanLockHolder>(`SELECT ${holderColumns} FROM scan_locks WHERE repository_id = ? AND purpose = ?`).get(repositoryId, purpose);
      if (holder && stillHeld(holder)) return holder;
      db.prepare(
        `INSERT INTO scan_locks (repository_id, purpose, job_id, owner_pid, owner_host, started_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (repository_id, purpose) DO UPDATE SET job_id = excluded.job_id, owner_pid = excluded.owner_pid, owner_host = excluded.owner_host,
           started_at = excluded.started_at, heartbeat_at = excluded.heartbeat_at`,
      ).run(repositoryId, purpose, claim.jobId, claim.ownerPid, claim.ownerHost, claim.startedAt, claim.heartbeatAt);
      return null;
    })
    .immediate();
}

/** The owner of these jobs is alive and still scanning. */
export function renewScanLocks(db: Database, jobIds: readonly string[], now: Date): 'renewed' | 'busy' {
  // Without waiting for another connection's write (a scan saving a large snapshot in its worker, a
  // CLI's backfill): the app's thread would stand still for the busy timeout, then the timer would
  // throw. The lock lives six renewals, so one skipped while the database is busy costs nothing.
  const renew = db.prepare('UPDATE scan_locks SET heartbeat_at = ? WHERE job_id = ?');
  const renewed = db.unlessBusy(() =>
    db.transaction(() => {
      for (const jobId of jobIds) renew.run(now.toISOString(), jobId);
    })(),
  );
  return renewed === 'busy' ? 'busy' : 'renewed';
}

export function releaseScanLock(db: Database, repositoryId: number, jobId: string): void {
  db.prepare('DELETE FROM scan_locks WHERE repository_id = ? AND job_id = ?').run(repositoryId, jobId);
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../core/store/database.js';
import { lockStillHeld } from '../../core/scan/scan-service.js';
import { type ScanLockHolder, acquireScanLock, releaseScanLock, renewScanLocks } from '../../core/store/scan-locks.js';
import type { SqliteDatabase } from '../../core/store/sqlite-database.js';

let dir: string;
let db: Database;
let repositoryId: number;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'steward-locks-'));
  db = openDatabase(join(dir, 'steward.db'));
  const inserted = db
    .prepare<unknown[], { id: number }>('INSERT INTO repositories (path, name, added_at) VALUES (?, ?, ?) RETURNING id')
    .get('/src/app', 'app', '2024-01-01T00:00:00.000Z')!;
  repositoryId = inserted.id;
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const first: ScanLockHolder = { jobId: 'job-1', ownerPid: 1111, ownerHost: 'laptop', startedAt: '2024-01-01T10:00:00.000Z', heartbeatAt: '2024-01-01T10:00:00.000Z' };
const second: ScanLockHolder = { jobId: 'job-2', ownerPid: 2222, ownerHost: 'laptop', startedAt: '2024-01-01T10:05:00.000Z', heartbeatAt: '2024-01-01T10:05:00.000Z' };
const alive = (): boolean => true;
const dead = (): boolean => false;

const storedLock = (): ScanLockHolder | undefined =>
  db
    .prepare<[number], ScanLockHolder>(
      'SELECT job_id AS jobId, owner_pid AS ownerPid, owner_host AS ownerHost, started_at AS startedAt, heartbeat_at AS heartbeatAt FROM scan_locks WHERE repository_id = ?',
    )
    .get(repositoryId);

describe('scan locks', () => {
  it('grants the first claim on a repository', () => {
    expect(acquireScanLock(db, repositoryId, first, alive)).toBeNull();
    expect(storedLock()).toEqual(first);
  });

  it('refuses a second claim while the holder still holds the lock, and reports the holder', () => {
    acquireScanLock(db, repositoryId, first, alive);
    const seen: ScanLockHolder[] = [];
    const holder = acquireScanLock(db, repositoryId, second, (h) => {
      seen.push(h);
      return true;
    });
    expect(holder).toEqual(first);
    expect(seen).toEqual([first]);
    expect(storedLock()).toEqual(first);
  });

  it('takes over a lock left behind by a holder that is no longer running', () => {
    acquireScanLock(db, repositoryId, first, alive);
    expect(acquireScanLock(db, repositoryId, second, dead)).toBeNull();
    expect(storedLock()).toEqual(second);
  });

  it('grants a new claim once the holder releases the lock', () => {
    acquireScanLock(db, repositoryId, first, alive);
    releaseScanLock(db, repositoryId, first.jobId);
    expect(storedLock()).toBeUndefined();
    expect(acquireScanLock(db, repositoryId, second, alive)).toBeNull();
    expect(storedLock()).toEqual(second);
  });

  it('does not let a job release a lock it does not hold', () => {
    acquireScanLock(db, repositoryId, first, alive);
    releaseScanLock(db, repositoryId, second.jobId);
    expect(acquireScanLock(db, repositoryId, second, alive)).toEqual(first);
  });

  it('keeps locks of different repositories independent', () => {
    const other = db.prepare<unknown[], { id: number }>('INSERT INTO repositories (path, name, added_at) VALUES (?, ?, ?) RETURNING id').get('/src/lib', 'lib', '2024-01-01T00:00:00.000Z')!.id;
    acquireScanLock(db, repositoryId, first, alive);
    expect(acquireScanLock(db, other, second, alive)).toBeNull();
  });
});

describe('who still holds a lock', () => {
  const now = new Date('2024-01-01T10:00:30.000Z');
  const here = { now, host: 'laptop', pid: 4242, runningHere: (jobId: string) => jobId === 'mine', isAlive: (pid: number) => pid === 1111 };

  it('this process: only while it runs the job', () => {
    expect(lockStillHeld({ ...first, jobId: 'mine', ownerPid: 4242 }, here)).toBe(true);
    expect(lockStillHeld({ ...first, jobId: 'finished', ownerPid: 4242 }, here)).toBe(false);
  });

  it('another process on this host: alive and renewed within a minute', () => {
    expect(lockStillHeld(first, here)).toBe(true);
    expect(lockStillHeld({ ...first, ownerPid: 9999 }, here)).toBe(false);
    // A live process with the pid, but no renewal for ten minutes: another program was given the dead owner's pid.
    expect(lockStillHeld({ ...first, heartbeatAt: '2024-01-01T09:50:00.000Z' }, here)).toBe(false);
    // Written before locks were renewed (an older Steward): no renewal at all.
    expect(lockStillHeld({ ...first, heartbeatAt: '' }, here)).toBe(false);
  });

  it('another host: by the renewal alone', () => {
    expect(lockStillHeld({ ...first, ownerHost: 'ci-runner', ownerPid: 9999 }, here)).toBe(true);
    expect(lockStillHeld({ ...first, ownerHost: 'ci-runner', heartbeatAt: '2024-01-01T09:50:00.000Z' }, here)).toBe(false);
  });

  it('renewal moves the heartbeat of the given jobs only', () => {
    acquireScanLock(db, repositoryId, first, alive);
    renewScanLocks(db, ['job-1', 'job-9'], now);
    expect(storedLock()?.heartbeatAt).toBe(now.toISOString());
  });

  // The app renews on its own thread while a scan's worker (or another Steward process) may hold the
  // write lock for long: the renewal used to wait the busy timeout, then throw from its timer and end `steward serve`.
  it('renewal while another connection writes: skipped without an error, the connection as it was, done at the next', () => {
    acquireScanLock(db, repositoryId, first, alive);
    const other = openDatabase(join(dir, 'steward.db'));
    try {
      other.prepare('BEGIN IMMEDIATE').run();
      expect(renewScanLocks(db, ['job-1'], now)).toBe('busy');
      expect((db as SqliteDatabase).connection.pragma('busy_timeout', { simple: true })).toBe(10000);
      other.prepare('COMMIT').run();
    } finally {
      other.close();
    }
    expect(storedLock()?.heartbeatAt).toBe(first.heartbeatAt);
    expect(renewScanLocks(db, ['job-1'], now)).toBe('renewed');
    expect(storedLock()?.heartbeatAt).toBe(now.toISOString());
  });
});

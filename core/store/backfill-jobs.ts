import type { BackfillJob, BackfillState } from '../api/backfill.js';
import type { Database } from './database.js';

interface PlannedPoint {
  commit: string;
  /** The commit's committer date (ISO). */
  committedAt: string;
  /** The end of the period it stands for (ISO). */
  periodEnd: string;
}

interface BackfillPlanRow {
  repositoryId: number;
  everyDays: number;
  count: number;
  headCommit: string;
  points: PlannedPoint[];
  notes: string[];
}

interface JobRow {
  repository_id: number;
  every_days: number;
  count: number;
  head_commit: string;
  points: string;
  notes: string;
  state: BackfillState;
  error: string | null;
  created_at: string;
  updated_at: string;
}

/** Records a repository's backfill plan as running; it replaces the one before (whose finished points stay stored). */
export function saveBackfillPlan(db: Database, plan: BackfillPlanRow, now: Date): void {
  db.prepare(
    `INSERT INTO backfill_jobs (repository_id, every_days, count, head_commit, points, notes, state, error, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 'running', NULL, ?, ?) ON CONFLICT (repository_id) DO UPDATE SET every_days = excluded.every_days, count = excluded.count, head_commit = excluded.head_commit, points = excluded.points, notes = excluded.notes, state = excluded.state, error = excluded.error, created_at = excluded.created_at, updated_at = excluded.updated_at`,
  ).run(plan.repositoryId, plan.everyDays, plan.count, plan.headCommit, JSON.stringify(plan.points), JSON.stringify(plan.notes), now.toISOString(), now.toISOString());
}

export function setBackfillState(db: Database, repositoryId: number, state: BackfillState, now: Date, error: string | null = null): void {
  db.prepare('UPDATE backfill_jobs SET state = ?, error = ?, updated_at = ? WHERE repository_id = ?').run(state, error, now.toISOString(), repositoryId);
}

/** The past commits of the repository that already have a stored backfill snapshot. */
export function backfilledCommits(db: Database, repositoryId: number): Set<string> {
  return new Set(
    db.prepare<[number], { commit_sha: string }>(`SELECT DISTINCT commit_sha FROM snapshots WHERE repository_id = ? AND kind = 'backfill'`).all(repositoryId).map((row) => row.commit_sha),
  );
}

/** Removes the backfilled snapshots of commits HEAD no longer reaches (history rewritten); returns how many. */
export function removeUnreachableBackfills(db: Database, repositoryId: number, reachable: ReadonlySet<string>): number {
  const stale = db
    .prepare<[number], { id: number; commit_sha: string }>(`SELECT id, commit_sha FROM snapshots WHERE repository_id = ? AND kind = 'backfill'`)
    .all(repositoryId)
    .filter((row) => !reachable.has(row.commit_sha));
  const remove = db.prepare('DELETE FROM snapshots WHERE id = ?');
  db.transaction(() => stale.forEach((row) => remove.run(row.id)))();
  return stale.length;
}

/**
 * The repository's latest backfill with how far it got; a job left `running` by a process that is
 * gone (`running` tells whether one still holds its lock) reads as `stopped`. Null before any.
 */
export function readBackfillJob(db: Database, repositoryId: number, running: boolean): BackfillJob | null {
  const row = db.prepare<[number], JobRow>('SELECT * FROM backfill_jobs WHERE repository_id = ?').get(repositoryId);
  if (!row) return null;
  const done = backfilledCommits(db, repositoryId);
  const points = (JSON.parse(row.points) as PlannedPoint[]).map((point) => ({ ...point, done: done.has(point.commit) }));
  return {
    repositoryId,
    every: `${row.every_days}d`,
    count: row.count,
    headCommit: row.head_commit,
    state: row.state === 'running' && !running ? 'stopped' : row.state,
    error: row.error,
    notes: JSON.parse(row.notes) as string[],
    points,
    done: points.filter((point) => point.done).length,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Repositories whose latest backfill did not finish and was not cancelled: the app resumes them when it starts. */
export function unfinishedBackfills(db: Database): number[] {
  return db.prepare<[], { repository_id: number }>(`SELECT repository_id FROM backfill_jobs WHERE state IN ('running', 'stopped')`).all().map((row) => row.repository_id);
}

import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { BackfillJob } from '../../core/api/backfill.js';
import type { HealthForecastReport, HealthScoreReport } from '../../core/api/health.js';
import { call } from '../../core/api/call.js';
import { openSteward } from '../../core/steward.js';
import { spawnSteward, steward, stewardJson } from '../support/cli.js';
import { sourceWorkers } from '../support/source-workers.js';
import { git, temporaryDirectory } from '../support/git-fixture.js';
import { at, growingShop } from '../support/shop-fixture.js';

function query<T>(home: string, sql: string): T[] {
  const db = new BetterSqlite3(join(home, 'steward.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('steward backfill', () => {
  it('snapshots one past commit per week back from HEAD, says which weeks had none and where history begins, and gives the trend from day one', () => {
    const { repository, weeks } = growingShop();
    const home = temporaryDirectory();
    stewardJson(home, ['scan', repository, '--offline']);
    const job = stewardJson<BackfillJob>(home, ['backfill', repository, '--every', '1w', '--count', '12']);
    expect(job.state).toBe('finished');
    // Weeks 8 back to 0; week 6 has no commit of its own (week 5's stands for it); nothing before week 0.
    expect(job.points.map((point) => point.committedAt.slice(0, 10))).toEqual([8, 7, 5, 4, 3, 2, 1, 0].map((index) => at(index).slice(0, 10)));
    expect(job.done).toBe(8);
    expect(job.notes.join('\n')).toMatch(/1 period without commits skipped/);
    expect(job.notes.join('\n')).toMatch(new RegExp(`Only 9 periods of 12: history begins ${at(0).slice(0, 10)}`));

    const forecast = stewardJson<HealthForecastReport>(home, ['forecast', repository, '--threshold', '50']);
    expect(forecast.points.map((point) => point.at.slice(0, 10))).toEqual(weeks.map((index) => at(index).slice(0, 10)));
    const scores = forecast.points.map((point) => point.score);
    // One more complex function a week: every point lower than the one before.
    expect(scores, JSON.stringify(scores)).toEqual([...scores].sort((a, b) => b - a));
    expect(new Set(scores).size).toBe(scores.length);
    expect(forecast.forecast.kind).toBe('crossing');

    // Running it again analyses nothing twice.
    const again = stewardJson<BackfillJob>(home, ['backfill', repository, '--every', '1w', '--count', '12']);
    expect(again.done).toBe(8);
    expect(query<{ n: number }>(home, "SELECT count(*) AS n FROM snapshots WHERE kind = 'backfill'")[0]!.n).toBe(8);
    expect(steward(home, ['backfill', repository, '--every', '1 week']).stderr).toMatch(/expected a period such as 1w or 10d/);
  });

  it('scores a past commit as a scan of that commit checked out does', () => {
    const { repository } = growingShop();
    const home = temporaryDirectory();
    stewardJson(home, ['scan', repository, '--offline']);
    stewardJson(home, ['backfill', repository, '--count', '4', '--every', '2w']);
    const [backfilled] = query<{ commit_sha: string; score: number }>(
      home,
      "SELECT s.commit_sha, h.score FROM snapshots s JOIN health_scores h ON h.snapshot_id = s.id WHERE s.kind = 'backfill' ORDER BY s.commit_date LIMIT 1",
    );
    const clone = join(temporaryDirectory(), 'shop-then');
    git(temporaryDirectory(), ['clone', '--quiet', repository, clone]);
    git(clone, ['checkout', '--quiet', backfilled!.commit_sha]);
    const other = temporaryDirectory();
    stewardJson(other, ['scan', clone, '--offline']);
    expect(stewardJson<HealthScoreReport>(other, ['score', clone]).score).toBeCloseTo(backfilled!.score, 9);
  });

  it('killed midway, it resumes where it stopped (the app resumes it on opening, beside a scan of HEAD): no half snapshot, no commit twice', async () => {
    const { repository } = growingShop();
    const home = temporaryDirectory();
    stewardJson(home, ['scan', repository, '--offline']);
    const child = spawnSteward(home, ['backfill', repository, '--count', '9']);
    const backfilled = () => {
      try {
        return query<{ n: number }>(home, "SELECT count(*) AS n FROM snapshots WHERE kind = 'backfill'")[0]!.n;
      } catch {
        return 0;
      }
    };
    await waitFor(() => backfilled() >= 1);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('close', resolve));
    // Left as running by a process that is gone (the app resumes it; the API reads it as stopped).
    expect(query<{ state: string }>(home, 'SELECT state FROM backfill_jobs')[0]!.state).toBe('running');
    const done = backfilled();
    expect(done).toBeLessThan(8);
    // Every stored backfill snapshot is whole: its score is there.
    expect(query<{ n: number }>(home, "SELECT count(*) AS n FROM snapshots s LEFT JOIN health_scores h ON h.snapshot_id = s.id WHERE s.kind = 'backfill' AND h.snapshot_id IS NULL")[0]!.n).toBe(0);

    // The app resumes it when it opens, and a scan of HEAD runs beside it (one lock per purpose).
    const app = openSteward({ home, version: 'test', mode: 'browser', workers: sourceWorkers });
    try {
      app.resumeBackfills();
      const [backfill] = app.scans.list();
      expect(backfill).toMatchObject({ purpose: 'backfill', state: 'running' });
      const scan = await call(app.handlers, 'scans.start', { repositoryId: backfill!.repositoryId, options: { dependencies: { offline: true } } });
      expect((await app.scans.settled(scan.id)).state).toBe('succeeded');
      expect((await app.scans.settled(backfill!.id)).state).toBe('succeeded');
      expect(await call(app.handlers, 'backfill.status', { repositoryId: backfill!.repositoryId })).toMatchObject({ state: 'finished', done: 8 });
    } finally {
      await app.close();
    }
    const resumed = stewardJson<BackfillJob>(home, ['backfill', repository, '--count', '9']);
    expect(resumed.done).toBe(8);
    const commits = query<{ commit_sha: string }>(home, "SELECT commit_sha FROM snapshots WHERE kind = 'backfill'").map((row) => row.commit_sha);
    expect(new Set(commits).size).toBe(8);
    expect(commits).toHaveLength(8);
  });

  it('goes as far back as a shallow clone allows and says so; after history is rewritten, drops the snapshots of commits HEAD no longer reaches', () => {
    const { repository } = growingShop();
    const shallow = join(temporaryDirectory(), 'shallow');
    git(temporaryDirectory(), ['clone', '--quiet', '--depth', '3', `file://${repository}`, shallow]);
    const home = temporaryDirectory();
    const job = stewardJson<BackfillJob>(home, ['backfill', shallow, '--count', '6']);
    expect(job.done).toBe(2);
    expect(job.notes.join('\n')).toMatch(/this shallow clone cuts history at/);

    const rewritten = temporaryDirectory();
    stewardJson(rewritten, ['backfill', repository, '--count', '3']);
    // Drop the last two weeks and commit something else instead.
    git(repository, ['reset', '--quiet', '--hard', 'HEAD~2']);
    git(repository, ['commit', '--quiet', '--allow-empty', '--message', 'a new week 9'], { GIT_AUTHOR_NAME: 'Ada', GIT_AUTHOR_EMAIL: 'ada@example.com', GIT_COMMITTER_NAME: 'Ada', GIT_COMMITTER_EMAIL: 'ada@example.com', GIT_AUTHOR_DATE: at(9), GIT_COMMITTER_DATE: at(9) });
    const after = stewardJson<BackfillJob>(rewritten, ['backfill', repository, '--count', '3']);
    expect(after.notes.join('\n')).toMatch(/History was rewritten: removed 1 backfilled snapshot of commits HEAD no longer reaches/);
    const reachable = new Set(git(repository, ['rev-list', 'HEAD']).split('\n').filter(Boolean));
    const stored = query<{ commit_sha: string }>(rewritten, "SELECT commit_sha FROM snapshots WHERE kind = 'backfill'").map((row) => row.commit_sha);
    expect(stored.every((sha) => reachable.has(sha))).toBe(true);
  });
});

import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Random } from '../../bench/prng.js';
import type { Draft } from '../../core/api/drafts.js';
import type { Repository } from '../../core/api/repositories.js';
import type { ScanJob } from '../../core/api/scans.js';
import { runSteward, spawnSteward } from '../support/cli.js';
import { git, temporaryDirectory } from '../support/git-fixture.js';
import { full, recordFigures, scaled, seed } from './scale.js';
import { type AppInstance, type Answer, hangAfterMs, startAppInstance, waitFor } from './support/app-instance.js';
import { draftableRepository, itemRepository, readDatabase, slowRepository } from './support/concurrency-fixture.js';

/**
 * Two app instances (`steward serve`, the desktop app's core, on one STEWARD_HOME) and the CLI, all
 * writing to one database at once: every write lands, nobody sees SQLITE_BUSY, nothing deadlocks.
 * Which instance does what, and in which order, is drawn from the seed.
 */

const cleanup: string[] = [];
const folder = (prefix: string): string => {
  const made = temporaryDirectory(prefix);
  cleanup.push(made);
  return made;
};

/** What each concurrent operation came to, for the checks and the figures. */
interface Outcome {
  what: string;
  by: string;
  ok: boolean;
  /** The error's code (API) or the exit code (CLI), and its message, when not ok. */
  error?: string;
}

const lockedDatabase = /SQLITE_BUSY|database is locked|SQLITE_LOCKED/i;
const outcomes: Outcome[] = [];
const figures = { seed, rounds: 0, scans: 0, decisions: 0, settingsWrites: 0, backfills: 0, identityMerges: 0, drafts: 0, contendedScans: 0, racedScans: 0 };

let home: string;
let apps: AppInstance[];
const random = new Random(seed);
// Printed so that a failure can be repeated: STEWARD_SEED=<seed>.
console.log(`concurrency: seed ${seed} (${full ? 'full' : 'fast'})`);

beforeAll(async () => {
  home = folder('steward-concurrency-home-');
  // Both start on a fresh home at once: both migrate the same new database.
  apps = await Promise.all([startAppInstance('app 1', home), startAppInstance('app 2', home)]);
}, hangAfterMs);

afterAll(async () => {
  await Promise.all((apps ?? []).map((app) => app.stop()));
  recordFigures('concurrency', { ...figures, operations: outcomes.length });
  for (const made of cleanup) rmSync(made, { recursive: true, force: true });
}, hangAfterMs);

function record(outcome: Outcome): Outcome {
  outcomes.push(outcome);
  return outcome;
}

async function viaApp<T>(app: AppInstance, what: string, route: string, payload: unknown): Promise<{ outcome: Outcome; value?: T }> {
  const answer: Answer<T> = await app.call<T>(route, payload);
  if (answer.ok) return { outcome: record({ what, by: app.name, ok: true }), value: answer.value };
  return { outcome: record({ what, by: app.name, ok: false, error: `${answer.error.code}: ${answer.error.message}` }) };
}

async function viaCli(what: string, args: string[]): Promise<{ outcome: Outcome; stdout: string }> {
  const result = await runSteward(home, args);
  const ok = result.status === 0;
  return { outcome: record({ what, by: 'cli', ok, ...(ok ? {} : { error: `exit ${result.status}: ${result.stderr.trim()}` }) }), stdout: result.stdout };
}

async function repositoryId(path: string): Promise<number> {
  const added = await apps[0]!.call<Repository>('repositories.add', { path });
  if (!added.ok) throw new Error(`${path} could not be added: ${added.error.message}`);
  return added.value.id;
}

/** A scan of HEAD by one of the apps or the CLI, to its end. */
async function scan(by: AppInstance | 'cli', path: string): Promise<Outcome> {
  figures.scans++;
  const what = `scan of ${path}`;
  // --rescan: every scan that succeeds saves a snapshot of its own, which the checks count.
  if (by === 'cli') return (await viaCli(what, ['scan', path, '--offline', '--quiet', '--rescan', '--json'])).outcome;
  const started = await viaApp<ScanJob>(by, what, 'scans.start', { repositoryId: await repositoryId(path), rescan: true, options: { dependencies: { offline: true } } });
  if (!started.value) return started.outcome;
  return ended(by, what, await by.jobEnded(started.value.id));
}

/** Weeks a backfill goes back (each a past commit scanned). */
const backfillWeeks = scaled(2, 3);

async function backfill(by: AppInstance | 'cli', path: string): Promise<Outcome> {
  figures.backfills++;
  const what = `backfill of ${path}`;
  if (by === 'cli') return (await viaCli(what, ['backfill', path, '--every', '1w', '--count', String(backfillWeeks), '--offline', '--quiet'])).outcome;
  const started = await viaApp<ScanJob>(by, what, 'backfill.start', { repositoryId: await repositoryId(path), every: '1w', count: backfillWeeks, offline: true });
  if (!started.value) return started.outcome;
  return ended(by, what, await by.jobEnded(started.value.id));
}

/** A job's end as an outcome: the job itself is the second half of what its route started. */
function ended(app: AppInstance, what: string, job: ScanJob): Outcome {
  const outcome = outcomes.findLast((candidate) => candidate.what === what && candidate.by === app.name)!;
  if (job.state !== 'succeeded') Object.assign(outcome, { ok: false, error: `${job.state}: ${job.error?.message}` });
  return outcome;
}

function openFingerprints(path: string): string[] {
  return readDatabase(home, (db) =>
    db
      .prepare<[string], { fingerprint: string }>(`SELECT d.fingerprint FROM debt_items d JOIN repositories r ON r.id = d.repository_id WHERE r.path = ? AND d.decision = 'open' ORDER BY d.fingerprint`)
      .all(path)
      .map((row) => row.fingerprint),
  );
}

function headSnapshots(path: string): { started: string; finished: string }[] {
  return readDatabase(home, (db) =>
    db
      .prepare<[string], { started: string; finished: string }>(
        `SELECT s.started_at AS started, s.finished_at AS finished FROM snapshots s JOIN repositories r ON r.id = s.repository_id WHERE r.path = ? AND s.kind = 'head' ORDER BY s.id`,
      )
      .all(path),
  );
}

function integrity(): string {
  return readDatabase(home, (db) => db.pragma('integrity_check', { simple: true }) as string);
}

/** No operation since `from` (an index into `outcomes`) told its user that the database was locked. */
function expectNoLockedDatabase(from: number): void {
  const leaked = outcomes.slice(from).filter((outcome) => lockedDatabase.test(outcome.error ?? ''));
  expect(leaked, 'a "database is locked" reached the user').toEqual([]);
}

describe('two app instances and the CLI on one database', () => {
  it('scans of different repositories, item decisions, settings, identity merges and backfills at once: every write lands, no SQLITE_BUSY, no deadlock', async () => {
    const from = outcomes.length;
    const repositories = Array.from({ length: scaled(3, 4) }, (_, index) => itemRepository(join(folder('steward-concurrency-repo-'), `shop-${index}`), `shop${index}s${seed}`));
    const actors: (AppInstance | 'cli')[] = [...apps, 'cli'];
    const decided = new Map<string, { path: string; decision: 'accepted' | 'dismissed' }>();
    const expectedSettings = { scoreDrop: 5, forecastWeeks: 4, hour: 9, day: 'monday' };
    const snapshotsMade = new Map<string, number>();

    // The first scans make the items the decisions of the rounds act on.
    const first = await Promise.all(repositories.map((path) => scan(random.pick(actors), path)));
    expect(first.filter((outcome) => !outcome.ok)).toEqual([]);
    for (const path of repositories) snapshotsMade.set(path, 1);

    const rounds = scaled(1, 3);
    const decisionsPerRound = scaled(5, 16);
    const days = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;
    for (let round = 0; round < rounds; round++) {
      figures.rounds++;
      const operations: (() => Promise<Outcome>)[] = [];
      for (const path of repositories) {
        operations.push(() => scan(random.pick(actors), path));
        snapshotsMade.set(path, snapshotsMade.get(path)! + 1);
      }
      operations.push(() => backfill(random.pick(actors), repositories[round % repositories.length]!));
      const open = repositories.flatMap((path) => openFingerprints(path).filter((fingerprint) => !decided.has(`${path} ${fingerprint}`)).map((fingerprint) => ({ path, fingerprint })));
      for (let index = 0; index < decisionsPerRound && open.length > 0; index++) {
        const { path, fingerprint } = open.splice(random.int(0, open.length - 1), 1)[0]!;
        const decision = random.chance(0.5) ? 'accepted' : 'dismissed';
        decided.set(`${path} ${fingerprint}`, { path, decision });
        const by = random.pick(actors);
        const reason = `round ${round}, ${by === 'cli' ? 'cli' : by.name}`;
        figures.decisions++;
        operations.push(async () => {
          const what = `${decision} ${fingerprint}`;
          if (by === 'cli') return (await viaCli(what, ['item', decision === 'accepted' ? 'accept' : 'dismiss', fingerprint, '--repo', path, '--reason', reason])).outcome;
          return (await viaApp(by, what, decision === 'accepted' ? 'inventory.accept' : 'inventory.dismiss', { repositoryId: await repositoryId(path), fingerprint, reason })).outcome;
        });
      }
      // Two instances change fields of the same sections at once: neither change may undo the other.
      Object.assign(expectedSettings, { scoreDrop: random.int(1, 30), forecastWeeks: random.int(1, 12), hour: random.int(0, 23), day: random.pick(days) });
      const settingsWrites: [AppInstance, object][] = [
        [apps[0]!, { notifications: { scoreDrop: expectedSettings.scoreDrop } }],
        [apps[1]!, { notifications: { forecastWeeks: expectedSettings.forecastWeeks } }],
        [apps[1]!, { scanSchedule: { hour: expectedSettings.hour } }],
        [apps[0]!, { scanSchedule: { day: expectedSettings.day } }],
      ];
      for (const [app, change] of settingsWrites) {
        figures.settingsWrites++;
        operations.push(async () => (await viaApp(app, 'settings.update', 'settings.update', change)).outcome);
      }
      figures.identityMerges++;
      operations.push(async () => (await viaApp(random.pick(apps), 'identities.merge', 'identities.merge', { into: 'Ada Lovelace <ada@example.com>', merge: [`Ada L. <ada+${round}@example.com>`] })).outcome);

      // In a seeded order, all at once.
      const shuffled = operations.map((operation) => ({ operation, key: random.next() })).sort((a, b) => a.key - b.key);
      const results = await Promise.all(shuffled.map(({ operation }) => operation()));
      expectNoLockedDatabase(from);
      expect(results.filter((outcome) => !outcome.ok)).toEqual([]);
    }

    // Every write landed: snapshots, decisions (with their events), settings, merges, backfills.
    for (const path of repositories) expect(headSnapshots(path), path).toHaveLength(snapshotsMade.get(path)!);
    const stored = readDatabase(home, (db) => ({
      decisions: db
        .prepare<[], { path: string; fingerprint: string; decision: string }>(`SELECT r.path, d.fingerprint, d.decision FROM debt_items d JOIN repositories r ON r.id = d.repository_id WHERE d.decision <> 'open'`)
        .all(),
      events: (db.prepare(`SELECT count(*) AS n FROM item_events WHERE action IN ('accepted', 'dismissed')`).get() as { n: number }).n,
      merges: (db.prepare(`SELECT count(*) AS n FROM identity_merges WHERE person = 'Ada Lovelace <ada@example.com>'`).get() as { n: number }).n,
      backfills: db
        .prepare<[], { path: string; planned: string; state: string }>(`SELECT r.path, b.points AS planned, b.state FROM backfill_jobs b JOIN repositories r ON r.id = b.repository_id`)
        .all(),
      backfilled: db
        .prepare<[], { path: string; commits: number }>(`SELECT r.path, count(DISTINCT s.commit_sha) AS commits FROM snapshots s JOIN repositories r ON r.id = s.repository_id WHERE s.kind = 'backfill' GROUP BY r.path`)
        .all(),
      locks: (db.prepare('SELECT count(*) AS n FROM scan_locks').get() as { n: number }).n,
    }));
    expect(new Map(stored.decisions.map((row) => [`${row.path} ${row.fingerprint}`, row.decision]))).toEqual(new Map([...decided].map(([key, { decision }]) => [key, decision])));
    expect(stored.events).toBe(decided.size);
    expect(stored.merges).toBe(rounds);
    expect(stored.backfills.map((job) => job.state)).toEqual(stored.backfills.map(() => 'finished'));
    for (const job of stored.backfills) {
      const planned = new Set((JSON.parse(job.planned) as { commit: string }[]).map((point) => point.commit));
      expect(stored.backfilled.find((row) => row.path === job.path)?.commits, job.path).toBe(planned.size);
    }
    // Every lock was released.
    expect(stored.locks).toBe(0);
    const settings = await apps[1]!.call<{ notifications: { scoreDrop: number; forecastWeeks: number }; scanSchedule: { hour: number; day: string } }>('settings.get', {});
    expect(settings.ok && { ...settings.value.notifications, ...settings.value.scanSchedule }).toMatchObject(expectedSettings);
    expect(integrity()).toBe('ok');
  }, hangAfterMs * 2);
});

describe('two scans of one repository at once', () => {
  type Starter = { by: AppInstance | 'cli' };
  const pairs: [string, Starter, Starter][] = [];

  beforeAll(() => {
    const all: [string, Starter, Starter][] = [
      ['the CLI and an app', { by: 'cli' }, { by: apps[0]! }],
      ['two apps', { by: apps[0]! }, { by: apps[1]! }],
      ['an app and the CLI', { by: apps[1]! }, { by: 'cli' }],
      // The CLI twice is also in test/integration/cli-robustness.test.ts.
      ['the CLI twice', { by: 'cli' }, { by: 'cli' }],
      ['one app twice', { by: apps[1]! }, { by: apps[1]! }],
    ];
    pairs.push(...all.slice(0, scaled(3, all.length)));
  });

  /** Starts a scan and says when it holds the repository's lock (or was refused); `finished` is its end, `cancel` asks it to stop. */
  async function startScan(by: AppInstance | 'cli', path: string): Promise<{ refused?: string; finished: Promise<Outcome>; cancel(): Promise<void> }> {
    if (by === 'cli') {
      const child = spawnSteward(home, ['scan', path, '--offline', '--quiet', '--rescan']);
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
      let exited: number | null | undefined;
      void exit.then((code) => (exited = code));
      await waitFor(`the CLI's scan of ${path} to take its lock or end`, () => (lockHolder(path) === child.pid || exited !== undefined ? true : undefined));
      const finished = exit.then((code) => record({ what: `scan of ${path}`, by: 'cli', ok: code === 0, ...(code === 0 ? {} : { error: `exit ${code}: ${stderr.trim()}` }) }));
      // Ctrl-C, as a person stops a scan in the terminal.
      const cancel = async (): Promise<void> => void child.kill('SIGINT');
      if (exited !== undefined && exited !== 0) return { refused: stderr.trim(), finished, cancel };
      return { finished, cancel };
    }
    const started = await by.call<ScanJob>('scans.start', { repositoryId: await repositoryId(path), rescan: true, options: { dependencies: { offline: true } } });
    if (!started.ok) {
      const outcome = record({ what: `scan of ${path}`, by: by.name, ok: false, error: `${started.error.code}: ${started.error.message}` });
      return { refused: outcome.error!, finished: Promise.resolve(outcome), cancel: async () => {} };
    }
    return {
      finished: by.jobEnded(started.value.id).then((job) => record({ what: `scan of ${path}`, by: by.name, ok: job.state === 'succeeded', ...(job.state === 'succeeded' ? {} : { error: `${job.state}: ${job.error?.message}` }) })),
      cancel: async () => void (await by.call('scans.cancel', { jobId: started.value.id })),
    };
  }

  function lockHolder(path: string): number | undefined {
    if (!existsSync(join(home, 'steward.db'))) return undefined;
    return readDatabase(home, (db) =>
      db.prepare<[string], { pid: number }>(`SELECT l.owner_pid AS pid FROM scan_locks l JOIN repositories r ON r.id = l.repository_id WHERE r.path = ? AND l.purpose = 'scan'`).get(path)?.pid,
    );
  }

  const alreadyRunning = (name: string) => new RegExp(`A scan of ${name} is already running (here|in another Steward process \\(pid \\d+\\)) since \\d\\d:\\d\\d:\\d\\d; wait for it to finish or cancel it`);

  it('the second, started while the first holds the repository, is refused in one clear line; the first goes on (cancelled: no snapshot, the lock freed)', async () => {
    const from = outcomes.length;
    for (const [label, first, second] of pairs) {
      const name = `contended-${pairs.findIndex((pair) => pair[0] === label)}`;
      // Large enough that the first is still scanning when the second asks, however fast the machine: it is cancelled once refused.
      const path = slowRepository(join(folder('steward-concurrency-slow-'), name), `${name}s${seed}`, 2000);
      figures.contendedScans++;
      const running = await startScan(first.by, path);
      expect(running.refused, label).toBeUndefined();
      const refused = await startScan(second.by, path);
      expect(refused.refused, label).toMatch(alreadyRunning(name));
      expect(refused.refused!.split('\n'), label).toHaveLength(1);
      await running.cancel();
      const ended = await running.finished;
      // Cancelled (nothing saved), or done already: never a second snapshot, never a half one.
      expect(headSnapshots(path), label).toHaveLength(ended.ok ? 1 : 0);
      if (!ended.ok) expect(ended.error, label).toMatch(/^(cancelled|exit 130)/);
      expect(lockHolder(path), label).toBeUndefined();
    }
    expectNoLockedDatabase(from);
  }, hangAfterMs * 3);

  it('started at the same moment: one runs and the other is refused (or runs after it), never both at once, never a duplicate snapshot', async () => {
    const from = outcomes.length;
    const races = scaled(1, 3);
    for (let race = 0; race < races; race++) {
      for (const [label, first, second] of pairs.slice(0, scaled(1, pairs.length))) {
        const name = `raced-${race}-${pairs.findIndex((pair) => pair[0] === label)}`;
        const path = slowRepository(join(folder('steward-concurrency-race-'), name), `${name}s${seed}`, scaled(150, 600));
        // Registered first, so that both race for the scan and not for adding the repository.
        await repositoryId(path);
        figures.racedScans++;
        const [a, b] = random.chance(0.5) ? [first, second] : [second, first];
        const [one, two] = await Promise.all([startScan(a.by, path), startScan(b.by, path)]);
        const ends = await Promise.all([one.finished, two.finished]);
        const succeeded = ends.filter((outcome) => outcome.ok).length;
        expect(succeeded, label).toBeGreaterThanOrEqual(1);
        for (const outcome of ends.filter((end) => !end.ok)) expect(outcome.error, label).toMatch(alreadyRunning(name));
        const snapshots = headSnapshots(path);
        expect(snapshots, label).toHaveLength(succeeded);
        // Two saved snapshots ran one after the other.
        if (snapshots.length === 2) expect(snapshots[0]!.finished <= snapshots[1]!.started, label).toBe(true);
      }
    }
    expectNoLockedDatabase(from);
  }, hangAfterMs * 3);
});

describe('a scan while a backfill and a draft of the same repository run', () => {
  it('all finish (a second draft of it is refused clearly), the database is whole, the draft worktree is fine, nothing is lost', async () => {
    const from = outcomes.length;
    const path = draftableRepository(join(folder('steward-concurrency-draft-'), 'drafted'));
    const checkout = (): string[] => [git(path, ['rev-parse', 'HEAD']), git(path, ['status', '--porcelain=v1', '--untracked-files=all'], { GIT_OPTIONAL_LOCKS: '0' })];
    const before = checkout();
    expect((await scan('cli', path)).ok).toBe(true);
    const id = await repositoryId(path);
    const [app1, app2] = apps as [AppInstance, AppInstance];
    figures.drafts += 2;

    // The draft and a second draft from the other app, a backfill and a scan, at once.
    const [draft, secondDraft, backfilled, scanned] = await Promise.all([
      app1.call<Draft>('drafts.create', { repositoryId: id, kind: 'deadcode', consent: true }),
      app2.call<Draft>('drafts.create', { repositoryId: id, kind: 'deadcode', consent: true }),
      backfill(app2, path),
      scan('cli', path),
    ]);
    const created = [draft, secondDraft].filter((answer): answer is { ok: true; value: Draft } => answer.ok);
    const refusedDrafts = [draft, secondDraft].filter((answer) => !answer.ok);
    expect(created, 'one draft of a repository at a time').toHaveLength(1);
    expect(refusedDrafts.map((answer) => !answer.ok && answer.error)).toEqual([{ code: 'busy', message: expect.stringMatching(/^Draft \w+ of drafted is being drafted/) }]);
    const owner = draft.ok ? app1 : app2;
    const finished = await owner.draftEnded(created[0]!.value.id);
    expect([backfilled.ok, backfilled.error, scanned.ok, scanned.error]).toEqual([true, undefined, true, undefined]);
    expect(finished).toMatchObject({ state: 'ready', error: null });
    expectNoLockedDatabase(from);

    // The draft's worktree holds its branch, clean; the user's checkout is as it was.
    expect(git(finished.worktree!, ['status', '--porcelain=v1'])).toBe('');
    expect(git(finished.worktree!, ['rev-parse', 'HEAD'])).toBe(git(path, ['rev-parse', finished.branch]));
    expect(checkout()).toEqual(before);
    expect(headSnapshots(path)).toHaveLength(2);
    const backfillJob = readDatabase(home, (db) => db.prepare<[number], { state: string; points: string }>('SELECT state, points FROM backfill_jobs WHERE repository_id = ?').get(id)!);
    expect(backfillJob.state).toBe('finished');
    expect(integrity()).toBe('ok');
  }, hangAfterMs * 2);
});

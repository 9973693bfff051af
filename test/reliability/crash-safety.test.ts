import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackfillJob } from '../../core/api/backfill.js';
import type { Draft, DraftDetail } from '../../core/api/drafts.js';
import type { ScanJob } from '../../core/api/scans.js';
import type { SnapshotReport, SnapshotSummary } from '../../core/api/snapshots.js';
import { runSteward } from '../support/cli.js';
import { buildDeprecationRepository } from '../support/draft-fixture.js';
import { temporaryDirectory } from '../support/git-fixture.js';
import { bulkyShop } from '../support/shop-fixture.js';
import { recordFigures, scaled, seed } from './scale.js';
import { type RepositoryState, databaseProblems, latestItems, repositoryChanges, repositoryState } from './support/crash-checks.js';
import { SqliteDatabase } from '../../core/store/sqlite-database.js';
import { type KillableSteward, type ServerApi, type WatchedState, StateWatcher, killAfterStates, serverApi, spawnKillable } from './support/killable-steward.js';

/**
 * Crash safety: Steward is killed with SIGKILL (its whole process group, git children included) at a
 * seeded-random point of a scan, a backfill or a draft, run by the CLI or by `steward serve` (the core
 * the desktop app runs). A point is "after the Nth change of what can be seen of the operation" (rows
 * written, locks, steps, worktrees), N drawn over the changes a whole run shows, so kills spread over
 * the whole operation on any machine. After each kill: the database is whole and holds no half of
 * anything; the next start recovers what the dead process left; the user's repository is as it was;
 * and the next scan, backfill (resuming) or draft succeeds.
 */

type Operation = 'scan' | 'backfill' | 'draft';
type Channel = 'cli' | 'serve';
interface CrashRun {
  index: number;
  operation: Operation;
  channel: Channel;
  /** Where the kill falls, as a fraction of the changes a whole run shows. */
  fraction: number;
  /** A scan of a repository Steward has not seen yet (else a re-scan, whose inventory exists). */
  firstScan: boolean;
}

const perOperation: Record<Operation, number> = scaled({ scan: 1, backfill: 1, draft: 1 }, { scan: 20, backfill: 15, draft: 15 });
/** Kill points and first scans drawn from the seed, uniformly (no bias towards the ends). */
const draws = fc.sample(fc.noBias(fc.record({ permille: fc.integer({ min: 1, max: 1000 }), firstScan: fc.boolean() })), { seed, numRuns: Object.values(perOperation).reduce((sum, count) => sum + count, 0) });
const runs: CrashRun[] = (['scan', 'backfill', 'draft'] as const)
  .flatMap((operation) => Array.from({ length: perOperation[operation] }, () => operation))
  // The doors alternate across all runs, so that even the fast subset goes through both.
  .map((operation, index) => ({ operation, channel: index % 2 === 0 ? 'cli' : 'serve', index, fraction: draws[index]!.permille / 1000, firstScan: draws[index]!.firstScan }));

/** A hang detector, not a wait: every wait below is for a state. */
const hang = 240_000;

// No network for npm (a draft's install gate): the fixtures need no package, and nothing may be fetched.
const env: NodeJS.ProcessEnv = { npm_config_registry: 'http://127.0.0.1:9/', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
const cleanup: string[] = [];
const folder = (prefix: string): string => {
  const made = temporaryDirectory(prefix);
  cleanup.push(made);
  return made;
};

const fixture = {} as {
  shop: string;
  drafts: string;
  /** Homes where each repository has been scanned once. */
  shopHome: string;
  draftHome: string;
  before: { shop: RepositoryState; drafts: RepositoryState };
  /** The shop's inventory after its scan: every later scan of the same commit finds the same. */
  shopItems: string[];
  backfilled: number;
};
const figures = { runs: 0, killedMidway: 0, killedAfterTheEnd: 0, scan: 0, backfill: 0, draft: 0, cli: 0, serve: 0, wallSeconds: 0 };
const started = performance.now();
/** A line on stderr per run (seed, kill point, seconds), to repeat a failure or see where time goes. */
const note = (line: string): void => void process.stderr.write(`[crash-safety ${((performance.now() - started) / 1000).toFixed(1)} s] ${line}\n`);

async function cli<T>(home: string, args: string[]): Promise<T> {
  const result = await runSteward(home, [...args, '--json'], env);
  if (result.status !== 0) throw new Error(`steward ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

function latestItemsIn(home: string): string[] {
  const db = new BetterSqlite3(join(home, 'steward.db'), { readonly: true, fileMustExist: true });
  try {
    return latestItems(new SqliteDatabase(db));
  } finally {
    db.close();
  }
}

function draftsOf(home: string): Draft[] {
  if (!existsSync(join(home, 'steward.db'))) return [];
  const db = new BetterSqlite3(join(home, 'steward.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare<[], { id: string; state: Draft['state']; branch: string; worktree: string | null }>('SELECT id, state, branch, worktree FROM drafts').all() as Draft[];
  } finally {
    db.close();
  }
}

const cliArgs: Record<Operation, (repository: string) => string[]> = {
  // --rescan: a scan of the unchanged commit saves a snapshot again, so that there is a save to kill.
  scan: (repository) => ['scan', repository, '--offline', '--rescan', '--json'],
  backfill: (repository) => ['backfill', repository, '--every', '1w', '--count', '9', '--offline', '--json'],
  draft: (repository) => ['draft', 'deprecations', repository, '--json'],
};

/** Starts the operation through the browser mode's API, as the app does. */
async function startThroughApi(api: ServerApi, operation: Operation, repository: string): Promise<void> {
  const { id: repositoryId } = await api.call<{ id: number }>('repositories.add', { path: repository });
  if (operation === 'scan') await api.call('scans.start', { repositoryId, rescan: true, options: { dependencies: { offline: true } } });
  if (operation === 'backfill') await api.call('backfill.start', { repositoryId, every: '1w', count: 9, offline: true });
  if (operation === 'draft') await api.call('drafts.create', { repositoryId, kind: 'deprecations' });
}

/** When the operation is over, by what it has written. */
function finished(operation: Operation, before: WatchedState | null): (state: WatchedState) => boolean {
  if (operation === 'scan') return (state) => state.snapshots > (before?.snapshots ?? 0) && state.locks === null;
  if (operation === 'backfill') return (state) => /finished/.test(state.backfill ?? '');
  const drafts = before?.drafts?.split(',').length ?? 0;
  return (state) => (state.drafts?.split(',').length ?? 0) > drafts && !/drafting/.test(state.drafts ?? '');
}

/** Runs the operation in a new process; kills its group at the `killAt`-th change (Infinity: lets it finish). */
async function operate(home: string, repository: string, operation: Operation, channel: Channel, killAt: number): Promise<{ states: number; killed: boolean; target: KillableSteward }> {
  const watcher = new StateWatcher(home, repository);
  const before = watcher.read()?.state ?? null;
  const target = spawnKillable(home, channel === 'cli' ? cliArgs[operation](repository) : ['serve'], env);
  // Through the API once the app is up; a kill may come first (at its start), and then nothing starts.
  const requested = channel === 'serve' ? serverApi(target).then((api) => startThroughApi(api, operation, repository)) : Promise.resolve();
  requested.catch(() => {});
  const outcome = await killAfterStates(target, watcher, killAt, finished(operation, before));
  if (!outcome.killed) await (channel === 'serve' ? requested : target.exited);
  return { ...outcome, target };
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + hang;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`hang: ${what} (last seen ${JSON.stringify(value).slice(0, 300)})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The next start, through the same door: what the killed process left is recovered, and the operation runs whole. */
async function nextStart(run: CrashRun, home: string, repository: string, afterRecovery: () => void): Promise<void> {
  if (run.channel === 'cli') {
    if (run.operation === 'scan') expect((await cli<SnapshotReport>(home, cliArgs.scan(repository).slice(0, -1))).snapshot.status).toBe('complete');
    if (run.operation === 'backfill') expect(await cli<BackfillJob>(home, cliArgs.backfill(repository).slice(0, -1))).toMatchObject({ state: 'finished', done: fixture.backfilled });
    if (run.operation === 'draft') {
      await cli<Draft[]>(home, ['drafts']);
      afterRecovery();
      const detail = await cli<DraftDetail>(home, cliArgs.draft(repository).slice(0, -1));
      expect([detail.state, detail.error]).toEqual(['ready', null]);
    }
    return;
  }
  const server = spawnKillable(home, ['serve'], env);
  try {
    const api = await serverApi(server);
    const { id: repositoryId } = await api.call<{ id: number }>('repositories.add', { path: repository });
    if (run.operation === 'scan') {
      const before = await api.call<SnapshotSummary[]>('snapshots.list', { repositoryId });
      const job = await api.call<ScanJob>('scans.start', { repositoryId, options: { dependencies: { offline: true } } });
      // The list holds the jobs still running: the scan is over when it is not there.
      await until(() => api.call<ScanJob[]>('scans.list', {}), (jobs) => !jobs.some((one) => one.id === job.id), 'the scan after the kill');
      const after = await api.call<SnapshotSummary[]>('snapshots.list', { repositoryId });
      expect([after.length - before.length, after[0]?.snapshot.status]).toEqual([1, 'complete']);
    }
    if (run.operation === 'backfill') {
      // The app resumes an unfinished backfill when it starts; one that never recorded its plan is started again.
      const status = await api.call<BackfillJob | null>('backfill.status', { repositoryId });
      if (status?.state !== 'finished' && status?.state !== 'running') await api.call('backfill.start', { repositoryId, every: '1w', count: 9, offline: true });
      const final = await until(() => api.call<BackfillJob | null>('backfill.status', { repositoryId }), (job) => job !== null && job.state !== 'running', 'the backfill after the kill');
      expect(final).toMatchObject({ state: 'finished', done: fixture.backfilled });
    }
    if (run.operation === 'draft') {
      await api.call<Draft[]>('drafts.list', {});
      afterRecovery();
      const draft = await api.call<Draft>('drafts.create', { repositoryId, kind: 'deprecations' });
      const final = await until(() => api.call<DraftDetail>('drafts.get', { id: draft.id }), (detail) => detail.state !== 'drafting', 'the draft after the kill');
      expect([final.state, final.error]).toEqual(['ready', null]);
    }
  } finally {
    await server.stop();
  }
}

/** Nothing of the repository changed beyond the worktrees and branches of drafts ready for review; no folder left in Steward's worktrees. */
function expectRepositoryAsBefore(home: string, repository: string, before: RepositoryState, label: string): void {
  const ready = draftsOf(home).filter((draft) => draft.state === 'ready');
  const problems = repositoryChanges(before, repositoryState(repository), { worktrees: new Set(ready.map((draft) => draft.id)), branches: new Set(ready.map((draft) => draft.branch)) });
  const worktrees = join(home, 'worktrees');
  const leftovers = existsSync(worktrees) ? readdirSync(worktrees).filter((name) => !ready.some((draft) => draft.worktree === join(worktrees, name))) : [];
  expect({ problems, leftovers }, label).toEqual({ problems: [], leftovers: [] });
}

/** What a run is, as far as the changes a whole one shows: a first scan writes more than a re-scan, the app starts differently from the CLI. */
const kindOf = (run: CrashRun): string => `${run.operation}${run.operation === 'scan' ? (run.firstScan ? ' (first)' : ' (again)') : ''} through ${run.channel}`;
/** Changes a whole, uninterrupted run of each kind shows (watched once, when the kind first comes). */
const wholeStates = new Map<string, number>();

/** A run's own data folder: new for a first scan, else one where its repository has been scanned. */
function startingHome(run: CrashRun): string {
  const home = folder('steward-crash-home-');
  if (run.operation !== 'scan' || !run.firstScan) cpSync(run.operation === 'draft' ? fixture.draftHome : fixture.shopHome, home, { recursive: true });
  return home;
}

async function discardReadyDrafts(home: string): Promise<void> {
  for (const draft of draftsOf(home).filter((one) => one.state === 'ready')) await cli(home, ['draft', 'discard', draft.id, '--yes']);
}

async function statesOfAWholeRun(run: CrashRun): Promise<number> {
  const kind = kindOf(run);
  if (!wholeStates.has(kind)) {
    const home = startingHome(run);
    const whole = await operate(home, run.operation === 'draft' ? fixture.drafts : fixture.shop, run.operation, run.channel, Number.POSITIVE_INFINITY);
    await whole.target.kill();
    await discardReadyDrafts(home);
    wholeStates.set(kind, whole.states);
    note(`a whole ${kind} shows ${whole.states} changes`);
  }
  return wholeStates.get(kind)!;
}

beforeAll(async () => {
  const shop = bulkyShop();
  fixture.shop = shop;
  fixture.drafts = buildDeprecationRepository(join(folder('steward-crash-drafts-'), 'deprecations'));
  fixture.before = { shop: repositoryState(shop), drafts: repositoryState(fixture.drafts) };

  // Whole runs, watched as the killed ones are: how many changes each shows, and what it makes.
  fixture.shopHome = folder('steward-crash-shop-home-');
  const scan = await operate(fixture.shopHome, shop, 'scan', 'cli', Number.POSITIVE_INFINITY);
  fixture.shopItems = latestItemsIn(fixture.shopHome);
  const backfillHome = folder('steward-crash-backfill-home-');
  cpSync(fixture.shopHome, backfillHome, { recursive: true });
  const backfill = await operate(backfillHome, shop, 'backfill', 'cli', Number.POSITIVE_INFINITY);
  fixture.backfilled = (JSON.parse(backfill.target.output().stdout) as BackfillJob).done;
  fixture.draftHome = folder('steward-crash-draft-home-');
  await cli(fixture.draftHome, ['scan', fixture.drafts, '--offline']);
  const draftHome = folder('steward-crash-draft-calibration-');
  cpSync(fixture.draftHome, draftHome, { recursive: true });
  const draft = await operate(draftHome, fixture.drafts, 'draft', 'cli', Number.POSITIVE_INFINITY);
  const drafted = JSON.parse(draft.target.output().stdout) as DraftDetail;
  expect([drafted.state, drafted.error, fixture.backfilled, fixture.shopItems.length > 0]).toEqual(['ready', null, 8, true]);
  await cli(draftHome, ['draft', 'discard', drafted.id, '--yes']);
  wholeStates.set('scan (first) through cli', scan.states);
  wholeStates.set('backfill through cli', backfill.states);
  wholeStates.set('draft through cli', draft.states);
}, hang);

afterAll(() => {
  figures.wallSeconds = Math.round((performance.now() - started) / 1000);
  recordFigures('crash-safety', { ...figures, statesOfWholeRuns: JSON.stringify(Object.fromEntries(wholeStates)) });
  for (const made of cleanup) rmSync(made, { recursive: true, force: true });
});

describe(`kill -9 at a seeded-random point (seed ${seed}; STEWARD_SEED=${seed} repeats it)`, () => {
  for (const run of runs) {
    it(`run ${run.index}: ${kindOf(run)}, killed at ${(run.fraction * 100).toFixed(0)} % of its states`, async () => {
      const repository = run.operation === 'draft' ? fixture.drafts : fixture.shop;
      const before = run.operation === 'draft' ? fixture.before.drafts : fixture.before.shop;
      const whole = await statesOfAWholeRun(run);
      const home = startingHome(run);
      const killAt = Math.max(1, Math.ceil(run.fraction * whole));
      const label = `seed ${seed}, run ${run.index} (${kindOf(run)}), killed after state ${killAt} of ~${whole}`;

      const outcome = await operate(home, repository, run.operation, run.channel, killAt);
      note(`${label}: ${outcome.killed ? 'killed midway' : 'killed after the end'}`);
      // The app idle after the operation is killed too; a CLI that finished first is simply done.
      await outcome.target.kill();
      figures.runs++;
      figures[run.operation]++;
      figures[run.channel]++;
      if (outcome.killed) figures.killedMidway++;
      else figures.killedAfterTheEnd++;

      expect(databaseProblems(home, false), label).toEqual([]);
      let recovered = false;
      await nextStart(run, home, repository, () => {
        recovered = true;
        expect(databaseProblems(home, true), `${label}, after the next start`).toEqual([]);
        expectRepositoryAsBefore(home, repository, before, `${label}, after the next start`);
      });
      expect(databaseProblems(home, true), `${label}, after the next ${run.operation}`).toEqual([]);
      expectRepositoryAsBefore(home, repository, before, `${label}, after the next ${run.operation}`);
      if (run.operation === 'scan') expect(latestItemsIn(home), label).toEqual(fixture.shopItems);
      if (run.operation === 'draft') {
        expect(recovered).toBe(true);
        // Discarded, the drafts leave the repository exactly as it was, for the next run.
        await discardReadyDrafts(home);
        expect(repositoryChanges(before, repositoryState(repository), { worktrees: new Set(), branches: new Set() }), label).toEqual([]);
      }
      note(`${label}: checked`);
    }, hang);
  }
});

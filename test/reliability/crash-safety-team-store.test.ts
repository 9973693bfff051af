import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SnapshotReport } from '../../core/api/snapshots.js';
import { PostgresConnection } from '../../core/store/postgres-connection.js';
import { openPostgresDatabase } from '../../core/store/postgres-database.js';
import { runSteward } from '../support/cli.js';
import { temporaryDirectory } from '../support/git-fixture.js';
import { type PostgresServer, postgresBinaries, startPostgres } from '../support/postgres-server.js';
import { bulkyShop } from '../support/shop-fixture.js';
import { recordFigures, scaled, seed } from './scale.js';
import { latestItems, storeProblems } from './support/crash-checks.js';
import { type OperationWatcher, killAfterStates, spawnKillable } from './support/killable-steward.js';

/**
 * Crash safety on a team store: a CI runner scanning into PostgreSQL is killed with SIGKILL (its
 * whole process group) at a seeded-random point, as a runner's machine dies. A point is "after the
 * Nth change of what the server shows of the runner": its session's statements (each insert of its
 * save, BEGIN, COMMIT), the scan lock, the snapshots and items committed. N is drawn over the changes
 * a whole scan shows, so kills spread over the save on any machine. After each kill the server has
 * ended the dead runner's session; the store holds no half of anything (the checks of crash-safety,
 * on PostgreSQL); and the next scan, from the same runner, saves whole with the same items.
 */

// Without PostgreSQL installed this suite is skipped, and says so; CI installs it and always runs it.
const skipped = postgresBinaries() === null && !process.env.CI;

interface CrashRun {
  index: number;
  /** Where the kill falls, as a fraction of the changes a whole scan shows. */
  fraction: number;
  /** A first scan into an empty store (it makes the schema), else a scan of a repository the store has. */
  firstScan: boolean;
}

const count = scaled(2, 20);
const draws = fc.sample(fc.noBias(fc.integer({ min: 1, max: 1000 })), { seed: seed + 22, numRuns: count });
// First scans and scans again alternate, so that even the fast subset has one of each.
const runs: CrashRun[] = draws.map((permille, index) => ({ index, fraction: permille / 1000, firstScan: index % 2 === 0 }));

/** A hang detector, not a wait: every wait below is for a state. */
const hang = 240_000;
const figures = { runs: 0, killedMidway: 0, killedAfterTheEnd: 0, firstScans: 0, scansAgain: 0 };

interface TeamStoreState {
  snapshots: number;
  locks: string | null;
}

/**
 * What the server shows of the runner: its sessions' state and statement (the watcher's own left
 * out), then, once the schema exists, the scan locks, snapshots and items committed.
 */
class TeamStoreWatcher implements OperationWatcher<TeamStoreState> {
  private readonly connection: PostgresConnection;

  constructor(url: string) {
    this.connection = new PostgresConnection(url);
  }

  read(): { key: string; state: TeamStoreState | null } | undefined {
    try {
      const [activity] = this.connection.run([
        { sql: "SELECT string_agg(state || ' ' || query, ' | ' ORDER BY pid) AS sessions FROM pg_stat_activity WHERE application_name = 'steward' AND pid <> pg_backend_pid()", parameters: null },
      ]);
      const sessions = String(activity!.rows[0]!.sessions);
      const [schema] = this.connection.run([{ sql: "SELECT to_regclass('snapshot_inventory') IS NOT NULL AS made", parameters: null }]);
      if (!schema!.rows[0]!.made) return { key: sessions, state: null };
      const [counts] = this.connection.run([
        { sql: 'SELECT (SELECT count(*) FROM snapshots) AS snapshots, (SELECT count(*) FROM debt_items) AS items, (SELECT string_agg(purpose, \',\') FROM scan_locks) AS locks', parameters: null },
      ]);
      const row = counts!.rows[0]!;
      return { key: `${sessions} / ${JSON.stringify(row)}`, state: { snapshots: Number(row.snapshots), locks: row.locks === null ? null : String(row.locks) } };
    } catch {
      // The schema is being made by the runner: no reading this time.
      return undefined;
    }
  }

  /** Whether any session of Steward but this one is open (the dead runner's, until the server ends it). */
  runnerSessions(): number {
    const [result] = this.connection.run([{ sql: "SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'steward' AND pid <> pg_backend_pid()", parameters: null }]);
    return Number(result!.rows[0]!.n);
  }

  close(): void {
    this.connection.close();
  }
}

let server: PostgresServer;
/** The store the shop was scanned into once, which each scan again starts from a copy of. */
const templateName = 'crash_template';
const fixture = {} as { shop: string; items: string[]; template: string };
/** Changes a whole scan shows (watched once per kind). */
const wholeStates = new Map<boolean, number>();
let databases = 0;

const scanArgs = (repository: string) => ['scan', repository, '--offline', '--rescan', '--json'];

function latestItemsIn(url: string): string[] {
  const db = openPostgresDatabase(url);
  try {
    return latestItems(db);
  } finally {
    db.close();
  }
}

/** What is wrong with the store (nothing when the runner died before it made the schema). */
function problemsOf(url: string): string[] {
  const probe = new PostgresConnection(url);
  let made: boolean;
  try {
    made = Boolean(probe.run([{ sql: "SELECT to_regclass('snapshots') IS NOT NULL AS made", parameters: null }])[0]!.rows[0]!.made);
  } finally {
    probe.close();
  }
  if (!made) return [];
  const db = openPostgresDatabase(url);
  try {
    return storeProblems(db, true);
  } finally {
    db.close();
  }
}

/** A store for one run: empty for a first scan, else a copy of one where the shop has been scanned. */
function storeFor(run: CrashRun): string {
  const name = `crash_${++databases}`;
  if (run.firstScan) return server.createDatabase(name);
  server.admin(`CREATE DATABASE ${name} TEMPLATE ${templateName}`);
  return fixture.template.replace(/\/[^/]+$/, `/${name}`);
}

/** Scans in a new process, as a runner does; kills its group at the `killAt`-th change (Infinity: lets it finish). */
async function scanKilledAt(url: string, killAt: number): Promise<{ states: number; killed: boolean }> {
  const watcher = new TeamStoreWatcher(url);
  const before = watcher.read()?.state?.snapshots ?? 0;
  const runner = spawnKillable(temporaryDirectory(), scanArgs(fixture.shop), { STEWARD_STORE: url });
  const outcome = await killAfterStates(runner, watcher, killAt, (state) => state.snapshots > before && state.locks === null);
  // Not killed: it ends by itself, and must have succeeded.
  const code = await runner.exited;
  if (!outcome.killed && code !== 0) throw new Error(`the scan failed (exit ${code}): ${runner.output().stderr}`);
  return outcome;
}

async function statesOfAWholeScan(run: CrashRun): Promise<number> {
  if (!wholeStates.has(run.firstScan)) wholeStates.set(run.firstScan, (await scanKilledAt(storeFor(run), Number.POSITIVE_INFINITY)).states);
  return wholeStates.get(run.firstScan)!;
}

beforeAll(async () => {
  if (skipped) return;
  server = await startPostgres();
  fixture.shop = bulkyShop();
  fixture.template = server.createDatabase(templateName);
  const first = await runSteward(temporaryDirectory(), scanArgs(fixture.shop), { STEWARD_STORE: fixture.template });
  expect(first.status, first.stderr).toBe(0);
  fixture.items = latestItemsIn(fixture.template);
  expect(fixture.items.length).toBeGreaterThan(0);
}, hang);

afterAll(async () => {
  await server?.stop();
  if (!skipped) recordFigures('crash-safety-team-store', { ...figures, statesOfWholeScans: JSON.stringify({ first: wholeStates.get(true), again: wholeStates.get(false) }) });
});

describe.skipIf(skipped)(`a runner killed -9 at a seeded-random point of a scan into a team store (seed ${seed}; STEWARD_SEED=${seed} repeats it)`, () => {
  for (const run of runs) {
    it(`run ${run.index}: ${run.firstScan ? 'a first scan' : 'a scan again'}, killed at ${(run.fraction * 100).toFixed(0)} % of its changes`, async () => {
      const whole = await statesOfAWholeScan(run);
      const url = storeFor(run);
      const killAt = Math.max(1, Math.ceil(run.fraction * whole));
      const label = `seed ${seed}, run ${run.index} (${run.firstScan ? 'first scan' : 'scan again'}), killed after change ${killAt} of ~${whole}`;
      const outcome = await scanKilledAt(url, killAt);
      figures.runs++;
      figures[run.firstScan ? 'firstScans' : 'scansAgain']++;
      figures[outcome.killed ? 'killedMidway' : 'killedAfterTheEnd']++;

      // The server ends the dead runner's session, and undoes what its transaction wrote.
      const watcher = new TeamStoreWatcher(url);
      try {
        const deadline = Date.now() + hang;
        while (watcher.runnerSessions() > 0) {
          if (Date.now() > deadline) throw new Error(`hang: ${label}: the dead runner's session stays open`);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      } finally {
        watcher.close();
      }
      expect(problemsOf(url), label).toEqual([]);

      // The next scan, from a runner on the same machine (the dead one's scan lock is taken over), saves whole.
      const next = await runSteward(temporaryDirectory(), scanArgs(fixture.shop), { STEWARD_STORE: url });
      expect(next.status, `${label}: ${next.stderr}`).toBe(0);
      expect((JSON.parse(next.stdout) as SnapshotReport).snapshot.status, label).toBe('complete');
      expect(problemsOf(url), `${label}, after the next scan`).toEqual([]);
      expect(latestItemsIn(url), label).toEqual(fixture.items);
    }, hang);
  }
});

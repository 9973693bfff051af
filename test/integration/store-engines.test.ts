import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../core/store/database.js';
import { acquireScanLock, releaseScanLock, renewScanLocks } from '../../core/store/scan-locks.js';
import { addRepository, findRepositoryInFolder, listRepositories, removeRepository } from '../../core/store/repositories.js';
import { readSettings, updateSettings } from '../../core/store/settings.js';
import { saveSnapshot } from '../../core/store/snapshots.js';
import { mergeIdentities, readIdentityMap, unmergeIdentity } from '../../core/store/identity-map.js';
import { openPostgresDatabase, redactStoreUrl } from '../../core/store/postgres-database.js';
import { openSqliteDatabase, type SqliteDatabase } from '../../core/store/sqlite-database.js';
import { StewardError } from '../../core/api/errors.js';
import type { InventoryPage } from '../../core/api/inventory.js';
import type { Portfolio } from '../../core/api/portfolio.js';
import { isProductCode } from '../../analyzers/discover/code-role.js';
import { git, temporaryDirectory } from '../support/git-fixture.js';
import { runSteward, spawnSteward, stewardJson } from '../support/cli.js';
import { portfolioRepositories, scannedPortfolio } from '../support/portfolio-fixture.js';
import { itemRepository, slowRepository } from '../reliability/support/concurrency-fixture.js';
import { type PostgresServer, postgresBinaries, startPostgres, strangerAuthority } from '../support/postgres-server.js';
import { sourceWorkers } from '../support/source-workers.js';
import { openSwitchableSteward } from '../../core/switchable-steward.js';
import { chooseStore } from '../../core/store/store-choice.js';
import type { StewardEvent } from '../../core/api/events.js';
import type { Steward } from '../../core/steward.js';

/**
 * The store's code runs unchanged on the embedded SQLite file and on a team's PostgreSQL server (a
 * real one, started for this test on 127.0.0.1): the same schema, and the same answers.
 */
let server: PostgresServer;
let databases = 0;

// Without PostgreSQL installed, this file is skipped and says how to run it; CI installs it and always runs it.
const skipped = postgresBinaries() === null && !process.env.CI;
if (skipped) console.warn('store-engines: PostgreSQL is not installed, so the team-store tests are skipped (apt-get install postgresql runs them)');

beforeAll(async () => {
  if (!skipped) server = await startPostgres({ tls: true });
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

const engines = {
  sqlite: (): Database => openSqliteDatabase(join(temporaryDirectory(), 'steward.db'), {}),
  postgres: (): Database => openPostgresDatabase(server.createDatabase(`store_${++databases}`)),
};

interface Column {
  table: string;
  column: string;
  notNull: boolean;
  primaryKey: boolean;
}

function sqliteColumns(db: SqliteDatabase): Column[] {
  const tables = db.connection.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all();
  return tables.flatMap(({ name }) =>
    db.connection
      .prepare<[], { name: string; notnull: number; pk: number }>(`SELECT name, "notnull", pk FROM pragma_table_info('${name}')`)
      .all()
      // An INTEGER PRIMARY KEY is never null in SQLite either, whatever the pragma says.
      .map((column) => ({ table: name, column: column.name, notNull: column.notnull === 1 || column.pk > 0, primaryKey: column.pk > 0 })),
  );
}

function postgresColumns(db: Database): Column[] {
  return db
    .prepare<[], { table: string; column: string; nullable: string; pk: boolean }>(
      `SELECT c.table_name AS "table", c.column_name AS "column", c.is_nullable AS nullable,
              EXISTS (SELECT 1 FROM information_schema.key_column_usage k JOIN information_schema.table_constraints t ON t.constraint_name = k.constraint_name AND t.table_name = k.table_name
                      WHERE t.constraint_type = 'PRIMARY KEY' AND k.table_name = c.table_name AND k.column_name = c.column_name) AS pk
       FROM information_schema.columns c WHERE c.table_schema = 'public' AND c.table_name <> 'steward_schema'`,
    )
    .all()
    .map((row) => ({ table: row.table, column: row.column, notNull: row.nullable === 'NO', primaryKey: row.pk }));
}

const sorted = (columns: Column[]): Column[] => [...columns].sort((a, b) => `${a.table}.${a.column}`.localeCompare(`${b.table}.${b.column}`));

describe.skipIf(skipped)('the store on SQLite and on PostgreSQL', () => {
  it('has the same tables and columns, keys and nullability on both', () => {
    const sqlite = engines.sqlite() as SqliteDatabase;
    const postgres = engines.postgres();
    try {
      expect(sorted(postgresColumns(postgres))).toEqual(sorted(sqliteColumns(sqlite)));
    } finally {
      sqlite.close();
      postgres.close();
    }
  });

  describe.each(Object.keys(engines) as (keyof typeof engines)[])('%s', (engine) => {
    let db: Database;
    beforeAll(() => {
      db = engines[engine]();
    });
    afterAll(() => db?.close());

    it('adds, finds, removes and brings back a repository, with the same id', () => {
      const now = new Date('2026-01-05T10:00:00Z');
      const app = { path: '/code/app', name: 'app', identity: 'remote:example.com/acme/app' };
      const added = addRepository(db, app, now);
      expect(added).toMatchObject({ name: 'app', path: '/code/app', latestSnapshot: null });
      expect(findRepositoryInFolder(db, app)?.id).toBe(added.id);
      expect(removeRepository(db, added.id, now)).toBe(true);
      expect(listRepositories(db)).toEqual([]);
      expect(findRepositoryInFolder(db, app)).toBeUndefined();
      expect(addRepository(db, app, now).id).toBe(added.id);
    });

    it('knows a repository by its identity in any folder, and a folder reused for another repository as that one', () => {
      const now = new Date('2026-01-06T10:00:00Z');
      const first = addRepository(db, { path: '/work/shop', name: 'shop', identity: 'remote:example.com/acme/shop' }, now);
      const clone = addRepository(db, { path: '/builds/acme/shop', name: 'shop', identity: 'remote:example.com/acme/shop' }, new Date('2026-01-06T11:00:00Z'));
      expect(clone.id).toBe(first.id);
      // Shown at the folder this machine scanned it from last.
      expect(clone.path).toBe('/builds/acme/shop');
      expect(findRepositoryInFolder(db, { path: '/work/shop', name: 'shop', identity: 'remote:example.com/acme/shop' })?.id).toBe(first.id);
      // A CI workspace that held the shop now holds another repository.
      const other = addRepository(db, { path: '/work/shop', name: 'shop', identity: 'remote:example.com/acme/billing' }, now);
      expect(other.id).not.toBe(first.id);
      expect(listRepositories(db).filter((repository) => repository.name === 'shop')).toHaveLength(2);
    });

    it('knows a repository without identity by its folder, and gives one stored before identities its identity', () => {
      const now = new Date('2026-01-07T10:00:00Z');
      const anonymous = { path: '/tmp/shallow', name: 'shallow', identity: null };
      const added = addRepository(db, anonymous, now);
      expect(addRepository(db, anonymous, now).id).toBe(added.id);
      expect(findRepositoryInFolder(db, anonymous)?.id).toBe(added.id);
      expect(findRepositoryInFolder(db, { ...anonymous, path: '/tmp/elsewhere' })).toBeUndefined();

      const legacy = db.prepare<[string, string, string], { id: number }>('INSERT INTO repositories (path, name, added_at) VALUES (?, ?, ?) RETURNING id').get('/code/legacy', 'legacy', now.toISOString())!.id;
      const found = { path: '/code/legacy', name: 'legacy', identity: 'root:0123456789abcdef0123456789abcdef01234567' };
      expect(findRepositoryInFolder(db, found)?.id).toBe(legacy);
      expect(addRepository(db, found, now).id).toBe(legacy);
      expect(addRepository(db, { ...found, path: '/code/legacy-clone' }, now).id).toBe(legacy);
    });

    it('runs a transaction of many row inserts as written: each row there for the next read, a failure undoing all, a savepoint undoing its own', () => {
      db.exec('CREATE TABLE batch_rows (id INTEGER PRIMARY KEY, label TEXT NOT NULL UNIQUE, size INTEGER)');
      const insert = db.prepare<[number, string, number | null]>('INSERT INTO batch_rows (id, label, size) VALUES (?, ?, ?)');
      const skipTaken = db.prepare<[number, string, number | null]>('INSERT INTO batch_rows (id, label, size) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
      const count = () => db.prepare<[], { rows: number }>('SELECT count(*) AS rows FROM batch_rows').get()!.rows;
      // More rows than one statement takes on PostgreSQL (65,535 values), read back inside the transaction.
      const seen = db.transaction(() => {
        for (let id = 1; id <= 25_000; id++) insert.run(id, `row ${id}`, id % 3 === 0 ? null : id);
        return db.prepare<[], { rows: number; sum: number }>('SELECT count(*) AS rows, sum(size) AS sum FROM batch_rows').get();
      })();
      const sum = Array.from({ length: 25_000 }, (_, index) => index + 1).filter((id) => id % 3 !== 0).reduce((total, id) => total + id, 0);
      expect(seen).toEqual({ rows: 25_000, sum });
      expect(count()).toBe(25_000);
      // A duplicate among many: nothing of the transaction stays.
      expect(() => db.transaction(() => {
        for (let id = 30_001; id <= 30_100; id++) insert.run(id, `new ${id}`, null);
        insert.run(30_101, 'row 7', null);
        for (let id = 30_102; id <= 30_200; id++) insert.run(id, `new ${id}`, null);
      })()).toThrow(/unique|UNIQUE/);
      expect(count()).toBe(25_000);
      // How many rows an insert that skips a taken one inserted.
      expect(db.transaction(() => [skipTaken.run(40_001, 'row 1', null).changes, skipTaken.run(40_002, 'fresh', null).changes, insert.run(40_003, 'plain', null).changes])()).toEqual([0, 1, 1]);
      // A failed savepoint takes back only what was written after it.
      db.transaction(() => {
        insert.run(50_001, 'kept', null);
        expect(() => db.transaction(() => {
          insert.run(50_002, 'undone', null);
          insert.run(50_003, 'kept', null);
        })()).toThrow();
        insert.run(50_004, 'after', null);
      })();
      expect(db.prepare<[], { label: string }>("SELECT label FROM batch_rows WHERE id > 50000 ORDER BY id").all().map((row) => row.label)).toEqual(['kept', 'after']);
      db.exec('DROP TABLE batch_rows');
    });

    it('overwrites with upserts held in one transaction as one at a time would: the last of the same key wins, rows stored before are updated', () => {
      db.exec('CREATE TABLE batch_memo (reader TEXT NOT NULL, sha TEXT NOT NULL, value TEXT, PRIMARY KEY (reader, sha))');
      const upsert = db.prepare<[string, string, string]>('INSERT INTO batch_memo (reader, sha, value) VALUES (?, ?, ?) ON CONFLICT (reader, sha) DO UPDATE SET value = excluded.value');
      db.transaction(() => upsert.run('r', 'stored', 'before'))();
      db.transaction(() => {
        for (let round = 0; round < 3; round++) for (let sha = 0; sha < 500; sha++) upsert.run('r', `s${sha}`, `round ${round}`);
        upsert.run('r', 'stored', 'after');
      })();
      const rows = db.prepare<[], { sha: string; value: string }>('SELECT sha, value FROM batch_memo').all();
      expect(rows).toHaveLength(501);
      expect(new Set(rows.map((row) => row.value))).toEqual(new Set(['round 2', 'after']));
      expect(rows.find((row) => row.sha === 'stored')?.value).toBe('after');
      db.exec('DROP TABLE batch_memo');
    });

    it('stores every kind of value a batch of inserts holds as it was given: text, whole and fractional numbers, bytes, nulls, NaN', () => {
      const bytes = db.engine === 'postgres' ? 'BYTEA' : 'BLOB';
      const json = db.engine === 'postgres' ? 'JSON' : 'TEXT';
      db.exec(`CREATE TABLE batch_values (id INTEGER PRIMARY KEY, label TEXT, whole BIGINT, fraction DOUBLE PRECISION, "binary" ${bytes}, document ${json})`);
      const insert = db.prepare<[number, string | null, number | null, number | null, Buffer | null, string | null]>('INSERT INTO batch_values (id, label, whole, fraction, "binary", document) VALUES (?, ?, ?, ?, ?, ?)');
      const rows: [number, string | null, number | null, number | null, Buffer | null, string | null][] = [
        [1, 'plain', 9_007_199_254_740_991, 0.1, Buffer.from([0, 1, 254, 255]), '{"facts":[1,"two",{"three":null}]}'],
        [2, 'quotes \' " \\ and ünïcödé 🎯', -42, -1.5e-7, Buffer.alloc(0), '"a JSON string"'],
        [3, null, null, null, null, null],
        [4, '', 0, 1e300, Buffer.from('text'), '[]'],
      ];
      db.transaction(() => {
        for (const row of rows) insert.run(...row);
      })();
      // NaN cannot cross as JSON: its batch goes as numbered values, and is stored the same.
      if (db.engine === 'postgres') db.transaction(() => [insert.run(5, 'nan', 1, Number.NaN, null, null), insert.run(6, 'after', 2, 2, null, null)])();
      const stored = db
        .prepare<[], { id: number; label: string | null; whole: number | string | null; fraction: number | null; binary: Buffer | null; document: string | null }>('SELECT id, label, whole, fraction, "binary", document FROM batch_values ORDER BY id')
        .all();
      const asGiven = (row: (typeof stored)[number]) => [Number(row.id), row.label, row.whole === null ? null : Number(row.whole), row.fraction, row.binary === null ? null : Buffer.from(row.binary), row.document === null ? null : JSON.parse(row.document)];
      expect(stored.slice(0, 4).map(asGiven)).toEqual(rows.map((row) => [...row.slice(0, 5), row[5] === null ? null : JSON.parse(row[5])]));
      if (db.engine === 'postgres') expect(stored.slice(4).map((row) => [row.label, row.fraction])).toEqual([['nan', Number.NaN], ['after', 2]]);
      if (db.engine === 'postgres') {
        // A lone surrogate (half of an emoji) in a batch is stored as U+FFFD, as a parameter's UTF-8 stores it.
        db.transaction(() => [insert.run(7, 'half \uD83C of an emoji', null, null, null, null), insert.run(8, '\uDFAF', null, null, null, null)])();
        expect(db.prepare<[], { label: string }>('SELECT label FROM batch_values WHERE id > 6 ORDER BY id').all()).toEqual([{ label: 'half \uFFFD of an emoji' }, { label: '\uFFFD' }]);
      }
      db.exec('DROP TABLE batch_values');
    });

    it('keeps settings and says when they changed', () => {
      const before = readSettings(db);
      const after = updateSettings(db, { productCodeOnly: !before.productCodeOnly }, new Date('2026-01-05T10:00:00Z'));
      expect(after.productCodeOnly).toBe(!before.productCodeOnly);
      expect(readSettings(db)).toEqual(after);
    });

    it('merges identities and takes a merge back', () => {
      mergeIdentities(db, 'ada@example.com', ['ada@old.example.com', 'lovelace@example.com'], new Date('2026-01-05T10:00:00Z'));
      expect(readIdentityMap(db).merges).toEqual(new Map([['ada@old.example.com', 'ada@example.com'], ['lovelace@example.com', 'ada@example.com']]));
      expect(unmergeIdentity(db, 'lovelace@example.com')).toBe(true);
      expect(unmergeIdentity(db, 'lovelace@example.com')).toBe(false);
    });

    it("reads product code as the views do (SQL's is_product_code against analyzers/discover/code-role.ts)", () => {
      const paths = [
        'src/app.ts', 'src/app.test.ts', 'src/app.spec.tsx', 'src/button.stories.tsx', 'bench/speed.bench.ts', 'test/helpers.ts', 'src/__tests__/a.ts',
        'src/__mocks__/fs.ts', 'e2e/login.ts', 'cypress/support.js', 'node_modules/x/index.js', 'packages/a/vendor/lib.js', 'dist/index.js', 'web/.next/page.js',
        'coverage/lcov.js', 'src/__generated__/types.ts', 'public/jquery.min.js', 'app.bundle.mjs', 'src/api.generated.ts', 'proto/user_pb.d.ts', '.pnp.cjs',
        'src/.pnp.cjs', 'src/testing.ts', 'src/tests.ts', 'src/distance.ts', 'src/vendors/x.ts', 'src/minify.js', 'src/a.min.ts', 'docs/test', 'src/spec-helpers/x.ts',
        'x/.yarn/releases/yarn.cjs', 'src/fixtures.ts', 'lib/fixture/data.ts', 'src/a.test.js.snap', 'weird name/with spaces/file.ts',
      ];
      const stored = paths.map((path) => db.prepare<[string], { product: number }>('SELECT is_product_code(?) AS product').get(path)!.product === 1);
      expect(stored).toEqual(paths.map((path) => isProductCode(path)));
      expect(stored.filter(Boolean).length).toBeGreaterThan(5);
    });

    it('saves a second scan of HEAD taken the same day with the same analyses and inputs once; another day, other inputs or a rescan save a new snapshot', () => {
      const { id: repositoryId } = addRepository(db, { path: '/code/twice', name: 'twice', identity: null }, new Date());
      const environment = { now: '2026-02-02T09:00:00.000Z', nodeModules: 'absent' as const, dependencies: null, coverage: null, git: 'git version 2.39.5', identities: null };
      const scan = (startedAt: string, changes: Partial<Parameters<typeof saveSnapshot>[1]> = {}, rescan = false) =>
        saveSnapshot(
          db,
          { repositoryId, kind: 'head', commit: 'c'.repeat(40), commitDate: null, branch: 'main', status: 'complete', startedAt, finishedAt: startedAt, analyzerVersions: { code: '3' }, warnings: [], environment: { ...environment, now: startedAt }, ...changes },
          [],
          { rescan },
        );
      const first = scan('2026-02-02T09:00:00.000Z');
      expect(first.alreadyScanned).toBe(false);
      expect(scan('2026-02-02T17:30:00.000Z')).toEqual({ snapshotId: first.snapshotId, alreadyScanned: true });
      const withCoverage = scan('2026-02-02T17:31:00.000Z', { environment: { ...environment, coverage: [{ file: 'coverage/lcov.info', modifiedAt: '2026-02-02T17:00:00.000Z', matchesCommit: 'yes' }] } });
      expect(withCoverage.alreadyScanned).toBe(false);
      expect(scan('2026-02-02T17:32:00.000Z', {}, true).alreadyScanned).toBe(false);
      expect(scan('2026-02-02T17:33:00.000Z', { analyzerVersions: { code: '4' } }).alreadyScanned).toBe(false);
      expect(scan('2026-02-03T09:00:00.000Z', { analyzerVersions: { code: '4' } }).alreadyScanned).toBe(false);
      const count = db.prepare<[number], { snapshots: number }>('SELECT count(*) AS snapshots FROM snapshots WHERE repository_id = ?').get(repositoryId)!.snapshots;
      expect(Number(count)).toBe(5);
    });

    it('gives a scan lock to one job at a time, takes over a dead one, renews and releases it', () => {
      const { id } = addRepository(db, { path: '/code/locked', name: 'locked', identity: null }, new Date());
      const holder = { jobId: 'job-1', ownerPid: 1, ownerHost: 'ci-1', startedAt: '2026-01-05T10:00:00.000Z', heartbeatAt: '2026-01-05T10:00:00.000Z' };
      expect(acquireScanLock(db, id, holder, () => true)).toBeNull();
      expect(acquireScanLock(db, id, { ...holder, jobId: 'job-2' }, () => true)).toEqual(holder);
      expect(acquireScanLock(db, id, { ...holder, jobId: 'job-3' }, () => false)).toBeNull();
      expect(renewScanLocks(db, ['job-3'], new Date('2026-01-05T10:01:00Z'))).toBe('renewed');
      releaseScanLock(db, id, 'job-3');
      expect(acquireScanLock(db, id, { ...holder, jobId: 'job-4' }, () => true)).toBeNull();
    });
  });
});

describe.skipIf(skipped)("a team store's write locks", () => {
  it("lets a snapshot's save of one repository run while another repository's save holds its lock, and holds back the same repository's and the store's writes", () => {
    const store = server.createDatabase(`store_${++databases}`);
    const [holder, other] = [openPostgresDatabase(store), openPostgresDatabase(store)];
    try {
      const now = new Date('2026-03-02T10:00:00Z');
      const [busy, free] = ['busy', 'free'].map((name) => addRepository(holder, { path: `/code/${name}`, name, identity: null }, now).id);
      const snapshot = (repositoryId: number) => ({ repositoryId, kind: 'head' as const, commit: 'd'.repeat(40), commitDate: null, branch: 'main', status: 'complete' as const, startedAt: now.toISOString(), finishedAt: now.toISOString(), analyzerVersions: {}, warnings: [], environment: null });
      holder.transaction(() => {
        holder.prepare('UPDATE repositories SET name = name WHERE id = ?').run(busy!);
        expect(other.unlessBusy(() => saveSnapshot(other, snapshot(free!), []).alreadyScanned)).toBe(false);
        expect(other.unlessBusy(() => saveSnapshot(other, snapshot(busy!), []))).toBe('busy');
        expect(other.unlessBusy(() => updateSettings(other, { productCodeOnly: true }, now))).toBe('busy');
      }).ofRepository(busy!)();
      expect(saveSnapshot(other, snapshot(busy!), []).alreadyScanned).toBe(false);
    } finally {
      holder.close();
      other.close();
    }
  });
});

describe.skipIf(skipped)('scans into a team store', () => {
  it('two machines scan clones of one repository in different folders into PostgreSQL: one repository, one history; a dismissal made on one holds for the next scan on the other', async () => {
    const store = server.createDatabase(`store_${++databases}`);
    const laptop = itemRepository(join(temporaryDirectory(), 'team-app'), 'team');
    const cli = (home: string, args: string[]) => runSteward(home, args, { STEWARD_STORE: store });
    const first = await cli(temporaryDirectory(), ['scan', laptop, '--offline', '--quiet']);
    expect(first.status, first.stderr).toBe(0);

    // A CI runner: another Steward home, its own clone in another folder, one commit further.
    const runner = temporaryDirectory();
    const checkout = join(temporaryDirectory(), 'builds', 'team-app');
    git(laptop, ['clone', '--quiet', laptop, checkout]);
    const listed = await cli(runner, ['inventory', checkout, '--json']);
    expect(listed.status, listed.stderr).toBe(0);
    const items = (JSON.parse(listed.stdout) as { items: { fingerprint: string }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    const dismissed = items[0]!.fingerprint;
    expect((await cli(temporaryDirectory(), ['item', 'dismiss', dismissed, '--reason', 'generated on purpose'])).status).toBe(0);
    writeFileSync(join(checkout, 'NOTES.md'), 'Released.\n');
    git(checkout, ['add', 'NOTES.md']);
    git(checkout, ['-c', 'user.name=CI', '-c', 'user.email=ci@example.com', 'commit', '--quiet', '-m', 'Notes']);
    const again = await cli(runner, ['scan', checkout, '--offline', '--quiet']);
    expect(again.status, again.stderr).toBe(0);

    const repositories = JSON.parse((await cli(temporaryDirectory(), ['repos', '--json'])).stdout) as { name: string }[];
    expect(repositories.map((repository) => repository.name)).toEqual(['team-app']);
    const after = JSON.parse((await cli(temporaryDirectory(), ['inventory', laptop, '--json', '--status', 'dismissed'])).stdout) as { items: { fingerprint: string; status: string }[] };
    expect(after.items.map((item) => [item.fingerprint, item.status])).toEqual([[dismissed, 'dismissed']]);
    const history = JSON.parse((await cli(temporaryDirectory(), ['history', laptop, '--json'])).stdout) as { snapshots: { snapshot: { commit: string } }[] };
    expect(history.snapshots.map(({ snapshot }) => snapshot.commit)).toEqual([git(checkout, ['rev-parse', 'HEAD']).trim(), git(laptop, ['rev-parse', 'HEAD']).trim()]);
  });


  it('shows the same portfolio from PostgreSQL as from SQLite: scores, trends, forecasts, teams, open items as of the scan each analysis last ran in, and decisions', () => {
    const repositories = portfolioRepositories();
    const stores = [{ home: temporaryDirectory(), store: 'local' }, { home: temporaryDirectory(), store: server.createDatabase(`store_${++databases}`) }];
    const portfolios = stores.map(({ home, store }) => {
      const steward = <T>(args: string[]) => stewardJson<T>(home, ['--store', store, ...args]);
      scannedPortfolio(home, { repositories, store });
      const { shop } = repositories;
      // A later scan of the code alone: the other analyses' open items are still those of the full scan.
      steward(['scan', shop, '--only', 'code', '--rescan', '--offline', '--quiet']);
      const items = steward<InventoryPage>(['inventory', shop]).items;
      steward(['item', 'dismiss', items[0]!.fingerprint, '--reason', 'kept on purpose']);
      return { portfolio: steward<Portfolio>(['portfolio']), open: steward<InventoryPage>(['inventory', shop]).totals.items };
    });
    const comparable = ({ portfolio }: { portfolio: Portfolio }) => ({ ...portfolio, repositories: portfolio.repositories.map(({ latestScan, ...rest }) => ({ ...rest, commit: latestScan?.commit })) });
    expect(comparable(portfolios[1]!)).toEqual(comparable(portfolios[0]!));
    for (const { portfolio, open } of portfolios) {
      const shop = portfolio.repositories.find((repository) => repository.path === repositories.shop)!;
      expect(shop.items!.total).toBe(open);
      expect(new Set(Object.keys(shop.items!.byKind)).size).toBeGreaterThan(1);
      expect(shop.health!.trend.length).toBe(4);
      expect(shop.team).toEqual(['@acme/shop-team']);
    }
  });

  it("keeps a runner's caches on its machine unless told to share them: the team store holds the scans either way, and the same findings", async () => {
    const store = server.createDatabase(`store_${++databases}`);
    const repository = itemRepository(join(temporaryDirectory(), 'cached'), 'cached');
    const caches = ['file_facts', 'blob_memo', 'project_contexts', 'history_logs'];
    const count = (db: Database, table: string) => db.prepare<[], { rows: number }>(`SELECT count(*) AS rows FROM ${table}`).get()!.rows;
    const scanned = async (home: string, env: NodeJS.ProcessEnv) => {
      const scan = await runSteward(home, ['scan', repository, '--offline', '--quiet', '--rescan'], { STEWARD_STORE: store, ...env });
      expect(scan.status, scan.stderr).toBe(0);
      const inventory = await runSteward(home, ['inventory', repository, '--json'], { STEWARD_STORE: store });
      return (JSON.parse(inventory.stdout) as InventoryPage).items.map((item) => item.fingerprint).sort();
    };

    const runner = temporaryDirectory();
    const first = await scanned(runner, {});
    const team = openPostgresDatabase(store);
    const local = openSqliteDatabase(join(runner, 'steward.db'), {});
    try {
      expect(caches.map((table) => count(team, table))).toEqual([0, 0, 0, 0]);
      expect(caches.map((table) => count(local, table) > 0)).toEqual([true, true, true, true]);
      // This machine's file holds the caches only: the scan is in the team store.
      expect([count(local, 'snapshots'), count(team, 'snapshots')]).toEqual([0, 1]);

      const shared = await scanned(temporaryDirectory(), { STEWARD_CACHE: 'shared' });
      expect(shared).toEqual(first);
      expect(caches.map((table) => count(team, table) > 0)).toEqual([true, true, true, true]);
      expect(count(team, 'snapshots')).toBe(2);
    } finally {
      team.close();
      local.close();
    }
  });

  it('two runners scanning the same commit at once, each waiting for the other: both succeed, one snapshot is saved and the other says it kept it', async () => {
    const store = server.createDatabase(`store_${++databases}`);
    const origin = itemRepository(join(temporaryDirectory(), 'shop'), 'shop');
    const checkouts = [1, 2].map((runner) => {
      const checkout = join(temporaryDirectory(), `runner-${runner}`, 'shop');
      git(origin, ['clone', '--quiet', origin, checkout]);
      git(checkout, ['remote', 'set-url', 'origin', 'https://git.example.com/acme/shop.git']);
      return checkout;
    });
    const scans = await Promise.all(checkouts.map((checkout) => runSteward(temporaryDirectory(), ['scan', checkout, '--offline', '--quiet', '--wait'], { STEWARD_STORE: store })));
    for (const scan of scans) expect(scan.status, scan.stderr).toBe(0);
    const outcomes = scans.map((scan) => (/Snapshot \d+ saved/.test(scan.stdout) ? 'saved' : /Snapshot \d+ \(complete\) kept: this commit was already scanned at/.test(scan.stdout) ? 'kept' : scan.stdout)).sort();
    expect(outcomes).toEqual(['kept', 'saved']);
    const history = JSON.parse((await runSteward(temporaryDirectory(), ['history', checkouts[0]!, '--json'], { STEWARD_STORE: store })).stdout) as { snapshots: unknown[] };
    expect(history.snapshots).toHaveLength(1);
  }, 300_000);
});

describe.skipIf(skipped)('a runner killed while it saves', () => {
  it('leaves nothing of its snapshot in the team store, and the next scan of the repository saves whole', async () => {
    const store = server.createDatabase(`store_${++databases}`);
    const repository = slowRepository(join(temporaryDirectory(), 'killed-save'), 'killed', 400);
    const watcher = openPostgresDatabase(store);
    try {
      const saving = () => Number(watcher.prepare<[], { held: number }>("SELECT count(*) AS held FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 2 AND granted").get()!.held) > 0;
      const runner = spawnSteward(temporaryDirectory(), ['scan', repository, '--offline', '--quiet'], { STEWARD_STORE: store });
      const exited = new Promise<NodeJS.Signals | null>((resolve) => runner.once('exit', (_code, signal) => resolve(signal)));
      let ended = false;
      void exited.then(() => (ended = true));
      // The moment its save holds the repository's write lock: killed there, as a runner's machine dies.
      while (!ended && !saving()) await new Promise((resolve) => setImmediate(resolve));
      runner.kill('SIGKILL');
      expect(await exited, 'the scan ended before its save could be caught').toBe('SIGKILL');
      // The server ends the dead runner's session and undoes its transaction.
      while (saving()) await new Promise((resolve) => setTimeout(resolve, 20));
      const rows = () => watcher.prepare<[], { snapshots: number; files: number; items: number; scores: number }>(
        'SELECT (SELECT count(*) FROM snapshots) AS snapshots, (SELECT count(*) FROM snapshot_files) AS files, (SELECT count(*) FROM debt_items) AS items, (SELECT count(*) FROM health_scores) AS scores',
      ).get()!;
      expect(rows()).toEqual({ snapshots: 0, files: 0, items: 0, scores: 0 });

      const again = await runSteward(temporaryDirectory(), ['scan', repository, '--offline', '--quiet'], { STEWARD_STORE: store });
      expect(again.status, again.stderr).toBe(0);
      const after = rows();
      expect(after.snapshots).toBe(1);
      expect(after.files).toBeGreaterThanOrEqual(400);
      expect(after.items).toBeGreaterThan(0);
      expect(after.scores).toBeGreaterThan(0);
    } finally {
      watcher.close();
    }
  }, 300_000);
});

describe.skipIf(skipped)('many writers into one team store', () => {
  it('8 runners scanning 8 repositories at once: every scan saved, none refused or retried, each repository one history', async () => {
    const store = server.createDatabase(`store_${++databases}`);
    const names = Array.from({ length: 8 }, (_, index) => `service-${index + 1}`);
    const folders = names.map((name) => itemRepository(join(temporaryDirectory(), name), name));
    const scans = await Promise.all(folders.map((folder) => runSteward(temporaryDirectory(), ['scan', folder, '--offline', '--quiet', '--json'], { STEWARD_STORE: store })));
    for (const [index, scan] of scans.entries()) {
      expect(scan.status, `${names[index]}: ${scan.stderr}`).toBe(0);
      expect(scan.stderr, names[index]).not.toMatch(/busy|locked|retry/i);
    }
    const listed = JSON.parse((await runSteward(temporaryDirectory(), ['repos', '--json'], { STEWARD_STORE: store })).stdout) as { name: string; latestSnapshot: { snapshot: { status: string } } | null }[];
    expect(listed.map((repository) => [repository.name, repository.latestSnapshot?.snapshot.status])).toEqual(names.map((name) => [name, 'complete']));
    const db = openPostgresDatabase(store);
    try {
      expect(db.prepare<[], { repository: string; snapshots: number }>('SELECT r.name AS repository, count(s.id) AS snapshots FROM repositories r LEFT JOIN snapshots s ON s.repository_id = r.id GROUP BY r.name ORDER BY r.name').all()).toEqual(
        names.map((name) => ({ repository: name, snapshots: 1 })),
      );
    } finally {
      db.close();
    }
  }, 600_000);
});

describe.skipIf(skipped)('least-privilege roles (docs/team-store-roles.sql)', () => {
  it('a scanner role scans; a viewer role reads and records decisions but cannot save a scan; neither may create a schema', async () => {
    const store = server.createDatabase('roles_store');
    const repository = itemRepository(join(temporaryDirectory(), 'roles-app'), 'roles');
    const cli = (url: string, args: string[]) => runSteward(temporaryDirectory(), args, { STEWARD_STORE: url });
    // The owner opens the store first, creating its schema, then makes the roles as the file says.
    expect((await cli(store, ['scan', repository, '--offline', '--quiet'])).status).toBe(0);
    const roles = readFileSync(fileURLToPath(new URL('../../docs/team-store-roles.sql', import.meta.url)), 'utf8')
      .replaceAll(":'scanner_password'", "'scanner-secret'")
      .replaceAll(":'viewer_password'", "'viewer-secret'")
      .replaceAll(':"DBNAME"', '"roles_store"');
    server.admin(roles, 'roles_store');
    const as = (role: string, secret: string, url = store): string => url.replace(/\/\/[^@]+@/, `//${role}:${secret}@`);
    const scanner = as('steward_scanner', 'scanner-secret');
    const viewer = as('steward_viewer', 'viewer-secret');

    writeFileSync(join(repository, 'CHANGES.md'), 'Week 5.\n');
    git(repository, ['add', 'CHANGES.md']);
    git(repository, ['-c', 'user.name=CI', '-c', 'user.email=ci@example.com', 'commit', '--quiet', '-m', 'Changes']);
    const scanned = await cli(scanner, ['scan', repository, '--offline', '--quiet']);
    expect(scanned.status, scanned.stderr).toBe(0);

    expect((await cli(viewer, ['portfolio'])).status).toBe(0);
    const items = (JSON.parse((await cli(viewer, ['inventory', repository, '--json'])).stdout) as { items: { fingerprint: string }[] }).items;
    const dismissed = await cli(viewer, ['item', 'dismiss', items[0]!.fingerprint, '--reason', 'on purpose']);
    expect(dismissed.status, dismissed.stderr).toBe(0);
    const refused = await cli(viewer, ['scan', repository, '--offline', '--quiet']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^steward: The team store does not let this role do that \(permission denied for table \w+\); docs\/team-store-roles\.sql says what each role may do\n$/);
    const history = JSON.parse((await cli(viewer, ['history', repository, '--json'])).stdout) as { snapshots: unknown[] };
    expect(history.snapshots).toHaveLength(2);

    // A new database: only its owner may create the schema.
    const fresh = await cli(as('steward_scanner', 'scanner-secret', server.createDatabase('roles_fresh_2')), ['repos']);
    expect(fresh.status).toBe(2);
    expect(fresh.stderr).toMatch(/needs its schema created or updated, and this role may not: ask its owner to open it once with a role that may/);
    expect(fresh.stderr).not.toContain('scanner-secret');
  }, 300_000);
});

describe.skipIf(skipped)('opening a team store', () => {
  it("moves a running app to the store chosen in Settings, and back, without a restart: refused while a scan runs, and a store it cannot open leaves it where it was", async () => {
    const home = temporaryDirectory();
    const app = openSwitchableSteward({ home, version: 'test', mode: 'browser', workers: sourceWorkers }, chooseStore({ env: {}, home }), () => {});
    const events: StewardEvent['type'][] = [];
    app.subscribe((event) => events.push(event.type));
    try {
      const local = await app.handlers['repositories.add']({ path: itemRepository(join(temporaryDirectory(), 'laptop-app'), 'laptop') });
      const teamDatabase = `store_${++databases}`;
      const team = server.createDatabase(teamDatabase);
      // A scan running on this store: moving now would cut it short.
      await app.handlers['scans.start']({ repositoryId: local.id, save: true, rescan: false });
      await expect(app.handlers['app.chooseStore']({ store: team, fallback: 'fail' })).rejects.toThrow('Steward is scanning or drafting; choose the store once that is done');
      await waitForScans(app);

      // A worktree folder of this machine's store that no draft of it owns: the team store's engine leaves it alone.
      const localWorktree = join(home, 'worktrees', 'abcdefgh');
      mkdirSync(localWorktree, { recursive: true });
      expect(await app.handlers['app.chooseStore']({ store: team, fallback: 'fail' })).toEqual({ file: join(home, 'store.json'), overriddenBy: null });
      expect(events).toContain('store');
      await app.drafts.recovered;
      expect(existsSync(localWorktree)).toBe(true);
      expect((await app.handlers['app.info']({})).store).toMatchObject({ kind: 'team', source: 'config file' });
      // Everything now goes to the team store: what is added there, and nothing of the laptop's.
      expect(await app.handlers['repositories.list']({})).toEqual([]);
      await app.handlers['repositories.add']({ path: itemRepository(join(temporaryDirectory(), 'team-app'), 'team') });
      expect(server.admin('SELECT name FROM repositories', teamDatabase)).toBe('team-app');
      // Listeners subscribed before the move still hear the new store's events.
      events.length = 0;
      const [teamApp] = await app.handlers['repositories.list']({});
      await app.handlers['scans.start']({ repositoryId: teamApp!.id, save: true, rescan: false });
      await waitForScans(app);
      expect(events).toContain('scan');

      // A store written by a newer Steward is refused at opening: the app and store.json stay as they were.
      const newer = server.createDatabase(`store_${++databases}`);
      server.admin('CREATE TABLE steward_schema (version BIGINT NOT NULL); INSERT INTO steward_schema VALUES (999)', `store_${databases}`);
      const before = readFileSync(join(home, 'store.json'), 'utf8');
      await expect(app.handlers['app.chooseStore']({ store: newer, fallback: 'fail' })).rejects.toThrow(/was written by a newer Steward/);
      expect(readFileSync(join(home, 'store.json'), 'utf8')).toBe(before);
      expect((await app.handlers['repositories.list']({})).map((repository) => repository.name)).toEqual(['team-app']);

      // A request the team store's engine began (adding a repository asks git first) gets its answer there, though the app moves meanwhile.
      const adding = app.handlers['repositories.add']({ path: itemRepository(join(temporaryDirectory(), 'late-app'), 'late') });
      await app.handlers['app.chooseStore']({ store: null, fallback: 'fail' });
      await expect(adding).resolves.toMatchObject({ name: 'late-app' });
      expect(server.admin('SELECT name FROM repositories ORDER BY name', teamDatabase)).toBe('late-app\nteam-app');
      expect((await app.handlers['app.info']({})).store).toMatchObject({ kind: 'local' });
      expect((await app.handlers['repositories.list']({})).map((repository) => repository.name)).toEqual(['laptop-app']);
    } finally {
      await app.close();
    }
  }, 120_000);

  it('says in one line, without the password, when the server cannot be reached or refuses the password', () => {
    const open = (url: string): string => {
      try {
        openPostgresDatabase(url, [10, 10]).close();
        return 'opened';
      } catch (error) {
        expect(error).toBeInstanceOf(StewardError);
        return (error as Error).message;
      }
    };
    const refused = open(`postgres://steward_owner:wrong-secret@127.0.0.1:${server.port}/postgres`);
    expect(refused).toBe(`The team store postgres://steward_owner:***@127.0.0.1:${server.port}/postgres refused the user name or password`);
    const closed = open('postgres://steward_owner:owner-secret@127.0.0.1:1/postgres');
    expect(closed).toBe('The team store postgres://steward_owner:***@127.0.0.1:1/postgres cannot be reached (ECONNREFUSED), after 3 attempts');
    expect(redactStoreUrl('not a url with secret')).toBe('(a URL that cannot be read)');
    // A URL node-postgres cannot read, however it got past the store's checks, fails at once: the connection's thread answers, never leaving this one waiting.
    expect(open(`postgres://steward_owner:owner-secret@127.0.0.1:99999/postgres`)).toBe('The team store (a URL that cannot be read) cannot be used: Invalid URL');
  });

  it('a scan whose team store cannot be reached fails in one line, or, when the user chose it, saves to the local store and says so', async () => {
    const repository = itemRepository(join(temporaryDirectory(), 'offline-app'), 'offline');
    const unreachable = { STEWARD_STORE: 'postgres://ci:ci-secret@127.0.0.1:1/steward' };
    const failed = await runSteward(temporaryDirectory(), ['scan', repository, '--offline', '--quiet'], unreachable);
    expect(failed.status).toBe(2);
    expect(failed.stderr).toBe('steward: The team store postgres://ci:***@127.0.0.1:1/steward cannot be reached (ECONNREFUSED), after 3 attempts\n');
    const home = temporaryDirectory();
    const local = await runSteward(home, ['scan', repository, '--offline', '--quiet'], { ...unreachable, STEWARD_STORE_FALLBACK: 'local' });
    expect(local.status, local.stderr).toBe(0);
    expect(local.stderr).toContain(`warning: The team store postgres://ci:***@127.0.0.1:1/steward cannot be reached (ECONNREFUSED), after 3 attempts; using the local store in ${home} instead (fallback: local)\n`);
    expect(local.stderr).not.toContain('ci-secret');
    const history = JSON.parse((await runSteward(home, ['history', repository, '--json'])).stdout) as { snapshots: unknown[] };
    expect(history.snapshots).toHaveLength(1);
    const wrong = await runSteward(temporaryDirectory(), ['repos'], { ...unreachable, STEWARD_STORE_FALLBACK: 'maybe' });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toBe('steward: STEWARD_STORE_FALLBACK is "maybe"; it takes fail or local\n');
  }, 120_000);

  it('connects over TLS, checking the server against the authority the URL names, with the password from a password file instead of the URL; refuses a server it cannot verify, in one line', async () => {
    const name = `store_${++databases}`;
    server.createDatabase(name);
    const folder = temporaryDirectory();
    const passwordFile = join(folder, 'pgpass');
    writeFileSync(passwordFile, `127.0.0.1:${server.port}:*:steward_owner:owner-secret\n`, { mode: 0o600 });
    const noPassword = { PGPASSWORD: '', PGPASSFILE: join(folder, 'missing') };
    const url = (authority: string) => `postgres://steward_owner@127.0.0.1:${server.port}/${name}?sslmode=verify-full&sslrootcert=${encodeURIComponent(authority)}`;
    const verified = url(server.certificateAuthority!);
    const repository = itemRepository(join(temporaryDirectory(), 'tls-app'), 'tls');
    const scanned = await runSteward(temporaryDirectory(), ['--store', verified, 'scan', repository, '--offline', '--quiet'], { ...noPassword, PGPASSFILE: passwordFile });
    expect(scanned.status, scanned.stderr).toBe(0);
    expect(scanned.stderr).toBe('');
    const db = openPostgresDatabase(verified.replace('steward_owner@', 'steward_owner:owner-secret@'));
    try {
      expect(db.prepare<[], { ssl: boolean }>('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()').get()).toEqual({ ssl: true });
      expect(db.prepare<[], { name: string }>('SELECT name FROM repositories').all()).toEqual([{ name: 'tls-app' }]);
    } finally {
      db.close();
    }
    const stranger = await runSteward(temporaryDirectory(), ['repos', '--store', url(strangerAuthority(folder))], { ...noPassword, PGPASSFILE: passwordFile });
    expect(stranger.status).toBe(2);
    expect(stranger.stderr).toMatch(/^steward: The team store postgres:\/\/steward_owner@127\.0\.0\.1:\d+\/store_\d+\?sslmode=verify-full&sslrootcert=\S+ is not the server it claims to be, or Steward cannot tell \([^)]+\): check that sslrootcert names the authority that signed its certificate, for this host name\n$/);
    const unknown = await runSteward(temporaryDirectory(), ['repos', '--store', verified], noPassword);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^steward: The team store postgres:\/\/steward_owner@127\.0\.0\.1:\d+\/store_\d+\?\S+ asked for a password and none was given: put it in PGPASSWORD or the password file \(~\/\.pgpass, or PGPASSFILE\)\n$/);
  }, 120_000);
});

/** Until the app's scans have finished (each job settles to a final state). */
async function waitForScans(app: Steward): Promise<void> {
  while (app.scans.list().length > 0) await new Promise((resolve) => setTimeout(resolve, 50));
}

import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StewardError } from '../../core/api/errors.js';
import { fingerprintOf, lastSeenSnapshot } from '../../core/inventory/update-inventory.js';
import { openDatabase } from '../../core/store/database.js';
import { migrate } from '../../core/store/migrate.js';
import { migrations } from '../../core/store/migrations/index.js';
import type { SqliteDatabase } from '../../core/store/sqlite-database.js';

const latest = migrations.at(-1)!.version;

let dir: string;
let file: string;
const open: { close(): void }[] = [];

/** Tracks a connection so it is closed even when a test fails. */
function track<T extends { close(): void }>(db: T): T {
  open.push(db);
  return db;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'steward-migrate-'));
  file = join(dir, 'steward.db');
});

afterEach(() => {
  for (const db of open.splice(0)) {
    try {
      db.close();
    } catch {
      // already closed
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

const userVersion = (db: BetterSqlite3.Database): number => db.pragma('user_version', { simple: true }) as number;
const backups = (): string[] => readdirSync(dir).filter((name) => name.endsWith('.backup'));

describe('migrate', () => {
  it('brings a fresh database to the latest version without writing a backup', () => {
    const db = track(new BetterSqlite3(file));
    const result = migrate(db, file);
    expect(result).toEqual({ from: 0, to: latest, backupFile: null });
    expect(userVersion(db)).toBe(latest);
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((row) => row.name);
    expect(tables).toEqual(expect.arrayContaining(['repositories', 'snapshots', 'snapshot_files', 'scan_locks']));
    expect(backups()).toEqual([]);
  });

  it('does nothing and writes no backup when the database is already up to date', () => {
    track(openDatabase(file)).close();
    const db = track(new BetterSqlite3(file));
    expect(migrate(db, file)).toEqual({ from: latest, to: latest, backupFile: null });
    expect(backups()).toEqual([]);
  });

  it('backs up a v1 database holding data, then brings it to the latest version with its data kept', () => {
    const v1 = track(new BetterSqlite3(file));
    migrate(v1, file, migrations.slice(0, 1));
    v1.prepare('INSERT INTO repositories (path, name, added_at) VALUES (?, ?, ?)').run('/src/app', 'app', '2024-01-01T00:00:00.000Z');
    v1.close();

    const db = track(new BetterSqlite3(file));
    const result = migrate(db, file, migrations, () => new Date('2024-05-06T07:08:09.010Z'));

    expect(result.from).toBe(1);
    expect(result.to).toBe(latest);
    expect(userVersion(db)).toBe(latest);
    expect(db.prepare('SELECT path FROM repositories').all()).toEqual([{ path: '/src/app' }]);
    // Version 2 added the code engine's tables.
    expect(db.prepare('SELECT count(*) AS n FROM file_facts').get()).toEqual({ n: 0 });

    expect(result.backupFile).not.toBeNull();
    const backupFile = result.backupFile!;
    expect(existsSync(backupFile)).toBe(true);
    expect(backups()).toHaveLength(1);
    expect(backupFile.startsWith(file)).toBe(true);
    expect(backupFile).toContain('.v1-');

    const backup = track(new BetterSqlite3(backupFile, { readonly: true }));
    expect(userVersion(backup)).toBe(1);
    expect(backup.prepare('SELECT path, name FROM repositories').all()).toEqual([{ path: '/src/app', name: 'app' }]);
    // The backup is the pre-migration copy: the v2 tables are not there.
    expect(() => backup.prepare('SELECT count(*) FROM file_facts').all()).toThrow();
  });

  it('rewrites hex fingerprints of a v8 inventory in letters, each to the fingerprint the same key has now', () => {
    const v8 = track(new BetterSqlite3(file));
    migrate(v8, file, migrations.slice(0, 8));
    v8.prepare('INSERT INTO repositories (id, path, name, added_at) VALUES (1, ?, ?, ?)').run('/src/app', 'app', '2024-01-01T00:00:00.000Z');
    v8.prepare(`INSERT INTO snapshots (id, repository_id, commit_sha, status, started_at, finished_at, analyzer_versions, warnings) VALUES (1, 1, ?, 'complete', '2024-01-01', '2024-01-01', '{}', '[]')`).run('a'.repeat(40));
    // Hex that a spreadsheet reads as numbers: a leading zero, and digits around an "e".
    const keys = ['complex-function\0src/a.ts\0run', 'unused-file\0src/b.ts', 'hotspot\0src/c.ts'];
    const hex = (key: string): string => createHash('sha256').update(key).digest('hex').slice(0, 16);
    const insert = v8.prepare(`INSERT INTO debt_items (repository_id, fingerprint, kind, analysis, match_key, first_seen, last_seen) VALUES (1, ?, 'hotspot', 'history', ?, 1, 1)`);
    for (const key of keys) insert.run(hex(key), key);
    for (const [index, fingerprint] of ['0944476978627501', '20599399615e2523'].entries()) insert.run(fingerprint, `forged ${index}`);
    v8.close();

    const db = track(new BetterSqlite3(file));
    migrate(db, file, migrations);
    const fingerprints = db.prepare<[], { fingerprint: string; key: string }>('SELECT fingerprint, match_key AS key FROM debt_items ORDER BY id').all();
    expect(fingerprints.slice(0, 3)).toEqual(keys.map((key) => ({ fingerprint: fingerprintOf(key), key })));
    expect(fingerprints.slice(3).map((row) => row.fingerprint)).toEqual(['bngggkjnkmjdkhbc', 'dbhnnfnnjchtdhdf']);
  });

  it('rebuilds a v23 repositories table without losing what refers to it, and keeps its references enforced', () => {
    const v23 = track(new BetterSqlite3(file));
    v23.pragma('foreign_keys = ON');
    migrate(v23, file, migrations.slice(0, 23));
    v23.prepare('INSERT INTO repositories (id, path, name, added_at, removed_at) VALUES (1, ?, ?, ?, NULL), (2, ?, ?, ?, ?)').run('/src/app', 'app', '2024-01-01T00:00:00.000Z', '/src/old', 'old', '2024-01-01T00:00:00.000Z', '2024-02-01T00:00:00.000Z');
    v23.prepare(`INSERT INTO snapshots (id, repository_id, commit_sha, status, started_at, finished_at, analyzer_versions, warnings) VALUES (1, 1, ?, 'complete', '2024-01-01', '2024-01-01', '{}', '[]')`).run('a'.repeat(40));
    v23.prepare(`INSERT INTO debt_items (repository_id, fingerprint, kind, analysis, match_key, first_seen, last_seen) VALUES (1, 'bbbbbbbbbbbbbbbb', 'hotspot', 'history', 'hotspotsrc/c.ts', 1, 1)`).run();
    migrate(v23, file, migrations);
    expect(v23.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(v23.prepare('SELECT id, identity, path, name, removed_at AS removed FROM repositories ORDER BY id').all()).toEqual([
      { id: 1, identity: null, path: '/src/app', name: 'app', removed: null },
      { id: 2, identity: null, path: '/src/old', name: 'old', removed: '2024-02-01T00:00:00.000Z' },
    ]);
    expect(v23.prepare('SELECT count(*) AS n FROM snapshots').get()).toEqual({ n: 1 });
    expect(v23.prepare('SELECT count(*) AS n FROM debt_items').get()).toEqual({ n: 1 });
    expect(v23.pragma('foreign_key_check')).toEqual([]);
    // Two clones' folders may share a path now (on different machines); a snapshot of no repository is still refused.
    v23.prepare('INSERT INTO repositories (path, name, added_at) VALUES (?, ?, ?)').run('/src/app', 'app', '2024-03-01T00:00:00.000Z');
    expect(() => v23.prepare(`INSERT INTO snapshots (repository_id, commit_sha, status, started_at, finished_at, analyzer_versions, warnings) VALUES (99, ?, 'complete', '2024-01-01', '2024-01-01', '{}', '[]')`).run('b'.repeat(40))).toThrow(/FOREIGN KEY/);
  });

  it('rebuilds a v24 inventory without its last_seen column: items, their decisions and what refers to them kept, and when each was last seen told by its snapshots', () => {
    const v24 = track(new BetterSqlite3(file));
    v24.pragma('foreign_keys = ON');
    migrate(v24, file, migrations.slice(0, 24));
    v24.prepare('INSERT INTO repositories (id, path, name, added_at) VALUES (1, ?, ?, ?)').run('/src/app', 'app', '2024-01-01T00:00:00.000Z');
    const snapshot = v24.prepare(`INSERT INTO snapshots (id, repository_id, commit_sha, status, started_at, finished_at, analyzer_versions, warnings) VALUES (?, 1, ?, 'complete', ?, ?, '{}', '[]')`);
    snapshot.run(1, 'a'.repeat(40), '2024-01-01', '2024-01-01');
    snapshot.run(2, 'b'.repeat(40), '2024-01-08', '2024-01-08');
    v24.prepare(`INSERT INTO debt_items (id, repository_id, fingerprint, kind, analysis, match_key, first_seen, last_seen, decision, decision_reason, decision_by, decision_at, decision_material)
                 VALUES (1, 1, 'bbbbbbbbbbbbbbbb', 'hotspot', 'history', 'hotspotsrc/a.ts', 1, 2, 'open', NULL, NULL, NULL, NULL),
                        (2, 1, 'cccccccccccccccc', 'hotspot', 'history', 'hotspotsrc/b.ts', 1, 1, 'dismissed', 'generated', 'ana', '2024-01-02', 'm')`).run();
    const found = v24.prepare(`INSERT INTO snapshot_items (snapshot_id, item_id, title, evidence, severity, confidence, confidence_reason, effort, interest, risk, priority, fix, material)
                               VALUES (?, ?, 'hot', '{}', 'low', 'high', 'churn', 1, 1, 1, 1, 'split it', 'm')`);
    found.run(1, 1);
    found.run(1, 2);
    found.run(2, 1);
    v24.prepare(`INSERT INTO item_events (item_id, at, action, reason, by) VALUES (2, '2024-01-02', 'dismissed', 'generated', 'ana')`).run();
    migrate(v24, file, migrations);
    expect(v24.prepare("SELECT count(*) AS n FROM pragma_table_info('debt_items') WHERE name = 'last_seen'").get()).toEqual({ n: 0 });
    expect(v24.prepare(`SELECT fingerprint, decision, decision_material AS material, ${lastSeenSnapshot} AS "lastSeen" FROM debt_items d ORDER BY id`).all()).toEqual([
      { fingerprint: 'bbbbbbbbbbbbbbbb', decision: 'open', material: null, lastSeen: 2 },
      { fingerprint: 'cccccccccccccccc', decision: 'dismissed', material: 'm', lastSeen: 1 },
    ]);
    expect(v24.prepare('SELECT count(*) AS n FROM snapshot_items').get()).toEqual({ n: 3 });
    expect(v24.prepare('SELECT count(*) AS n FROM item_events').get()).toEqual({ n: 1 });
    expect(v24.pragma('foreign_key_check')).toEqual([]);
    // References to items still hold: deleting an item takes its rows in snapshots with it.
    v24.prepare('DELETE FROM debt_items WHERE id = 1').run();
    expect(v24.prepare('SELECT count(*) AS n FROM snapshot_items').get()).toEqual({ n: 1 });
  });

  it('refuses a database written by a newer Steward with an "unavailable" error, leaving it untouched', () => {
    const future = new BetterSqlite3(file);
    future.pragma(`user_version = ${latest + 5}`);
    future.close();

    let caught: unknown;
    try {
      track(openDatabase(file));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StewardError);
    expect((caught as StewardError).code).toBe('unavailable');
    expect((caught as StewardError).message).toMatch(/newer/);

    const after = track(new BetterSqlite3(file));
    expect(userVersion(after)).toBe(latest + 5);
    expect(backups()).toEqual([]);
  });
});

describe('openDatabase', () => {
  it('uses WAL journal mode and enforces foreign keys', () => {
    const db = track((openDatabase(file) as SqliteDatabase).connection);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(userVersion(db)).toBe(latest);
    // A snapshot for a repository that does not exist is rejected.
    expect(() =>
      db
        .prepare(
          `INSERT INTO snapshots (repository_id, commit_sha, status, started_at, finished_at, analyzer_versions, warnings)
           VALUES (999, 'abc', 'complete', 'x', 'y', '{}', '[]')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('creates the folder holding the database file when it does not exist', () => {
    const nested = join(dir, 'a', 'b', 'steward.db');
    track(openDatabase(nested));
    expect(existsSync(nested)).toBe(true);
  });
});

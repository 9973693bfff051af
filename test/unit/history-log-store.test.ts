import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommitRecord } from '../../analyzers/history/commit-record.js';
import { type Database, openDatabase } from '../../core/store/database.js';
import { HistoryLogStore } from '../../core/store/history-log-store.js';

let dir: string;
let db: Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'steward-history-log-'));
  db = openDatabase(join(dir, 'steward.db'));
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const commit = (n: number): CommitRecord => ({
  sha: n.toString(16).padStart(40, '0'),
  authorName: 'Ada',
  authorEmail: 'ada@example.com',
  authorDate: `2024-01-${String(n).padStart(2, '0')}T00:00:00Z`,
  files: [{ path: `f${n}.ts`, added: n, deleted: 0, binary: false }],
});
const shas = (commits: readonly CommitRecord[]): number[] => commits.map((entry) => Number.parseInt(entry.sha, 16));
const when = new Date('2024-02-01T00:00:00Z');

describe('the history log store', () => {
  it('keeps commits newest first across reads written in batches, and drops what a rewrite removed', () => {
    const store = new HistoryLogStore(db);
    const full = store.begin('/repo', 'v1', undefined, when);
    full.append([commit(5), commit(4)]);
    full.append([commit(3)]);
    expect(full.finish(commit(5).sha, [])).toBe(true);
    const incremental = store.begin('/repo', 'v1', store.find('/repo'), when);
    incremental.append([commit(7), commit(6)]);
    expect(incremental.finish(commit(7).sha, [commit(3).sha])).toBe(true);
    const { id } = store.find('/repo')!;
    expect(shas(store.load(id))).toEqual([7, 6, 5, 4]);
    expect(store.load(id)[0]!.files).toEqual([{ path: 'f7.ts', added: 7, deleted: 0, binary: false }]);
    expect(db.prepare('SELECT COUNT(*) AS logs FROM history_logs').get()).toEqual({ logs: 1 });
  });

  it('leaves the log as it was when a read stops before it finishes', () => {
    const store = new HistoryLogStore(db);
    const first = store.begin('/repo', 'v1', undefined, when);
    first.append([commit(2), commit(1)]);
    first.finish(commit(2).sha, []);
    store.begin('/repo', 'v2', undefined, when).append([commit(9)]);
    store.begin('/repo', 'v1', store.find('/repo'), when).append([commit(3)]);
    expect(store.find('/repo')).toMatchObject({ settings: 'v1', tip: commit(2).sha });
    expect(shas(store.load(store.find('/repo')!.id))).toEqual([2, 1]);
    // A later read of other commits does not take in what the stopped one wrote.
    const other = store.begin('/repo', 'v1', store.find('/repo'), when);
    other.append([commit(4)]);
    other.finish(commit(4).sha, []);
    expect(shas(store.load(store.find('/repo')!.id))).toEqual([4, 2, 1]);
  });

  it('clears staging logs a day old, and keeps younger ones another process may be writing', () => {
    const store = new HistoryLogStore(db);
    store.begin('/repo', 'v1', undefined, new Date('2024-01-01T00:00:00Z')).append([commit(1)]);
    store.begin('/repo', 'v1', undefined, new Date('2024-01-01T12:00:00Z'));
    expect(db.prepare('SELECT COUNT(*) AS logs FROM history_logs').get()).toEqual({ logs: 2 });
    store.begin('/repo', 'v1', undefined, new Date('2024-01-02T06:00:00Z'));
    expect(db.prepare('SELECT COUNT(*) AS logs FROM history_logs').get()).toEqual({ logs: 2 });
    expect(db.prepare('SELECT COUNT(*) AS changes FROM history_file_changes').get()).toEqual({ changes: 0 });
  });

  it('refuses to move a log another process moved since the read began', () => {
    const store = new HistoryLogStore(db);
    const first = store.begin('/repo', 'v1', undefined, when);
    first.append([commit(1)]);
    first.finish(commit(1).sha, []);
    const base = store.find('/repo');
    const mine = store.begin('/repo', 'v1', base, when);
    const theirs = store.begin('/repo', 'v1', base, when);
    theirs.append([commit(2)]);
    expect(theirs.finish(commit(2).sha, [])).toBe(true);
    mine.append([commit(3)]);
    expect(mine.finish(commit(3).sha, [])).toBe(false);
    expect(shas(store.load(store.find('/repo')!.id))).toEqual([2, 1]);
  });
});

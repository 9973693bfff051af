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
  it('keeps commits newest first across reads written in batches', () => {
    const store = new HistoryLogStore(db);
    const full = store.begin('/repo', 'v1', true);
    full.append([commit(5), commit(4)]);
    full.append([commit(3)]);
    const id = full.finish(commit(5).sha, [], when);
    const incremental = store.begin('/repo', 'v1', false);
    incremental.append([commit(7), commit(6)]);
    expect(incremental.finish(commit(7).sha, [commit(3).sha], when)).toBe(id);
    expect(shas(store.load(id))).toEqual([7, 6, 5, 4]);
    expect(store.load(id)[0]!.files).toEqual([{ path: 'f7.ts', added: 7, deleted: 0, binary: false }]);
  });

  it('leaves the previous log whole when a full re-read stops before it finishes, and clears the leftovers next time', () => {
    const store = new HistoryLogStore(db);
    const first = store.begin('/repo', 'v1', true);
    first.append([commit(2), commit(1)]);
    const id = first.finish(commit(2).sha, [], when);
    store.begin('/repo', 'v2', true).append([commit(9)]);
    expect(store.find('/repo')).toMatchObject({ id, settings: 'v1', tip: commit(2).sha });
    expect(shas(store.load(id))).toEqual([2, 1]);
    const again = store.begin('/repo', 'v2', true);
    again.append([commit(3)]);
    const replaced = again.finish(commit(3).sha, [], when);
    expect(store.find('/repo')).toMatchObject({ id: replaced, settings: 'v2' });
    expect(shas(store.load(replaced))).toEqual([3]);
    expect(db.prepare('SELECT COUNT(*) AS logs FROM history_logs').get()).toEqual({ logs: 1 });
    expect(db.prepare('SELECT COUNT(*) AS changes FROM history_file_changes').get()).toEqual({ changes: 1 });
  });

  it('takes in the commits an interrupted read of new commits left, once and in order', () => {
    const store = new HistoryLogStore(db);
    const first = store.begin('/repo', 'v1', true);
    first.append([commit(1)]);
    const id = first.finish(commit(1).sha, [], when);
    store.begin('/repo', 'v1', false).append([commit(3)]);
    const retry = store.begin('/repo', 'v1', false);
    retry.append([commit(4), commit(3), commit(2)]);
    retry.finish(commit(4).sha, [], when);
    expect(shas(store.load(id))).toEqual([4, 3, 2, 1]);
    expect(db.prepare('SELECT COUNT(*) AS changes FROM history_file_changes').get()).toEqual({ changes: 4 });
  });
});

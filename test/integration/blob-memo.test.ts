import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BlobMemo } from '../../core/git/read-blobs.js';
import { listTreeFiles } from '../../core/git/tree-files.js';
import { blobMemoStore } from '../../core/store/blob-memo-store.js';
import { openDatabase } from '../../core/store/database.js';
import { createRepository, temporaryDirectory } from '../support/git-fixture.js';

describe('what a scan made of each file, kept between scans', () => {
  const repository = createRepository(join(temporaryDirectory(), 'memo'), [
    { author: 'Ada', email: 'ada@example.com', date: '2024-01-01T00:00:00Z', files: { 'a.ts': 'one\n', 'b.ts': 'two\nlines\n' } },
  ]);

  it('reads from git only the contents it has not kept, across processes and versions', async () => {
    const db = openDatabase(join(temporaryDirectory(), 'steward.db'));
    const { files } = await listTreeFiles(repository, 'HEAD');
    const derived: string[] = [];
    // A new memo stands for a new process: its own memory is empty.
    const readWith = async (version: string) => {
      const memo = new BlobMemo<{ lines: number }>((file, content) => {
        derived.push(file.path);
        return { lines: content.toString('utf8').split('\n').length - 1 };
      });
      const values: Record<string, number | undefined> = {};
      await memo.read(repository, files, (index, value) => (values[files[index]!.path] = value?.lines), undefined, blobMemoStore(db, 'test', version));
      return values;
    };

    expect(await readWith('1')).toEqual({ 'a.ts': 1, 'b.ts': 2 });
    expect(derived).toEqual(['a.ts', 'b.ts']);
    expect(await readWith('1')).toEqual({ 'a.ts': 1, 'b.ts': 2 });
    expect(derived).toEqual(['a.ts', 'b.ts']);
    // Another version of the reader does not trust what the old one kept.
    expect(await readWith('2')).toEqual({ 'a.ts': 1, 'b.ts': 2 });
    expect(derived).toEqual(['a.ts', 'b.ts', 'a.ts', 'b.ts']);
    db.close();
  });
});

import { codeViewMaxBytes, type SnapshotFile } from '../api/snapshot-file.js';
import { StewardError } from '../api/errors.js';
import { readFileAtCommit } from '../git/read-file-at-commit.js';
import type { Database } from '../store/database.js';
import { findRepository } from '../store/repositories.js';
import { getSnapshotSummary } from '../store/snapshots.js';

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** A file of a snapshot's commit, for the code view: its lines, or why it is not shown. */
export async function readSnapshotFile(db: Database, snapshotId: number, path: string): Promise<SnapshotFile> {
  const snapshot = getSnapshotSummary(db, snapshotId)?.snapshot;
  if (!snapshot) throw new StewardError('not-found', `No snapshot with id ${snapshotId}`);
  const repository = findRepository(db, snapshot.repositoryId);
  if (!repository) throw new StewardError('not-found', `The repository of snapshot ${snapshotId} has been removed from Steward`);
  const file = await readFileAtCommit(repository.path, snapshot.commit, path, codeViewMaxBytes);
  const base = { snapshotId, commit: snapshot.commit, path };
  switch (file.state) {
    case 'missing':
      throw new StewardError('not-found', `${path} is not in commit ${snapshot.commit.slice(0, 7)}`);
    case 'too-large':
      return { ...base, size: file.size, content: { state: 'refused', reason: `${path} is ${megabytes(file.size)}; the code view shows files up to ${megabytes(codeViewMaxBytes)}. Open it in your editor.` } };
    case 'binary':
      return { ...base, size: file.size, content: { state: 'refused', reason: `${path} is a binary file; the code view shows text only.` } };
    case 'text':
      return { ...base, size: file.size, content: { state: 'text', lines: file.text.replace(/\r?\n$/, '').split(/\r?\n/) } };
  }
}

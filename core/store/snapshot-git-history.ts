import type { HistorySummary } from '../git/history-summary.js';
import type { Database } from './database.js';

export function insertGitHistory(db: Database, snapshotId: number, history: HistorySummary): void {
  db.prepare(
    `INSERT INTO snapshot_git_history (snapshot_id, commits, first_commit_at, last_commit_at, shallow) VALUES (?, ?, ?, ?, ?)`,
  ).run(snapshotId, history.commits, history.firstCommitAt, history.lastCommitAt, history.shallow ? 1 : 0);
  const insertContributor = db.prepare(
    'INSERT INTO snapshot_contributors (snapshot_id, name, email, commits) VALUES (?, ?, ?, ?)',
  );
  for (const contributor of history.contributors) {
    insertContributor.run(snapshotId, contributor.name, contributor.email, contributor.commits);
  }
}

import type { AuthorIdentity } from '../../analyzers/identities/mailmap.js';
import { countAuthors } from '../../analyzers/identities/people.js';
import type { ResolvedAuthor } from '../../analyzers/identities/resolve-identities.js';
import type { HistorySummary } from '../git/history-summary.js';
import type { Database } from './database.js';

/** Saves a snapshot's git summary, its contributors as identities after .mailmap with the person each counted as. */
export function insertGitHistory(db: Database, snapshotId: number, history: HistorySummary, resolve: (author: AuthorIdentity) => ResolvedAuthor): void {
  db.prepare(
    `INSERT INTO snapshot_git_history (snapshot_id, commits, first_commit_at, last_commit_at, shallow) VALUES (?, ?, ?, ?, ?)`,
  ).run(snapshotId, history.commits, history.firstCommitAt, history.lastCommitAt, history.shallow ? 1 : 0);
  const insertContributor = db.prepare(
    'INSERT INTO snapshot_contributors (snapshot_id, name, email, commits, person, bot) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const contributor of countAuthors(history.contributors, resolve)) {
    insertContributor.run(snapshotId, contributor.name, contributor.email, contributor.commits, contributor.person, contributor.bot ? 1 : 0);
  }
}

import type { AuthorIdentity } from '../identities/mailmap.js';
import { type ResolvedAuthor, personNames } from '../identities/resolve-identities.js';
import type { CommitRecord } from './commit-record.js';

/**
 * The commits with each author replaced by the person it counts as (after .mailmap and the user's
 * merges): one name per person, the person's key as email, and whether it is a bot, so that every
 * analysis counts a person once and can set bots apart. Commits come newest first.
 */
export function commitsByPerson(commits: readonly CommitRecord[], resolve: (author: AuthorIdentity) => ResolvedAuthor): CommitRecord[] {
  const authors = commits.map((commit) => resolve({ name: commit.authorName, email: commit.authorEmail }));
  const names = personNames(authors);
  return commits.map((commit, index) => {
    const { person, bot } = authors[index]!;
    return { ...commit, authorName: names.get(person)!, authorEmail: person, bot };
  });
}

import { emptyMailmap } from '../../analyzers/identities/mailmap.js';
import { groupPeople, suggestMerges } from '../../analyzers/identities/people.js';
import { identityResolver } from '../../analyzers/identities/resolve-identities.js';
import type { Identities } from '../api/identities.js';
import type { Database } from '../store/database.js';
import { describeIdentityMap, readIdentityMap } from '../store/identity-map.js';
import { latestSnapshotSummaries } from '../store/snapshots.js';

/**
 * The authors of a repository's newest scan of HEAD (identities after the .mailmap of that commit),
 * grouped into people and bots by the identity map as it is now, with the merges it suggests: the
 * People panel shows a change to the map at once, while the analyses count with it from the next scan.
 */
export function listIdentities(db: Database, repositoryId: number): Identities {
  const map = readIdentityMap(db);
  const { digest, merges, marks } = describeIdentityMap(map);
  const latest = latestSnapshotSummaries(db, [repositoryId]).get(repositoryId)?.snapshot;
  const authors = latest
    ? db.prepare<[number], { name: string; email: string; commits: number }>('SELECT name, email, commits FROM snapshot_contributors WHERE snapshot_id = ?').all(latest.id)
    : [];
  const everyone = groupPeople(authors, identityResolver(emptyMailmap, map));
  const people = everyone.filter((person) => !person.bot);
  return {
    snapshotId: latest?.id ?? null,
    usedByScan: latest?.environment?.identities ?? null,
    current: { digest, merges, marks },
    people,
    bots: everyone.filter((person) => person.bot),
    suggestions: suggestMerges(people),
  };
}

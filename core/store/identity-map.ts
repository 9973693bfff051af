import { createHash } from 'node:crypto';
import type { IdentityMap } from '../../analyzers/identities/resolve-identities.js';
import type { Database } from './database.js';

type IdentityKind = 'bot' | 'person';

/** The user's identity map, as every scan and the People panel read it. */
export function readIdentityMap(db: Database): IdentityMap {
  const merges = db.prepare<[], { alias: string; person: string }>('SELECT alias, person FROM identity_merges').all();
  const marks = db.prepare<[], { author: string; kind: IdentityKind }>('SELECT author, kind FROM identity_marks').all();
  return { merges: new Map(merges.map((row) => [row.alias, row.person])), marks: new Map(marks.map((row) => [row.author, row.kind])) };
}

/**
 * What a scan records of the map it used (in the snapshot's environment), so that the app can tell
 * whether the map changed since: its size and a digest of its content.
 */
export function describeIdentityMap(map: IdentityMap): { merges: number; marks: number; digest: string } {
  const hash = createHash('sha256');
  for (const [alias, person] of [...map.merges].sort(([a], [b]) => a.localeCompare(b))) hash.update(`merge\0${alias}\0${person}\0`);
  for (const [author, kind] of [...map.marks].sort(([a], [b]) => a.localeCompare(b))) hash.update(`mark\0${author}\0${kind}\0`);
  return { merges: map.merges.size, marks: map.marks.size, digest: hash.digest('hex').slice(0, 16) };
}

/**
 * Counts `aliases` as the person `into`: when `into` is itself merged, as the person it counts as;
 * whoever was merged into an alias moves along, so that no merge ever points at another.
 */
export function mergeIdentities(db: Database, into: string, aliases: readonly string[], now: Date): void {
  db.transaction(() => {
    let person = db.prepare<[string], { person: string }>('SELECT person FROM identity_merges WHERE alias = ?').get(into)?.person ?? into;
    // Merging a person into one of its own aliases: the alias becomes the person.
    if (person !== into && aliases.includes(person)) {
      unmergeIdentity(db, into);
      person = into;
    }
    const repoint = db.prepare('UPDATE identity_merges SET person = ? WHERE person = ?');
    const merge = db.prepare('INSERT INTO identity_merges (alias, person, merged_at) VALUES (?, ?, ?) ON CONFLICT (alias) DO UPDATE SET person = excluded.person, merged_at = excluded.merged_at');
    for (const alias of aliases) {
      if (alias === person) continue;
      repoint.run(person, alias);
      merge.run(alias, person, now.toISOString());
    }
    // IMMEDIATE: it reads before it writes, and a deferred transaction cannot wait for another process's write.
  }).immediate();
}

/** Counts an identity as its own person again; false when it was not merged. */
export function unmergeIdentity(db: Database, alias: string): boolean {
  return db.prepare('DELETE FROM identity_merges WHERE alias = ?').run(alias).changes > 0;
}

/** Marks an author as a bot or a person; null forgets the mark (its name and email decide again). */
export function markIdentity(db: Database, author: string, kind: IdentityKind | null, now: Date): void {
  if (kind === null) db.prepare('DELETE FROM identity_marks WHERE author = ?').run(author);
  else {
    db.prepare('INSERT INTO identity_marks (author, kind, marked_at) VALUES (?, ?, ?) ON CONFLICT (author) DO UPDATE SET kind = excluded.kind, marked_at = excluded.marked_at').run(
      author,
      kind,
      now.toISOString(),
    );
  }
}

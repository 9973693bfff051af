import { looksLikeBot } from './bots.js';
import { type AuthorIdentity, type Mailmap, mapAuthor } from './mailmap.js';

/** What the user told Steward about authors (core/store/identity-map.ts keeps it). */
export interface IdentityMap {
  /** An author's key → the key of the person it was merged into (which is never itself merged). */
  readonly merges: ReadonlyMap<string, string>;
  /** An author's key → what the user says it is, over what its name and email suggest. */
  readonly marks: ReadonlyMap<string, 'bot' | 'person'>;
}

export const emptyIdentityMap: IdentityMap = { merges: new Map(), marks: new Map() };

export interface ResolvedAuthor {
  /** The identity after .mailmap. */
  identity: AuthorIdentity;
  /** Its key (see identityKey). */
  key: string;
  /** The person it counts as: its own key, or the key a merge joined it to. */
  person: string;
  bot: boolean;
  /** Why it is or is not a bot: the user's mark, or its name and email. */
  kindFrom: 'mark' | 'pattern';
}

/** One key per identity: the email, lower-cased (names vary more across machines than emails), else the name. */
export function identityKey(identity: AuthorIdentity): string {
  return identity.email.trim().toLowerCase() || identity.name;
}

/**
 * Who a commit's author is: .mailmap first (the repository's own word), then the user's merges,
 * then whether the person is a bot (the user's mark on the person, or on the identity, else
 * well-known bot names and emails). Answers are kept per name and email: a log repeats them.
 */
export function identityResolver(mailmap: Mailmap, map: IdentityMap): (author: AuthorIdentity) => ResolvedAuthor {
  const known = new Map<string, ResolvedAuthor>();
  return (author) => {
    const cacheKey = `${author.name}\0${author.email}`;
    let resolved = known.get(cacheKey);
    if (!resolved) {
      const identity = mapAuthor(mailmap, author);
      const key = identityKey(identity);
      const person = map.merges.get(key) ?? key;
      const mark = map.marks.get(person) ?? map.marks.get(key);
      resolved = { identity, key, person, bot: mark ? mark === 'bot' : looksLikeBot(identity), kindFrom: mark ? 'mark' : 'pattern' };
      known.set(cacheKey, resolved);
    }
    return resolved;
  };
}

/**
 * One display name per person: the newest name of the person's own identity (the one others were
 * merged into), else the newest name among the identities merged into it. `authors` come newest first.
 */
export function personNames(authors: Iterable<Pick<ResolvedAuthor, 'identity' | 'key' | 'person'>>): Map<string, string> {
  const own = new Map<string, string>();
  const merged = new Map<string, string>();
  for (const { identity, key, person } of authors) {
    const names = key === person ? own : merged;
    if (!names.has(person)) names.set(person, identity.name);
  }
  for (const [person, name] of merged) if (!own.has(person)) own.set(person, name);
  return own;
}

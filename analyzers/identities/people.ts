import type { AuthorIdentity } from './mailmap.js';
import { type ResolvedAuthor, personNames } from './resolve-identities.js';

/** An author identity (after .mailmap) and its commits. */
interface AuthorCommits extends AuthorIdentity {
  commits: number;
}

interface Person {
  /** The key the person's identities were merged into (its own identity's key when nothing was merged). */
  key: string;
  name: string;
  commits: number;
  bot: boolean;
  kindFrom: ResolvedAuthor['kindFrom'];
  /** The identities counted as this person, most commits first. */
  identities: (AuthorCommits & { key: string })[];
}

/** Authors grouped into people (merges followed), most commits first; bots among them, marked. */
export function groupPeople(authors: readonly AuthorCommits[], resolve: (author: AuthorIdentity) => ResolvedAuthor): Person[] {
  const ordered = [...authors].sort((a, b) => b.commits - a.commits || a.name.localeCompare(b.name));
  const resolved = ordered.map((author) => ({ author, ...resolve(author) }));
  const names = personNames(resolved);
  const people = new Map<string, Person>();
  for (const { author, key, person, bot, kindFrom } of resolved) {
    let entry = people.get(person);
    if (!entry) people.set(person, (entry = { key: person, name: names.get(person)!, commits: 0, bot, kindFrom, identities: [] }));
    entry.commits += author.commits;
    entry.identities.push({ ...author, key });
  }
  return [...people.values()].sort((a, b) => b.commits - a.commits || a.name.localeCompare(b.name));
}

interface MergeSuggestion {
  /** The person to keep (most commits), and those to merge into it. */
  into: string;
  merge: string[];
  /** Why they look like one person, in words. */
  reasons: string[];
}

/** Mailbox names too common to say two addresses belong to one person. */
const sharedMailboxes = new Set(['admin', 'contact', 'dev', 'developer', 'git', 'github', 'hello', 'info', 'mail', 'me', 'noreply', 'no-reply', 'root', 'support', 'team', 'user']);

function sameName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** An address's mailbox without a +tag, and a GitHub no-reply address's user name without its id. */
function mailbox(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  if (at <= 0) return undefined;
  const local = email.slice(0, at).toLowerCase().replace(/^\d+\+/, '').replace(/\+.*$/, '');
  return local.length >= 3 && !sharedMailboxes.has(local) ? local : undefined;
}

/**
 * People who are probably one: the same name under different emails, or the same mailbox at
 * different domains (a work address and a GitHub no-reply address). Only suggestions: a person
 * confirms each. Bots are never suggested.
 */
export function suggestMerges(people: readonly Person[]): MergeSuggestion[] {
  const groups = new Map<string, { people: Set<Person>; reasons: Set<string> }>();
  const clues = [
    { of: (identity: AuthorIdentity) => [sameName(identity.name)].filter((name) => name !== ''), reason: (value: string) => `same name (${value})` },
    { of: (identity: AuthorIdentity) => [mailbox(identity.email)].filter((box) => box !== undefined), reason: (value: string) => `same email user name (${value})` },
  ];
  for (const clue of clues) {
    const byValue = new Map<string, Set<Person>>();
    for (const person of people) {
      if (person.bot) continue;
      for (const value of new Set(person.identities.flatMap(clue.of))) {
        const found = byValue.get(value) ?? new Set();
        byValue.set(value, found.add(person));
      }
    }
    for (const [value, found] of byValue) {
      if (found.size < 2) continue;
      const key = [...found].map((person) => person.key).sort().join('\0');
      const group = groups.get(key) ?? { people: found, reasons: new Set() };
      groups.set(key, group);
      group.reasons.add(clue.reason(value));
    }
  }
  return [...groups.values()].map(({ people: found, reasons }) => {
    const [into, ...rest] = [...found].sort((a, b) => b.commits - a.commits || a.key.localeCompare(b.key));
    return { into: into!.key, merge: rest.map((person) => person.key), reasons: [...reasons] };
  });
}

interface CountedAuthor extends AuthorCommits {
  person: string;
  bot: boolean;
}

/** Commits per identity after .mailmap (identities it joins add up), each with the person it counts as and whether a bot. */
export function countAuthors(authors: readonly AuthorCommits[], resolve: (author: AuthorIdentity) => ResolvedAuthor): CountedAuthor[] {
  const counted = new Map<string, CountedAuthor>();
  for (const author of authors) {
    const { identity, person, bot } = resolve(author);
    const key = `${identity.name}\0${identity.email}`;
    const entry = counted.get(key);
    if (entry) entry.commits += author.commits;
    else counted.set(key, { ...identity, commits: author.commits, person, bot });
  }
  return [...counted.values()].sort((a, b) => b.commits - a.commits || a.name.localeCompare(b.name));
}

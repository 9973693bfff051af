/**
 * A repository's `.mailmap`, read as git reads it (mailmap.c): each line names a proper identity and
 * the commit identity it replaces, matched by email alone or by name and email; emails and names
 * compare case-insensitively (ASCII, as git's strcasecmp); `#` at the start of a line is a comment,
 * and anything after the last `<…>` a line uses is ignored.
 *
 *   Proper Name <commit@email>                              name, for that email
 *   <proper@email> <commit@email>                           email, for that email
 *   Proper Name <proper@email> <commit@email>               both, for that email
 *   Proper Name <proper@email> Commit Name <commit@email>   both, for that name and email
 */

/** What a matching line replaces; null keeps the commit's own. */
interface Replacement {
  name: string | null;
  email: string | null;
}

interface EmailEntry extends Replacement {
  /** Lines matching a name too, by lower-cased commit name: they win over the email-only line. */
  byName: Map<string, Replacement>;
}

export interface Mailmap {
  /** By lower-cased commit email. */
  readonly entries: ReadonlyMap<string, EmailEntry>;
}

export interface AuthorIdentity {
  name: string;
  email: string;
}

/** git folds case in ASCII only; so does the match here (an "É" stays an "É"). */
function fold(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/** A name followed by `<email>` at the start of `text`, and the text after it; undefined without one. */
function nameAndEmail(text: string, allowEmptyEmail: boolean): { name: string | null; email: string; rest: string } | undefined {
  const left = text.indexOf('<');
  if (left < 0) return undefined;
  const right = text.indexOf('>', left + 1);
  if (right < 0) return undefined;
  if (!allowEmptyEmail && right === left + 1) return undefined;
  const name = text.slice(0, left).trim();
  return { name: name === '' ? null : name, email: text.slice(left + 1, right), rest: text.slice(right + 1) };
}

export function parseMailmap(text: string): Mailmap {
  const entries = new Map<string, EmailEntry>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const first = nameAndEmail(line, false);
    if (!first) continue;
    const second = first.rest === '' ? undefined : nameAndEmail(first.rest, true);
    // With one identity on the line, it is both the proper one (its name) and the one matched (its email).
    const commitEmail = second ? second.email : first.email;
    const replacement: Replacement = { name: first.name, email: second ? first.email : null };
    const key = fold(commitEmail);
    let entry = entries.get(key);
    if (!entry) entries.set(key, (entry = { name: null, email: null, byName: new Map() }));
    if (second?.name) {
      // A later line for the same name and email replaces an earlier one, as in git.
      entry.byName.set(fold(second.name), replacement);
    } else {
      // A later email-only line replaces what it gives and keeps what it does not.
      entry.name = replacement.name ?? entry.name;
      entry.email = replacement.email ?? entry.email;
    }
  }
  return { entries };
}

/** The identity a commit's author has after the mailmap (the commit's own where no line matches). */
export function mapAuthor(mailmap: Mailmap, author: AuthorIdentity): AuthorIdentity {
  const entry = mailmap.entries.get(fold(author.email));
  if (!entry) return author;
  const replacement = entry.byName.get(fold(author.name)) ?? entry;
  return { name: replacement.name ?? author.name, email: replacement.email ?? author.email };
}

export const emptyMailmap: Mailmap = { entries: new Map() };

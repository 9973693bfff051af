import type { CommitRecord, FileChange } from './commit-record.js';

/**
 * The header of each commit: four NUL-terminated fields. Names, emails and paths may hold any byte
 * but NUL (a file name can hold git's own record separators), so every field is NUL-delimited and the
 * parser reads them by position, never by looking for a separator inside them. Names and emails are
 * the commit's own (`%an`, not `%aN`): .mailmap is applied by Steward from the scanned commit's tree
 * (analyzers/identities/mailmap.ts), never from the work tree or a file the repository's config names.
 */
const headerFormat = '--format=%H%x00%an%x00%ae%x00%aI';

/**
 * `git log` arguments whose output `LogParser` reads: the header, then the changed files (`-z`: each
 * entry NUL-terminated, paths never quoted) as `--numstat` lines (`added\tdeleted\tpath`, or for a
 * rename `added\tdeleted\t` followed by the old and the new path).
 */
export const logFormatArguments: readonly string[] = ['-z', '--numstat', headerFormat];

/**
 * The same records with `--raw` entries instead of line counts (`:mode mode sha sha status`, then one
 * path, or two for a rename or copy): no file content is read, so it works where content is missing,
 * and a path can never be taken for the next commit (it always follows an entry that announces it).
 */
export const rawFormatArguments: readonly string[] = ['-z', '--raw', '--no-abbrev', headerFormat];

/** The headers alone (for a commit whose trees are missing too). */
export const headerFormatArguments: readonly string[] = ['-z', headerFormat];

const commitId = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
const numstatEntry = /^(-|\d+)\t(-|\d+)\t(.*)$/s;
const rawEntry = /^:\d+ \d+ [0-9a-f]+ [0-9a-f]+ ([A-Z])\d*$/;

type State =
  | { expect: 'sha' }
  | { expect: 'name' | 'email' | 'date'; commit: CommitRecord }
  /** The first change of a commit starts with a newline; without one, the commit changed nothing. */
  | { expect: 'first-change' | 'change'; commit: CommitRecord }
  | { expect: 'path'; commit: CommitRecord; change: Omit<FileChange, 'path'>; paths: number; seen: string[] };

/**
 * Parses the streamed output of `git log` in either format above, chunk by chunk, holding no more than
 * one commit at a time. A token that fits no position (which git does not print) is skipped rather
 * than allowed to shift the fields of the commits after it.
 */
export class LogParser {
  private pending = '';
  private state: State = { expect: 'sha' };

  /** Feeds text and returns the commits completed by it. */
  push(text: string): CommitRecord[] {
    // Only the new text is searched: one commit's numstat can run to megabytes.
    const last = text.lastIndexOf('\0');
    if (last < 0) {
      this.pending += text;
      return [];
    }
    const tokens = (this.pending + text.slice(0, last)).split('\0');
    this.pending = text.slice(last + 1);
    const done: CommitRecord[] = [];
    for (const token of tokens) this.take(token, done);
    return done;
  }

  /** The commit still open at the end of the output. */
  end(): CommitRecord[] {
    const done: CommitRecord[] = [];
    if (this.pending !== '') this.take(this.pending, done);
    this.pending = '';
    const state = this.state;
    this.state = { expect: 'sha' };
    if (state.expect === 'first-change' || state.expect === 'change') done.push(state.commit);
    return done;
  }

  private take(token: string, done: CommitRecord[]): void {
    const state = this.state;
    switch (state.expect) {
      case 'sha':
        if (commitId.test(token)) this.state = { expect: 'name', commit: { sha: token, authorName: '', authorEmail: '', authorDate: '', files: [] } };
        return;
      case 'name':
        state.commit.authorName = token;
        this.state = { expect: 'email', commit: state.commit };
        return;
      case 'email':
        state.commit.authorEmail = token;
        this.state = { expect: 'date', commit: state.commit };
        return;
      case 'date':
        state.commit.authorDate = token;
        this.state = { expect: 'first-change', commit: state.commit };
        return;
      case 'first-change':
      case 'change': {
        const entry = state.expect === 'first-change' ? (token.startsWith('\n') ? token.slice(1) : undefined) : token;
        if (entry === undefined || !this.change(state.commit, entry)) {
          // Not a change: the commit is complete and the token begins the next one.
          done.push(state.commit);
          this.state = { expect: 'sha' };
          this.take(token, done);
        }
        return;
      }
      case 'path':
        state.seen.push(token);
        if (state.seen.length < state.paths) return;
        state.commit.files.push(state.paths === 2 ? { ...state.change, previousPath: state.seen[0]!, path: state.seen[1]! } : { ...state.change, path: state.seen[0]! });
        this.state = { expect: 'change', commit: state.commit };
    }
  }

  /** Takes a `--numstat` or `--raw` entry of the commit; false when the token is neither. */
  private change(commit: CommitRecord, entry: string): boolean {
    const numstat = numstatEntry.exec(entry);
    if (numstat) {
      const binary = numstat[1] === '-';
      const counts = { added: binary ? 0 : Number(numstat[1]), deleted: binary ? 0 : Number(numstat[2]), binary };
      if (numstat[3] === '') this.state = { expect: 'path', commit, change: counts, paths: 2, seen: [] };
      else {
        commit.files.push({ path: numstat[3]!, ...counts });
        this.state = { expect: 'change', commit };
      }
      return true;
    }
    const raw = rawEntry.exec(entry);
    if (raw) {
      // Renames and copies name two paths; every other status one. Line counts are unknown here.
      this.state = { expect: 'path', commit, change: { added: 0, deleted: 0, binary: false }, paths: raw[1] === 'R' || raw[1] === 'C' ? 2 : 1, seen: [] };
      return true;
    }
    return false;
  }
}

import type { CommitRecord, FileChange } from './commit-record.js';

/** Separators of the format the parser reads: record (before each commit) and unit (between header fields). */
const recordSeparator = '\x1e';
const unitSeparator = '\x1f';

/**
 * `git log` arguments whose output `LogParser` reads: one record per commit, header fields separated,
 * then `--numstat` lines, everything NUL-terminated (`-z`), so that paths are never quoted.
 */
const headerFormat = `--format=${recordSeparator}%H${unitSeparator}%aN${unitSeparator}%aE${unitSeparator}%aI`;
export const logFormatArguments: readonly string[] = ['-z', '--numstat', headerFormat];

/** The same records with changed paths only: no line counts, so no file content is read (for commits whose content is missing). */
export const namesOnlyFormatArguments: readonly string[] = ['-z', '--name-only', headerFormat];

/**
 * Parses the streamed output of `git log -z --numstat` in the format above, chunk by chunk, so that
 * no more than one commit's text is held at a time.
 */
export class LogParser {
  private pending = '';

  /** Feeds text and returns the commits completed by it. */
  push(text: string): CommitRecord[] {
    // Only the new text is searched: one commit's numstat can run to megabytes.
    const last = text.lastIndexOf(recordSeparator);
    if (last < 0 || this.pending.length + last === 0) {
      this.pending += text;
      return [];
    }
    const complete = this.pending + text.slice(0, last);
    this.pending = text.slice(last);
    return parseRecords(complete);
  }

  /** The commits still pending at the end of the output. */
  end(): CommitRecord[] {
    const rest = this.pending;
    this.pending = '';
    return parseRecords(rest);
  }
}

function parseRecords(text: string): CommitRecord[] {
  const commits: CommitRecord[] = [];
  for (const record of text.split(recordSeparator)) {
    if (record.trim() === '') continue;
    const commit = parseRecord(record);
    if (commit) commits.push(commit);
  }
  return commits;
}

/**
 * `sha␟name␟email␟date\0` then `\n`, then `added\tdeleted\tpath\0` or, for a rename,
 * `added\tdeleted\t\0old\0new\0`; with `--name-only`, `path\0` (counted as 0 lines).
 */
function parseRecord(record: string): CommitRecord | undefined {
  const headerEnd = record.indexOf('\0');
  const header = (headerEnd < 0 ? record : record.slice(0, headerEnd)).split(unitSeparator);
  if (header.length < 4 || !/^[0-9a-f]{40,64}$/.test(header[0]!)) return undefined;
  const [sha, authorName, authorEmail, authorDate] = header as [string, string, string, string];
  const tokens = headerEnd < 0 ? [] : record.slice(headerEnd + 1).split('\0');
  const files: FileChange[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!.replace(/^\n+/, '');
    const match = /^(-|\d+)\t(-|\d+)\t(.*)$/s.exec(token);
    if (!match) {
      if (token !== '') files.push({ path: token, added: 0, deleted: 0, binary: false });
      continue;
    }
    const binary = match[1] === '-';
    const counts = { added: binary ? 0 : Number(match[1]), deleted: binary ? 0 : Number(match[2]), binary };
    if (match[3] !== '') files.push({ path: match[3]!, ...counts });
    else {
      const previousPath = tokens[++index];
      const path = tokens[++index];
      if (previousPath !== undefined && path !== undefined) files.push({ path, previousPath, ...counts });
    }
  }
  return { sha, authorName, authorEmail, authorDate, files };
}

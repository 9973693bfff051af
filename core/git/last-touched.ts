import type { CommitRecord } from '../../analyzers/history/commit-record.js';
import { LogParser, rawFormatArguments } from '../../analyzers/history/log-parser.js';
import type { Database } from '../store/database.js';
import { ProjectContextCache } from '../store/project-context-cache.js';
import { runGit } from './git-runner.js';

/** The newest commit at or before the scanned one that changed a file. */
interface LastTouched {
  commit: string;
  /** Author date, ISO 8601 with the author's offset. */
  date: string;
  author: string;
}

/** Per commit, what earlier calls learned (null: no commit in the visible history touched the path). */
type KnownTouches = Record<string, LastTouched | null>;

/**
 * When each of `paths` last changed at `commit`. One `git log --name-only` walk from the commit,
 * newest first, stopped as soon as every path has been seen; answers are kept per commit, so a
 * re-scan of the same commit does not walk again.
 */
export async function readLastTouched(
  db: Database,
  root: string,
  commit: string,
  paths: readonly string[],
  signal: AbortSignal,
): Promise<Map<string, LastTouched | null>> {
  const cache = new ProjectContextCache(db);
  // Version 3: read through the log parser (version 2 could be misled by a file name holding its separators).
  const key = JSON.stringify(['last-touched', 3, root, commit]);
  const known = cache.get<KnownTouches>(key) ?? {};
  const missing = new Set(paths.filter((path) => !Object.hasOwn(known, path)));
  if (missing.size > 0) {
    const found = await walkLog(root, commit, missing, signal);
    for (const path of missing) known[path] = found.get(path) ?? null;
    cache.put(key, known);
  }
  return new Map(paths.map((path) => [path, Object.hasOwn(known, path) ? (known[path] ?? null) : null]));
}

/**
 * Walks `git log --raw` from the commit, newest first, through the one log parser (so no name can
 * forge a record), and stops git as soon as every path has been seen. Merges list no paths, so a
 * change is credited to the commit that made it.
 */
async function walkLog(root: string, commit: string, wanted: ReadonlySet<string>, signal: AbortSignal): Promise<Map<string, LastTouched>> {
  const found = new Map<string, LastTouched>();
  const parser = new LogParser();
  const decoder = new TextDecoder('utf-8');
  const take = (commits: readonly CommitRecord[]): void => {
    for (const record of commits) {
      const touched = { commit: record.sha, date: record.authorDate, author: record.authorName };
      for (const change of record.files) if (wanted.has(change.path) && !found.has(change.path)) found.set(change.path, touched);
    }
  };
  await runGit(root, ['log', '--no-renames', '--no-color', ...rawFormatArguments, commit, '--'], {
    signal,
    onOutput(chunk) {
      take(parser.push(decoder.decode(chunk, { stream: true })));
      return found.size === wanted.size ? 'stop' : undefined;
    },
  });
  take(parser.end());
  return found;
}

import { spawn } from 'node:child_process';
import type { Database } from '../store/database.js';
import { ProjectContextCache } from '../store/project-context-cache.js';
import { gitEnvironment } from './git-client.js';

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
  // Version 2: author names after .mailmap (%aN), as the history engine shows them.
  const key = `last-touched 2\0${root}\0${commit}`;
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
 * `git log -z --name-only` prints, NUL-separated: a header per commit (here `\x01sha\x02date\x02author`)
 * followed by the paths it changed (the first after a newline). Merges list no paths, so a change is
 * credited to the commit that made it.
 */
function walkLog(root: string, commit: string, wanted: ReadonlySet<string>, signal: AbortSignal): Promise<Map<string, LastTouched>> {
  return new Promise((resolve, reject) => {
    const found = new Map<string, LastTouched>();
    const git = spawn('git', ['log', '-z', '--no-renames', '--name-only', '--format=%x01%H%x02%aI%x02%aN', commit, '--'], {
      cwd: root,
      env: gitEnvironment,
      signal,
    });
    let current: LastTouched | undefined;
    let pending = '';
    let stderr = '';
    let stopped = false;
    git.stdout.setEncoding('utf8');
    git.stdout.on('data', (chunk: string) => {
      const tokens = (pending + chunk).split('\0');
      pending = tokens.pop()!;
      for (const token of tokens) {
        if (token.startsWith('\x01')) {
          const [sha, date, author] = token.slice(1).split('\x02');
          current = { commit: sha!, date: date!, author: author ?? '' };
          continue;
        }
        const path = token.replace(/^\n/, '');
        if (current && wanted.has(path) && !found.has(path)) found.set(path, current);
      }
      if (found.size === wanted.size && !stopped) {
        stopped = true;
        git.kill();
      }
    });
    git.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    git.on('error', (error) => {
      if (!stopped) reject(error);
    });
    git.on('close', (code) => {
      if (stopped || code === 0) resolve(found);
      else reject(new Error(`git log stopped: ${stderr.trim() || `exit ${code}`}`));
    });
  });
}

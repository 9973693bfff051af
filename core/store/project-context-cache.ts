import type { Database } from './database.js';

/**
 * What the rows kept may weigh in all (their JSON text): the most recently used are kept. Enough for
 * every repository of a large portfolio (a repository's rows are a few KB to a few MB), small enough
 * to stay cheap on disk. A count would not do: "Scan all" of 20 repositories evicted its own layouts.
 */
const defaultKeptBytes = 256 * 1024 * 1024;

/** The order of use, one more than the latest (a clock could give two uses the same millisecond). */
const nextUse = '(SELECT coalesce(max(used_at), 0) + 1 FROM project_contexts)';

/**
 * What the engine learned about a project, keyed by a hash of everything it depends on: its layout
 * (discovery, resolved imports: tracked paths, config file contents, engine version), and where a
 * commit's texts name its unused files. A re-scan of an unchanged layout reuses it without loading
 * the TypeScript compiler, and of an unchanged commit without searching its texts again.
 */
export class ProjectContextCache {
  constructor(
    private readonly db: Database,
    private readonly keptBytes = defaultKeptBytes,
  ) {}

  get<T>(key: string): T | undefined {
    const row = this.db.prepare<[string], { value: string }>('SELECT value FROM project_contexts WHERE key = ?').get(key);
    if (!row) return undefined;
    this.db.prepare(`UPDATE project_contexts SET used_at = ${nextUse} WHERE key = ?`).run(key);
    return JSON.parse(row.value) as T;
  }

  put(key: string, value: unknown): void {
    this.db.transaction(() => {
      this.db
        .prepare(`INSERT INTO project_contexts (key, value, used_at) VALUES (?, ?, ${nextUse}) ON CONFLICT (key) DO UPDATE SET value = excluded.value, used_at = excluded.used_at`)
        .run(key, JSON.stringify(value));
      this.db
        .prepare(
          `DELETE FROM project_contexts WHERE key IN (
             SELECT key FROM (SELECT key, sum(length(CAST(value AS TEXT))) OVER (ORDER BY used_at DESC, key ROWS UNBOUNDED PRECEDING) AS kept FROM project_contexts) AS running WHERE kept > ?)`,
        )
        .run(this.keptBytes);
    })();
  }
}

import type { Database } from './database.js';

/** Context rows kept: enough for a few branches and recent commits, small enough to stay cheap. */
const keptContexts = 50;

/**
 * What the engine learned about a project's layout (discovery, resolved imports), keyed by a hash of
 * everything it depends on: tracked paths, config file contents and the engine version. A re-scan of
 * an unchanged layout reuses it without loading the TypeScript compiler.
 */
export class ProjectContextCache {
  constructor(private readonly db: Database) {}

  get<T>(key: string): T | undefined {
    const row = this.db.prepare<[string], { value: string }>('SELECT value FROM project_contexts WHERE key = ?').get(key);
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  put(key: string, value: unknown): void {
    this.db.transaction(() => {
      this.db
        .prepare(`INSERT OR REPLACE INTO project_contexts (key, value, used_at) VALUES (?, ?, ?)`)
        .run(key, JSON.stringify(value), Date.now());
      this.db
        .prepare(`DELETE FROM project_contexts WHERE key NOT IN (SELECT key FROM project_contexts ORDER BY used_at DESC LIMIT ?)`)
        .run(keptContexts);
    })();
  }
}

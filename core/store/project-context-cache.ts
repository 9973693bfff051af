import type { Database } from './database.js';

/** Context rows kept: enough for a few branches and recent commits, small enough to stay cheap. */
const keptContexts = 50;

/**
 * What the engine learned about a project, keyed by a hash of everything it depends on: its layout
 * (discovery, resolved imports: tracked paths, config file contents, engine version), and where a
 * commit's texts name its unused files. A re-scan of an unchanged layout reuses it without loading
 * the TypeScript compiler, and of an unchanged commit without searching its texts again.
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

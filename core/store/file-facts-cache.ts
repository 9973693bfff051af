import type { FileFacts } from '../../analyzers/facts/file-facts.js';
import type { Database } from './database.js';
import { valuesTables } from './values-table.js';

/**
 * What the cache knows about one content: its facts, or why it is not analysed; a file a generator
 * wrote has both (its imports count for dead code, its code does not count as the team's).
 */
export type CachedFacts = { facts: FileFacts; generated?: string } | { excludedReason: string };

export interface FactsKey {
  blobSha: string;
  scriptKind: string;
}

/** A new cache entry: the facts as JSON text, or why the content is left out. */
export type NewCacheEntry = FactsKey & ({ factsJson: string; excludedReason?: string } | { factsJson?: undefined; excludedReason: string });

/** Facts cached by content (blob SHA + script kind) for one engine version. */
export class FileFactsCache {
  private readonly insert;

  constructor(
    private readonly db: Database,
    private readonly engineVersion: string,
  ) {
    this.insert = db.prepare(
      `INSERT INTO file_facts (blob_sha, script_kind, engine_version, facts, excluded_reason) VALUES (?, ?, ?, ?, ?) ON CONFLICT (blob_sha, script_kind, engine_version) DO UPDATE SET facts = excluded.facts, excluded_reason = excluded.excluded_reason`,
    );
  }

  /** What the cache holds for each key, by the key's position in `keys`; absent keys are missing. */
  getAll(keys: readonly FactsKey[]): Map<number, CachedFacts> {
    const found = new Map<number, CachedFacts>();
    for (const table of valuesTables(keys.map((key) => [key.blobSha, key.scriptKind]))) {
      const rows = this.db
        .prepare<unknown[], { position: number | string; facts: string | null; excluded_reason: string | null }>(
          `SELECT k.column1 AS position, f.facts, f.excluded_reason FROM ${table.sql}
           JOIN file_facts f ON f.blob_sha = k.column2 AND f.script_kind = k.column3 AND f.engine_version = ?`,
        )
        .all(...table.params, this.engineVersion);
      for (const row of rows) {
        found.set(
          Number(row.position),
          row.facts === null
            ? { excludedReason: row.excluded_reason ?? 'excluded' }
            : { facts: JSON.parse(row.facts) as FileFacts, ...(row.excluded_reason === null ? {} : { generated: row.excluded_reason }) },
        );
      }
    }
    return found;
  }

  /** Stores entries in one transaction; each row is complete on its own, so a later cancel loses nothing. */
  putAll(entries: readonly NewCacheEntry[]): void {
    this.db.transaction(() => {
      for (const entry of entries) {
        this.insert.run(entry.blobSha, entry.scriptKind, this.engineVersion, entry.factsJson ?? null, entry.excludedReason ?? null);
      }
    })();
  }
}

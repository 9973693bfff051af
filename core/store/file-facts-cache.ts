import type { FileFacts } from '../../analyzers/facts/file-facts.js';
import type { Database } from './database.js';

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
  private readonly select;
  private readonly insert;

  constructor(
    private readonly db: Database,
    private readonly engineVersion: string,
  ) {
    // One query for every key: the keys go in as a JSON array of [blob SHA, script kind] pairs.
    this.select = db.prepare<[string, string], { position: number; facts: string | null; excluded_reason: string | null }>(
      `SELECT k.key AS position, f.facts, f.excluded_reason
       FROM json_each(?) k
       JOIN file_facts f ON f.blob_sha = k.value ->> 0 AND f.script_kind = k.value ->> 1 AND f.engine_version = ?`,
    );
    this.insert = db.prepare(
      `INSERT OR REPLACE INTO file_facts (blob_sha, script_kind, engine_version, facts, excluded_reason) VALUES (?, ?, ?, ?, ?)`,
    );
  }

  /** What the cache holds for each key, by the key's position in `keys`; absent keys are missing. */
  getAll(keys: readonly FactsKey[]): Map<number, CachedFacts> {
    const rows = this.select.all(JSON.stringify(keys.map((key) => [key.blobSha, key.scriptKind])), this.engineVersion);
    return new Map(
      rows.map((row) => [
        row.position,
        row.facts === null
          ? { excludedReason: row.excluded_reason ?? 'excluded' }
          : { facts: JSON.parse(row.facts) as FileFacts, ...(row.excluded_reason === null ? {} : { generated: row.excluded_reason }) },
      ]),
    );
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

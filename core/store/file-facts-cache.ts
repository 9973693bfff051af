import type { FileFacts } from '../../analyzers/facts/file-facts.js';
import type { Database } from './database.js';

/** What the cache knows about one content: its facts, or why it is not analysed. */
export type CachedFacts = { facts: FileFacts } | { excludedReason: string };

export interface FactsKey {
  blobSha: string;
  scriptKind: string;
}

/** A new cache entry: the facts as JSON text, or why the content is left out. */
export type NewCacheEntry = FactsKey & ({ factsJson: string; excludedReason?: undefined } | { factsJson?: undefined; excludedReason: string });

/** Facts cached by content (blob SHA + script kind) for one engine version. */
export class FileFactsCache {
  private readonly select;
  private readonly insert;

  constructor(
    private readonly db: Database,
    private readonly engineVersion: string,
  ) {
    this.select = db.prepare<[string, string, string], { facts: string | null; excluded_reason: string | null }>(
      'SELECT facts, excluded_reason FROM file_facts WHERE blob_sha = ? AND script_kind = ? AND engine_version = ?',
    );
    this.insert = db.prepare(
      `INSERT OR REPLACE INTO file_facts (blob_sha, script_kind, engine_version, facts, excluded_reason) VALUES (?, ?, ?, ?, ?)`,
    );
  }

  get(key: FactsKey): CachedFacts | undefined {
    const row = this.select.get(key.blobSha, key.scriptKind, this.engineVersion);
    if (!row) return undefined;
    return row.facts === null ? { excludedReason: row.excluded_reason ?? 'excluded' } : { facts: JSON.parse(row.facts) as FileFacts };
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

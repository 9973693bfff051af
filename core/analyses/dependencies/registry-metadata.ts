import { createHash } from 'node:crypto';
import pLimit from 'p-limit';
import type { RegistryTarget } from '../../../analyzers/dependencies/npmrc.js';
import { type PackageMetadata, toPackageMetadata } from '../../../analyzers/dependencies/package-metadata.js';
import type { Database } from '../../store/database.js';
import { type RequestOptions, requestJson } from './request-json.js';

/** How the metadata of one package was obtained. */
type Via = 'network' | 'revalidated' | 'cache' | 'stale cache';

export type MetadataAnswer =
  | { status: 'found'; metadata: PackageMetadata; hash: string; fetchedAt: string; via: Via; note?: string }
  | { status: 'not-found'; fetchedAt: string; via: Via }
  | { status: 'failed'; reason: string };

interface MetadataRequest {
  name: string;
  registry: RegistryTarget;
}

export interface FetchMetadataOptions extends RequestOptions {
  db: Database;
  requests: readonly MetadataRequest[];
  /** Serve from the cache only, whatever its age. */
  offline: boolean;
  now: Date;
  /** Cached metadata younger than this is used without asking the registry (default an hour). */
  freshnessMs?: number;
  /** Requests in flight at once (default 16). */
  concurrency?: number;
  progress?: (done: number, total: number) => void;
}

const representation = 'full';

interface CachedRow {
  status: 200 | 404;
  etag: string | null;
  last_modified: string | null;
  fetched_at: string;
  metadata_hash: string | null;
  metadata: string | null;
}

/**
 * Package metadata for each request, from the SQLite cache while fresh, revalidated with the
 * registry's ETag/Last-Modified when not, fetched in full otherwise; bounded in parallel, retried
 * with backoff. A failure is the answer for that package only; when the registry cannot be reached,
 * an older cached copy is served and says so.
 */
export async function fetchMetadata(options: FetchMetadataOptions): Promise<Map<string, MetadataAnswer>> {
  const { db, requests, offline, now } = options;
  const freshnessMs = options.freshnessMs ?? 3_600_000;
  const read = db.prepare<[string, string, string], CachedRow>(
    'SELECT status, etag, last_modified, fetched_at, metadata_hash, metadata FROM registry_documents WHERE registry = ? AND name = ? AND representation = ?',
  );
  const write = db.prepare(
    `INSERT INTO registry_documents (registry, name, representation, status, etag, last_modified, fetched_at, metadata_hash, metadata)
     VALUES (@registry, @name, '${representation}', @status, @etag, @lastModified, @fetchedAt, @hash, @metadata)
     ON CONFLICT (registry, name, representation) DO UPDATE SET status = excluded.status, etag = excluded.etag,
       last_modified = excluded.last_modified, fetched_at = excluded.fetched_at, metadata_hash = excluded.metadata_hash, metadata = excluded.metadata`,
  );
  const touch = db.prepare(`UPDATE registry_documents SET fetched_at = ? WHERE registry = ? AND name = ? AND representation = '${representation}'`);

  const answers = new Map<string, MetadataAnswer>();
  const limit = pLimit(options.concurrency ?? 16);
  let done = 0;
  const fetchedAt = now.toISOString();
  const one = async ({ name, registry }: MetadataRequest): Promise<void> => {
    const cached = read.get(registry.url, name, representation);
    const fromCache = (via: Via, note?: string): MetadataAnswer =>
      cached!.status === 404
        ? { status: 'not-found', fetchedAt: cached!.fetched_at, via }
        : { status: 'found', metadata: JSON.parse(cached!.metadata!) as PackageMetadata, hash: cached!.metadata_hash!, fetchedAt: cached!.fetched_at, via, ...(note ? { note } : {}) };
    if (offline) return void answers.set(name, cached ? fromCache('cache') : { status: 'failed', reason: 'not in the cache, and Steward is offline' });
    if (cached && now.getTime() - Date.parse(cached.fetched_at) < freshnessMs) return void answers.set(name, fromCache('cache'));

    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'steward' };
    if (registry.authorization) headers['authorization'] = registry.authorization;
    if (cached?.status === 200 && cached.etag) headers['if-none-match'] = cached.etag;
    else if (cached?.status === 200 && cached.last_modified) headers['if-modified-since'] = cached.last_modified;
    const outcome = await requestJson(`${registry.url}${name.replace('/', '%2f')}`, { headers, reduce: (document) => toPackageMetadata(name, document) }, options);
    if (outcome.kind === 'not-modified' && cached) {
      touch.run(fetchedAt, registry.url, name);
      cached.fetched_at = fetchedAt;
      return void answers.set(name, fromCache('revalidated'));
    }
    if (outcome.kind === 'failed' && outcome.status === 404) {
      write.run({ registry: registry.url, name, status: 404, etag: null, lastModified: null, fetchedAt, hash: null, metadata: null });
      return void answers.set(name, { status: 'not-found', fetchedAt, via: 'network' });
    }
    if (outcome.kind === 'document') {
      const metadata = outcome.document;
      const text = JSON.stringify(metadata);
      const hash = createHash('sha1').update(text).digest('hex');
      write.run({ registry: registry.url, name, status: 200, etag: outcome.etag, lastModified: outcome.lastModified, fetchedAt, hash, metadata: text });
      return void answers.set(name, { status: 'found', metadata, hash, fetchedAt, via: 'network' });
    }
    const reason = outcome.kind === 'failed' ? outcome.reason : 'the registry answered 304 to a request without validators';
    answers.set(name, cached ? fromCache('stale cache', `${reason}; using the copy fetched ${cached.fetched_at}`) : { status: 'failed', reason });
  };
  await Promise.all(
    requests.map((request) =>
      limit(async () => {
        options.signal?.throwIfAborted();
        await one(request);
        options.progress?.(++done, requests.length);
      }),
    ),
  );
  return answers;
}


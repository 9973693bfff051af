import { createHash } from 'node:crypto';
import pLimit from 'p-limit';
import { type Advisory, fromBulkAnswer, fromOsvRecords } from '../../../analyzers/dependencies/advisories.js';
import type { RegistryTarget } from '../../../analyzers/dependencies/npmrc.js';
import type { Database } from '../../store/database.js';
import { type RequestOptions, requestJson } from './request-json.js';

/** What one advisory source said: its advisories, or why it could not be asked. */
interface SourceOutcome {
  source: string;
  status: 'checked' | 'unavailable';
  /** Why it is unavailable, or where the answer came from (the cache, its age). */
  note?: string;
  advisories: Advisory[];
}

interface FetchAdvisoriesOptions extends RequestOptions {
  db: Database;
  /** Every installed package version of the tree, by name. */
  installed: ReadonlyMap<string, readonly string[]>;
  /** The default registry, whose audit endpoint npm asks. */
  registry: RegistryTarget;
  /** OSV's API (https://api.osv.dev/), asked when the registry has no audit endpoint; null not to ask. */
  osvUrl: string | null;
  offline: boolean;
  now: Date;
  /** An answer younger than this is used again without asking (default an hour). */
  freshnessMs?: number;
}

/** Packages per OSV query batch (OSV accepts up to 1,000). */
const osvBatch = 1000;

/**
 * Advisories for the installed tree: npm's bulk advisory endpoint on the registry (the request npm
 * audit makes); OSV's query API when the registry has none. Answers are cached per tree and served
 * offline; a source that cannot be asked says why instead of answering "none".
 */
export async function fetchAdvisories(options: FetchAdvisoriesOptions): Promise<SourceOutcome> {
  const { db, installed, registry, now } = options;
  const request = Object.fromEntries([...installed].sort(([a], [b]) => a.localeCompare(b)).map(([name, versions]) => [name, [...versions].sort()]));
  const requestHash = createHash('sha1').update(JSON.stringify(request)).digest('hex');
  const npmSource = `npm audit endpoint of ${registry.url}`;
  const npm = await cached(npmSource, requestHash, async () => {
    const outcome = await requestJson(`${registry.url}-/npm/v1/security/advisories/bulk`, { headers: authorized(registry), body: request }, options);
    if (outcome.kind !== 'document') return outcome.kind === 'failed' && outcome.status === 405 ? 'the registry has no audit endpoint (HTTP 405)' : reasonOf(outcome);
    return fromBulkAnswer(outcome.document);
  });
  if (npm.status === 'checked' || !options.osvUrl) return npm;
  const osv = await cached(`OSV (${options.osvUrl})`, requestHash, () => queryOsv(options.osvUrl!, request, options));
  return osv.status === 'checked' ? osv : { ...osv, note: `${npm.source}: ${npm.note}; ${osv.source}: ${osv.note}`, source: 'none' };

  async function cached(source: string, hash: string, ask: () => Promise<Advisory[] | string>): Promise<SourceOutcome> {
    const row = db.prepare<[string, string], { fetched_at: string; advisories: string }>('SELECT fetched_at, advisories FROM advisory_answers WHERE source = ? AND request_hash = ?').get(source, hash);
    const fromCache = (note: string): SourceOutcome => ({ source, status: 'checked', note, advisories: JSON.parse(row!.advisories) as Advisory[] });
    if (row && (options.offline || now.getTime() - Date.parse(row.fetched_at) < (options.freshnessMs ?? 3_600_000))) return fromCache(`answer of ${row.fetched_at}, from the cache`);
    if (options.offline) return { source, status: 'unavailable', note: 'offline, and no answer for this tree in the cache', advisories: [] };
    let answer: Advisory[] | string;
    try {
      answer = await ask();
    } catch (error) {
      options.signal?.throwIfAborted();
      answer = (error as Error).message;
    }
    if (typeof answer === 'string') return row ? fromCache(`${answer}; using the answer of ${row.fetched_at}`) : { source, status: 'unavailable', note: answer, advisories: [] };
    db.prepare(`INSERT INTO advisory_answers (source, request_hash, fetched_at, advisories) VALUES (?, ?, ?, ?) ON CONFLICT (source, request_hash) DO UPDATE SET fetched_at = excluded.fetched_at, advisories = excluded.advisories`).run(source, hash, now.toISOString(), JSON.stringify(answer));
    db.prepare(`DELETE FROM advisory_answers WHERE fetched_at < ?`).run(new Date(now.getTime() - 30 * 86_400_000).toISOString());
    return { source, status: 'checked', advisories: answer };
  }
}

/** OSV: which versions have vulnerabilities (querybatch), then each vulnerability's record. */
async function queryOsv(url: string, request: Record<string, string[]>, options: RequestOptions): Promise<Advisory[] | string> {
  const queries = Object.entries(request).flatMap(([name, versions]) => versions.map((version) => ({ package: { name, ecosystem: 'npm' }, version })));
  const ids = new Set<string>();
  for (let start = 0; start < queries.length; start += osvBatch) {
    const outcome = await requestJson(`${url}v1/querybatch`, { headers: {}, body: { queries: queries.slice(start, start + osvBatch) }, server: 'OSV' }, options);
    if (outcome.kind !== 'document') return reasonOf(outcome);
    const results = (outcome.document as { results?: { vulns?: { id: string }[] }[] }).results ?? [];
    for (const result of results) for (const vuln of result.vulns ?? []) ids.add(vuln.id);
  }
  const limit = pLimit(8);
  const outcomes = await Promise.all([...ids].map((id) => limit(() => requestJson(`${url}v1/vulns/${encodeURIComponent(id)}`, { headers: {}, server: 'OSV' }, options))));
  const failed = outcomes.find((outcome) => outcome.kind !== 'document');
  if (failed) return reasonOf(failed as Exclude<typeof failed, { kind: 'document' }>);
  return fromOsvRecords(outcomes.map((outcome) => (outcome as { document: unknown }).document));
}

function authorized(registry: RegistryTarget): Record<string, string> {
  return registry.authorization ? { authorization: registry.authorization } : {};
}

function reasonOf(outcome: { kind: 'failed'; reason: string } | { kind: 'not-modified' }): string {
  return outcome.kind === 'failed' ? outcome.reason : 'an unexpected 304 answer';
}

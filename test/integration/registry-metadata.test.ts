import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readNpmConfig } from '../../analyzers/dependencies/npmrc.js';
import { type FetchMetadataOptions, type MetadataAnswer, fetchMetadata } from '../../core/analyses/dependencies/registry-metadata.js';
import { ServerWatch } from '../../core/analyses/dependencies/server-watch.js';
import { type Database, openDatabase } from '../../core/store/database.js';
import { type FixturePackage, type FixtureRegistry, type FixtureRegistryOptions, startFixtureRegistry } from '../support/fixture-registry.js';

let dir: string;
let db: Database;
let registry: FixtureRegistry | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'steward-registry-'));
  db = openDatabase(join(dir, 'steward.db'));
});

afterEach(async () => {
  await registry?.close();
  registry = undefined;
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const pkg = (name: string, ...versions: [string, string][]): FixturePackage => ({ name, versions: versions.map(([version, time]) => ({ version, time })) });
const packages = [pkg('left-pad', ['1.0.0', '2020-01-01T00:00:00.000Z'], ['1.1.0', '2021-06-01T00:00:00.000Z']), pkg('@acme/ui', ['3.0.0', '2023-03-03T00:00:00.000Z'])];

async function fetchAll(names: string[], overrides: Partial<FetchMetadataOptions> = {}, registryOptions: Partial<FixtureRegistryOptions> = {}): Promise<Map<string, MetadataAnswer>> {
  registry ??= await startFixtureRegistry({ packages, ...registryOptions });
  const config = readNpmConfig({ env: { TOKEN: 'sesame' }, override: { url: registry.url, source: '--registry' }, user: registryOptions.token ? `//127.0.0.1:${new URL(registry.url).port}/:_authToken=\${TOKEN}` : undefined });
  return fetchMetadata({
    db,
    requests: names.map((name) => ({ name, registry: config.registryFor(name) })),
    offline: false,
    now: new Date('2024-05-01T12:00:00Z'),
    timeoutMs: 500,
    retries: 1,
    ...overrides,
  });
}

const via = (answers: Map<string, MetadataAnswer>): Record<string, string> =>
  Object.fromEntries([...answers].map(([name, answer]) => [name, answer.status === 'failed' ? `failed: ${answer.reason}` : `${answer.status} via ${answer.via}`]));

describe('package metadata from a registry', () => {
  it('fetches once, serves from the cache while fresh, then revalidates with the ETag (304)', async () => {
    const first = await fetchAll(['left-pad', '@acme/ui']);
    expect(via(first)).toEqual({ 'left-pad': 'found via network', '@acme/ui': 'found via network' });
    const leftPad = first.get('left-pad');
    expect(leftPad?.status === 'found' && leftPad.metadata.versions.map((v) => [v.version, v.time])).toEqual([
      ['1.0.0', '2020-01-01T00:00:00.000Z'],
      ['1.1.0', '2021-06-01T00:00:00.000Z'],
    ]);
    expect(registry!.requests.get('/@acme%2fui')).toBe(1);

    const fresh = await fetchAll(['left-pad', '@acme/ui'], { now: new Date('2024-05-01T12:30:00Z') });
    expect(via(fresh)).toEqual({ 'left-pad': 'found via cache', '@acme/ui': 'found via cache' });
    expect(registry!.requests.get('/left-pad')).toBe(1);

    const later = await fetchAll(['left-pad', '@acme/ui'], { now: new Date('2024-05-02T12:00:00Z') });
    expect(via(later)).toEqual({ 'left-pad': 'found via revalidated', '@acme/ui': 'found via revalidated' });
    expect(registry!.notModified).toBe(2);
  });

  it('sees a new release at revalidation', async () => {
    await fetchAll(['left-pad']);
    registry!.publish(pkg('left-pad', ['1.0.0', '2020-01-01T00:00:00.000Z'], ['1.1.0', '2021-06-01T00:00:00.000Z'], ['2.0.0', '2024-05-01T00:00:00.000Z']));
    const answer = (await fetchAll(['left-pad'], { now: new Date('2024-05-03T00:00:00Z') })).get('left-pad');
    expect(answer?.status === 'found' && [answer.via, answer.metadata.distTags['latest']]).toEqual(['network', '2.0.0']);
  });

  it('answers per package: 404, a server error after retries, invalid JSON, silence, a blip retried', async () => {
    const answers = await fetchAll(['left-pad', 'nope', 'broken', 'garbled', 'silent', 'flaky'], {}, {
      packages: [...packages, pkg('broken', ['1.0.0', '2020-01-01T00:00:00Z']), pkg('garbled', ['1.0.0', '2020-01-01T00:00:00Z']), pkg('silent', ['1.0.0', '2020-01-01T00:00:00Z']), pkg('flaky', ['1.0.0', '2020-01-01T00:00:00Z'])],
      failures: { broken: 'server-error', garbled: 'invalid-json', silent: 'timeout', flaky: 'fail-once' },
    });
    expect(via(answers)).toEqual({
      'left-pad': 'found via network',
      nope: 'not-found via network',
      broken: 'failed: the registry answered HTTP 500, 2 attempts',
      garbled: 'failed: the registry sent invalid JSON, 2 attempts',
      silent: 'failed: no answer within 0.5 s, 2 attempts',
      flaky: 'found via network',
    });
  });

  it('cuts off an answer that never ends, by time or by size, without holding it', async () => {
    const answers = await fetchAll(['left-pad', 'drip', 'endless'], { budgetMs: 1500, maxBytes: 1024 * 1024, retries: 0 }, {
      packages: [...packages, pkg('drip', ['1.0.0', '2020-01-01T00:00:00Z']), pkg('endless', ['1.0.0', '2020-01-01T00:00:00Z'])],
      failures: { drip: 'drip', endless: 'endless' },
    });
    expect(via(answers)).toEqual({
      'left-pad': 'found via network',
      drip: 'failed: the answer took longer than 1.5 s',
      endless: 'failed: the registry sent a document larger than 1 MB (not read)',
    });
  });

  it('gives up on a registry that left three requests in a row unanswered, and does not ask it again in that check', async () => {
    const names = Array.from({ length: 8 }, (_, index) => `silent-${index}`);
    const servers = new ServerWatch();
    const answers = await fetchAll(names, { concurrency: 1, servers }, {
      packages: names.map((name) => pkg(name, ['1.0.0', '2020-01-01T00:00:00Z'])),
      failures: Object.fromEntries(names.map((name) => [name, 'timeout'])),
    });
    const asked = [...registry!.requests.values()].reduce((sum, count) => sum + count, 0);
    expect(asked).toBe(3);
    expect(via(answers)).toEqual({
      'silent-0': 'failed: no answer within 0.5 s, 2 attempts',
      'silent-1': 'failed: no answer within 0.5 s; then the registry left 3 requests in a row unanswered (the last: no answer within 0.5 s)',
      ...Object.fromEntries(names.slice(2).map((name) => [name, 'failed: not asked: the registry left 3 requests in a row unanswered (the last: no answer within 0.5 s)'])),
    });
  });

  it('serves an older cached copy, and says so, when the registry cannot be reached', async () => {
    await fetchAll(['left-pad']);
    await registry!.close();
    const answer = (await fetchAll(['left-pad'], { now: new Date('2024-05-09T00:00:00Z') })).get('left-pad');
    expect(answer?.status === 'found' && [answer.via, answer.note]).toEqual(['stale cache', expect.stringMatching(/could not be reached.*using the copy fetched 2024-05-01T12:00:00.000Z/)]);
  });

  it('offline: the cache whatever its age, and names what it does not have', async () => {
    await fetchAll(['left-pad']);
    const answers = await fetchAll(['left-pad', '@acme/ui'], { offline: true, now: new Date('2025-01-01T00:00:00Z') });
    expect(via(answers)).toEqual({ 'left-pad': 'found via cache', '@acme/ui': 'failed: not in the cache, and Steward is offline' });
    expect(registry!.requests.get('/@acme%2fui')).toBeUndefined();
  });

  it('sends the token from .npmrc to its registry', async () => {
    expect(via(await fetchAll(['left-pad'], {}, { token: 'sesame' }))).toEqual({ 'left-pad': 'found via network' });
    await registry!.close();
    registry = await startFixtureRegistry({ packages, token: 'other' });
    expect(via(await fetchAll(['left-pad'], {}, { token: 'sesame' }))).toEqual({ 'left-pad': 'failed: the registry answered HTTP 401 (check the credentials in .npmrc)' });
  });
});

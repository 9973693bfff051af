import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchAdvisories } from '../../core/analyses/dependencies/fetch-advisories.js';
import { type Database, openDatabase } from '../../core/store/database.js';
import { type FixtureRegistry, startFixtureRegistry } from '../support/fixture-registry.js';
import { temporaryDirectory } from '../support/git-fixture.js';

let dir: string;
let db: Database;
let registry: FixtureRegistry;

beforeEach(() => {
  dir = temporaryDirectory('steward-advisories-');
  db = openDatabase(join(dir, 'steward.db'));
});

afterEach(async () => {
  await registry.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const installed = new Map([
  ['minimist', ['1.2.0']],
  ['left-pad', ['1.3.0']],
]);
const osvRecord = {
  id: 'GHSA-xvch-5gv4-984h',
  summary: 'Prototype Pollution in minimist',
  database_specific: { severity: 'CRITICAL' },
  severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
  references: [{ type: 'ADVISORY', url: 'https://nvd.nist.gov/vuln/detail/CVE-2021-44906' }],
  affected: [{ package: { name: 'minimist', ecosystem: 'npm' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.2.6' }] }] }],
};

const ask = (overrides: Partial<Parameters<typeof fetchAdvisories>[0]> = {}) =>
  fetchAdvisories({ db, installed, registry: { url: registry.url }, osvUrl: registry.url, offline: false, now: new Date('2025-01-01T00:00:00Z'), retries: 0, ...overrides });

describe('advisory sources', () => {
  it("asks OSV when the registry has no audit endpoint, and keeps the answer for offline use", async () => {
    registry = await startFixtureRegistry({ packages: [], auditStatus: 405, osv: [osvRecord] });
    const answer = await ask();
    expect([answer.status, answer.source]).toEqual(['checked', `OSV (${registry.url})`]);
    expect(answer.advisories).toEqual([
      { id: 'GHSA-xvch-5gv4-984h', package: 'minimist', severity: 'critical', title: 'Prototype Pollution in minimist', url: 'https://nvd.nist.gov/vuln/detail/CVE-2021-44906', vulnerableVersions: '>=0.0.0-0 <1.2.6', cvss: 9.8 },
    ]);
    const offline = await ask({ offline: true, now: new Date('2025-03-01T00:00:00Z') });
    expect([offline.status, offline.note, offline.advisories.length]).toEqual(['checked', 'answer of 2025-01-01T00:00:00.000Z, from the cache', 1]);
  });

  it('says why when no source can be asked, instead of answering none', async () => {
    registry = await startFixtureRegistry({ packages: [], auditStatus: 405 });
    await registry.close();
    const answer = await ask();
    expect(answer.status).toBe('unavailable');
    expect(answer.note).toMatch(/^npm audit endpoint of .*: the registry could not be reached \(ECONNREFUSED\); OSV \(.*\): OSV could not be reached \(ECONNREFUSED\)$/);
    expect(answer.advisories).toEqual([]);
    registry = await startFixtureRegistry({ packages: [] });
  });
});

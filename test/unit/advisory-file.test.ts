import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StewardError } from '../../core/api/errors.js';
import { readAdvisoryFile } from '../../core/analyses/dependencies/advisory-file.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'steward-advisory-file-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

const osvRecord = {
  id: 'GHSA-35jh-r3h4-6jhm',
  summary: 'Command Injection in lodash',
  database_specific: { severity: 'HIGH' },
  severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H' }],
  references: [{ type: 'ADVISORY', url: 'https://nvd.nist.gov/vuln/detail/CVE-2021-23337' }],
  affected: [{ package: { ecosystem: 'npm', name: 'lodash' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '4.17.21' }] }] }],
};
const lodashAdvisory = {
  id: 'GHSA-35jh-r3h4-6jhm',
  package: 'lodash',
  severity: 'high',
  title: 'Command Injection in lodash',
  url: 'https://nvd.nist.gov/vuln/detail/CVE-2021-23337',
  vulnerableVersions: '>=0.0.0-0 <4.17.21',
  cvss: 7.2,
};
const minimistRecord = {
  id: 'GHSA-xvch-5gv4-984h',
  summary: 'Prototype Pollution in minimist',
  database_specific: { severity: 'CRITICAL' },
  affected: [{ package: { ecosystem: 'npm', name: 'minimist' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '1.0.0' }, { fixed: '1.2.6' }] }] }],
};
const minimistAdvisory = {
  id: 'GHSA-xvch-5gv4-984h',
  package: 'minimist',
  severity: 'critical',
  title: 'Prototype Pollution in minimist',
  url: 'https://osv.dev/vulnerability/GHSA-xvch-5gv4-984h',
  vulnerableVersions: '>=1.0.0 <1.2.6',
  // The record gives no CVSS vector.
  cvss: null,
};

async function rejection(path: string): Promise<StewardError> {
  const error: unknown = await readAdvisoryFile(path).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof StewardError)) throw new Error(`expected a StewardError, got ${String(error)}`);
  return error;
}

describe('readAdvisoryFile', () => {
  it('reads npm audit --json (v2), keeping the advisories and skipping the packages that only pass one on', async () => {
    const path = write('audit-v2.json', {
      auditReportVersion: 2,
      vulnerabilities: {
        lodash: {
          name: 'lodash',
          severity: 'high',
          via: [
            {
              source: 1096,
              name: 'lodash',
              dependency: 'lodash',
              title: 'Command Injection',
              url: 'https://github.com/advisories/GHSA-35jh-r3h4-6jhm',
              severity: 'high',
              cvss: { score: 7.2, vectorString: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H' },
              range: '<4.17.21',
            },
          ],
          range: '<4.17.21',
        },
        grunt: { name: 'grunt', severity: 'high', via: ['lodash'], range: '0.4.0 - 1.0.0' },
      },
    });
    expect(await readAdvisoryFile(path)).toEqual({
      path,
      advisories: [{ id: '1096', package: 'lodash', severity: 'high', title: 'Command Injection', url: 'https://github.com/advisories/GHSA-35jh-r3h4-6jhm', vulnerableVersions: '<4.17.21', cvss: 7.2 }],
    });
  });

  it('reads npm audit --json (v1)', async () => {
    const path = write('audit-v1.json', { advisories: { '118': { id: 118, module_name: 'minimatch', severity: 'high', title: 'ReDoS', url: 'https://npmjs.com/advisories/118', vulnerable_versions: '<=3.0.1' } } });
    expect((await readAdvisoryFile(path)).advisories).toEqual([{ id: '118', package: 'minimatch', severity: 'high', title: 'ReDoS', url: 'https://npmjs.com/advisories/118', vulnerableVersions: '<=3.0.1', cvss: null }]);
  });

  it('reads a list of OSV records, and a single one', async () => {
    const list = write('osv-list.json', [osvRecord, minimistRecord]);
    expect(await readAdvisoryFile(list)).toEqual({ path: list, advisories: [lodashAdvisory, minimistAdvisory] });
    expect((await readAdvisoryFile(write('osv-one.json', osvRecord))).advisories).toEqual([lodashAdvisory]);
  });

  it("reads osv-scanner's output: results[].packages[].vulnerabilities[]", async () => {
    const path = write('osv-scanner.json', {
      results: [
        {
          source: { path: '/repo/package-lock.json', type: 'lockfile' },
          packages: [
            { package: { name: 'lodash', version: '4.17.15', ecosystem: 'npm' }, vulnerabilities: [osvRecord], groups: [] },
            { package: { name: 'left-pad', version: '1.3.0', ecosystem: 'npm' } },
          ],
        },
        { source: { path: '/repo/packages/cli/package-lock.json' }, packages: [{ package: { name: 'minimist' }, vulnerabilities: [minimistRecord] }] },
        'junk',
      ],
    });
    expect((await readAdvisoryFile(path)).advisories).toEqual([lodashAdvisory, minimistAdvisory]);
  });

  it('says so when the file does not exist', async () => {
    const path = join(dir, 'missing.json');
    const error = await rejection(path);
    expect([error.code, error.message]).toEqual(['invalid-input', `Cannot read the advisory file ${path}: no such file`]);
  });

  it('passes on why a file is not JSON', async () => {
    const path = write('broken.json', '{ "vulnerabilities": ');
    const error = await rejection(path);
    expect(error.code).toBe('invalid-input');
    const prefix = `Cannot read the advisory file ${path}: `;
    expect(error.message.startsWith(prefix) && error.message.length > prefix.length).toBe(true);
    expect(error.message).not.toContain('no such file');
  });

  it('rejects JSON of another shape', async () => {
    for (const [name, content] of [
      ['other.json', { name: 'app', version: '1.0.0' }],
      ['string.json', '"advisories"'],
      ['null.json', 'null'],
      ['results-not-a-list.json', { results: { packages: [] } }],
    ] as const) {
      const path = write(name, content);
      const error = await rejection(path);
      expect([error.code, error.message]).toEqual(['invalid-input', `${path} is neither npm audit JSON nor OSV JSON`]);
    }
  });
});

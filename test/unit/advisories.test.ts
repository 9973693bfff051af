import { describe, expect, it } from 'vitest';
import { type Advisory, type Severity, fromBulkAnswer, fromNpmAuditReport, fromOsvRecords, matchAdvisories } from '../../analyzers/dependencies/advisories.js';

describe('fromBulkAnswer', () => {
  it("reads npm's bulk advisory answer, skipping entries without a range and lists that are not lists", () => {
    const advisories = fromBulkAnswer({
      lodash: [
        {
          id: 1106913,
          url: 'https://github.com/advisories/GHSA-jf85-cpcp-j695',
          title: 'Prototype Pollution in lodash',
          severity: 'critical',
          vulnerable_versions: '<4.17.12',
          cwe: ['CWE-20'],
          cvss: { score: 9.1 },
        },
        { id: 2, severity: 'unheard-of', vulnerable_versions: '>=1.0.0' },
        { id: 3, title: 'no range' },
        'junk',
      ],
      minimist: 'not a list',
      '@scope/pkg': [{ url: 'https://example.test/advisory', severity: 'LOW', title: 42, vulnerable_versions: '<1.0.0' }],
    });
    expect(advisories).toEqual([
      {
        id: '1106913',
        package: 'lodash',
        severity: 'critical',
        title: 'Prototype Pollution in lodash',
        url: 'https://github.com/advisories/GHSA-jf85-cpcp-j695',
        vulnerableVersions: '<4.17.12',
        // npm's score, with no vector to compute one from.
        cvss: 9.1,
      },
      // An unknown severity counts as moderate; no title, no URL.
      { id: '2', package: 'lodash', severity: 'moderate', title: '', url: null, vulnerableVersions: '>=1.0.0', cvss: null },
      // No id: the URL is the id. Severity is read case-insensitively; a title that is not a string is none.
      { id: 'https://example.test/advisory', package: '@scope/pkg', severity: 'low', title: '', url: 'https://example.test/advisory', vulnerableVersions: '<1.0.0', cvss: null },
    ]);
  });

  it('throws for an answer that is not a JSON object', () => {
    expect(() => fromBulkAnswer([])).toThrow('something other than a JSON object');
    expect(() => fromBulkAnswer('Service Unavailable')).toThrow('something other than a JSON object');
    expect(() => fromBulkAnswer(null)).toThrow('something other than a JSON object');
  });
});

describe('CVSS base scores', () => {
  const bulk = (cvss: unknown) => fromBulkAnswer({ p: [{ id: 1, severity: 'high', vulnerable_versions: '<1.0.0', cvss }] })[0]?.cvss;
  const osv = (severity: unknown, affectedSeverity?: unknown) =>
    fromOsvRecords([{ id: 'GHSA-x', severity, affected: [{ package: { ecosystem: 'npm', name: 'p' }, severity: affectedSeverity, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.0.0' }] }] }] }])[0]?.cvss;

  it("computes npm's score from its vector (FIRST's formulas), keeps a bare score above 0, and has none for npm's 0 or garbage", () => {
    expect([
      bulk({ score: 1.0, vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }),
      bulk({ score: 5.3, vectorString: null }),
      bulk({ score: 0, vectorString: null }),
      bulk({ score: 11 }),
      bulk({ vectorString: 'CVSS:3.1/AV:N/AC:L' }),
      bulk('9.8'),
    ]).toEqual([9.8, 5.3, null, null, null, null]);
  });

  it('reads OSV severity vectors of CVSS 2, 3.0, 3.1 and 4.0, the newest version first, the affected package before the record', () => {
    expect([
      osv([{ type: 'CVSS_V3', score: 'CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N' }]),
      osv([{ type: 'CVSS_V2', score: 'AV:N/AC:L/Au:N/C:P/I:P/A:P' }]),
      osv([
        { type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' },
        { type: 'CVSS_V4', score: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' },
      ]),
      osv([{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }], [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N' }]),
      osv([{ type: 'Ubuntu', score: 'high' }]),
      osv(undefined),
    ]).toEqual([4.3, 7.5, 9.3, 1.8, null, null]);
  });
});

describe('fromNpmAuditReport', () => {
  it('reads the v2 report: the objects in via are the advisories, the strings are skipped', () => {
    const report = {
      auditReportVersion: 2,
      vulnerabilities: {
        lodash: {
          name: 'lodash',
          severity: 'critical',
          isDirect: false,
          via: [
            {
              source: 1106913,
              name: 'lodash',
              dependency: 'lodash',
              title: 'Prototype Pollution in lodash',
              url: 'https://github.com/advisories/GHSA-jf85-cpcp-j695',
              severity: 'critical',
              cwe: ['CWE-20'],
              range: '<4.17.12',
            },
            { source: 1096, name: 'lodash', dependency: 'lodash', title: 'Command Injection in lodash', url: 'https://github.com/advisories/GHSA-35jh-r3h4-6jhm', severity: 'high', range: '<4.17.21' },
          ],
          effects: ['grunt-legacy'],
          range: '<=4.17.20',
          fixAvailable: true,
        },
        'grunt-legacy': { name: 'grunt-legacy', severity: 'critical', isDirect: true, via: ['lodash'], effects: [], range: '0.1.0 - 2.0.0', fixAvailable: false },
        broken: { name: 'broken', via: 'not a list' },
      },
      metadata: { vulnerabilities: { critical: 2 } },
    };
    expect(fromNpmAuditReport(report)).toEqual([
      {
        id: '1106913',
        package: 'lodash',
        severity: 'critical',
        title: 'Prototype Pollution in lodash',
        url: 'https://github.com/advisories/GHSA-jf85-cpcp-j695',
        vulnerableVersions: '<4.17.12',
        cvss: null,
      },
      { id: '1096', package: 'lodash', severity: 'high', title: 'Command Injection in lodash', url: 'https://github.com/advisories/GHSA-35jh-r3h4-6jhm', vulnerableVersions: '<4.17.21', cvss: null },
    ]);
  });

  it('reads the v1 report: advisories by id with module_name and vulnerable_versions', () => {
    const report = {
      advisories: {
        '118': {
          id: 118,
          module_name: 'minimatch',
          severity: 'high',
          title: 'Regular Expression Denial of Service',
          url: 'https://npmjs.com/advisories/118',
          vulnerable_versions: '<=3.0.1',
          findings: [{ version: '3.0.0', paths: ['glob>minimatch'] }],
        },
        '577': { id: 577, module_name: 'lodash', severity: 'low', vulnerable_versions: '<4.17.5' },
        '999': { id: 999, severity: 'high', vulnerable_versions: '<1.0.0' },
      },
      metadata: {},
    };
    expect(fromNpmAuditReport(report)).toEqual([
      { id: '118', package: 'minimatch', severity: 'high', title: 'Regular Expression Denial of Service', url: 'https://npmjs.com/advisories/118', vulnerableVersions: '<=3.0.1', cvss: null },
      { id: '577', package: 'lodash', severity: 'low', title: '', url: null, vulnerableVersions: '<4.17.5', cvss: null },
    ]);
  });

  it('finds nothing in a report without either shape', () => {
    expect(fromNpmAuditReport({ error: { code: 'ENOLOCK' } })).toEqual([]);
  });
});

describe('fromOsvRecords', () => {
  it("turns introduced '0'/fixed into a range from the very first version, and takes the ADVISORY reference", () => {
    const advisories = fromOsvRecords([
      {
        id: 'GHSA-35jh-r3h4-6jhm',
        summary: 'Command Injection in lodash',
        database_specific: { severity: 'MEDIUM' },
        references: [
          { type: 'WEB', url: 'https://example.test/blog' },
          { type: 'ADVISORY', url: 'https://nvd.nist.gov/vuln/detail/CVE-2021-23337' },
        ],
        affected: [
          { package: { ecosystem: 'npm', name: 'lodash' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '4.17.21' }] }] },
          { package: { ecosystem: 'PyPI', name: 'lodash' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.0.0' }] }] },
        ],
      },
    ]);
    expect(advisories).toEqual([
      {
        id: 'GHSA-35jh-r3h4-6jhm',
        package: 'lodash',
        severity: 'moderate',
        title: 'Command Injection in lodash',
        url: 'https://nvd.nist.gov/vuln/detail/CVE-2021-23337',
        vulnerableVersions: '>=0.0.0-0 <4.17.21',
        cvss: null,
      },
    ]);
  });

  it('joins several introduced/fixed pairs, last_affected and an open end with ||', () => {
    const [advisory] = fromOsvRecords([
      {
        id: 'GHSA-multi',
        database_specific: { severity: 'HIGH' },
        references: [{ type: 'WEB', url: 'https://example.test/first' }],
        affected: [
          {
            package: { ecosystem: 'npm', name: 'minimist' },
            ranges: [
              { type: 'SEMVER', events: [{ introduced: '1.0.0' }, { fixed: '1.2.3' }, { introduced: '2.0.0' }, { last_affected: '2.0.4' }, { introduced: '3.0.0' }] },
              { type: 'GIT', repo: 'https://github.com/x/minimist', events: [{ introduced: 'abc123' }, { fixed: 'def456' }] },
            ],
          },
        ],
      },
    ]);
    // No ADVISORY reference: the first one.
    expect(advisory).toEqual({
      id: 'GHSA-multi',
      package: 'minimist',
      severity: 'high',
      title: '',
      url: 'https://example.test/first',
      vulnerableVersions: '>=1.0.0 <1.2.3 || >=2.0.0 <=2.0.4 || >=3.0.0',
      cvss: null,
    });
  });

  it('falls back to the explicit version list and to the osv.dev page, and skips what it cannot use', () => {
    const advisories = fromOsvRecords([
      { id: 'OSV-2024-1', database_specific: { severity: 'CRITICAL' }, affected: [{ package: { ecosystem: 'npm', name: 'left-pad' }, versions: ['1.0.0', '1.0.1'] }] },
      { id: 'OSV-2024-2', affected: [{ package: { ecosystem: 'npm', name: 'nothing-known' } }] },
      { id: 'OSV-2024-3', summary: 'no affected list' },
      { summary: 'no id', affected: [{ package: { ecosystem: 'npm', name: 'x' }, versions: ['1.0.0'] }] },
      { id: 'OSV-2024-4', affected: [{ package: { ecosystem: 'npm', name: 'only-git' }, ranges: [{ type: 'GIT', events: [{ introduced: '0' }, { fixed: 'abc' }] }] }] },
      'junk',
    ]);
    expect(advisories).toEqual([
      { id: 'OSV-2024-1', package: 'left-pad', severity: 'critical', title: '', url: 'https://osv.dev/vulnerability/OSV-2024-1', vulnerableVersions: '1.0.0 || 1.0.1', cvss: null },
    ]);
  });

  it('counts a record without a severity as moderate', () => {
    const [advisory] = fromOsvRecords([{ id: 'X-1', affected: [{ package: { ecosystem: 'npm', name: 'a' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '2.1.0' }] }] }] }]);
    expect([advisory?.severity, advisory?.vulnerableVersions]).toEqual(['moderate', '>=2.1.0']);
  });
});

describe('matchAdvisories', () => {
  const advisory = (id: string, name: string, severity: Severity, vulnerableVersions: string): Advisory => ({ id, package: name, severity, title: `${id} title`, url: `https://example.test/${id}`, vulnerableVersions, cvss: null });
  const noPaths = (): string[][] => [];

  it('takes the fix from the <X bound of the comparator set the version is in, and says whether it is a new major', () => {
    const found = matchAdvisories(
      [advisory('L', 'lodash', 'high', '<4.17.21'), advisory('M', 'minimist', 'moderate', '<0.2.1 || >=1.0.0 <1.2.3')],
      new Map([
        ['lodash', ['3.10.1', '4.17.15', '4.17.21']],
        ['minimist', ['0.0.8', '1.2.0', '1.2.6']],
      ]),
      noPaths,
    );
    expect(found.map((vulnerability) => [vulnerability.package, vulnerability.installed, vulnerability.fixedIn, vulnerability.fixIsMajor])).toEqual([
      ['lodash', '3.10.1', '4.17.21', true],
      ['lodash', '4.17.15', '4.17.21', false],
      ['minimist', '0.0.8', '0.2.1', false],
      ['minimist', '1.2.0', '1.2.3', false],
    ]);
    expect(found[0]).toEqual({ ...advisory('L', 'lodash', 'high', '<4.17.21'), installed: '3.10.1', fixedIn: '4.17.21', fixIsMajor: true, paths: [] });
  });

  it('has no fix for a <=X range, nor when a later comparator set still catches the bound', () => {
    const found = matchAdvisories(
      [advisory('A', 'axios', 'low', '<=0.21.1'), advisory('B', 'braces', 'low', '<1.2.0 || >=1.2.0 <1.3.0')],
      new Map([
        ['axios', ['0.21.1']],
        ['braces', ['1.0.0']],
      ]),
      noPaths,
    );
    expect(found.map((vulnerability) => [vulnerability.package, vulnerability.fixedIn, vulnerability.fixIsMajor])).toEqual([
      ['axios', null, null],
      ['braces', null, null],
    ]);
  });

  it('matches prereleases of the installed version and skips advisories whose range is not one', () => {
    const found = matchAdvisories(
      [advisory('P', 'pre', 'high', '<1.0.0'), advisory('Z', 'pre', 'critical', 'not a range')],
      new Map([['pre', ['1.0.0-beta.1', '1.0.0']]]),
      noPaths,
    );
    expect(found.map((vulnerability) => [vulnerability.id, vulnerability.installed, vulnerability.fixedIn, vulnerability.fixIsMajor])).toEqual([['P', '1.0.0-beta.1', '1.0.0', false]]);
  });

  it('sorts by severity, then package, advisory and installed version, once per advisory and version', () => {
    const lodash = advisory('GHSA-l1', 'lodash', 'high', '<4.17.21');
    const found = matchAdvisories(
      [
        advisory('GHSA-a', 'axios', 'low', '<=0.21.1'),
        lodash,
        advisory('GHSA-m', 'minimist', 'moderate', '<1.2.6'),
        advisory('GHSA-l2', 'lodash', 'critical', '>=4.0.0 <4.17.19'),
        advisory('GHSA-e', 'express', 'high', '<4.0.0'),
        advisory('GHSA-l0', 'lodash', 'high', '<4.17.16'),
        // The same advisory from a second source.
        { ...lodash },
        advisory('GHSA-n', 'not-installed', 'critical', '<9.0.0'),
      ],
      new Map([
        ['axios', ['0.21.1']],
        ['lodash', ['4.17.15', '3.10.1']],
        ['minimist', ['1.2.0']],
        ['express', ['3.0.0']],
      ]),
      noPaths,
    );
    expect(found.map((vulnerability) => `${vulnerability.severity} ${vulnerability.id} ${vulnerability.package}@${vulnerability.installed}`)).toEqual([
      'critical GHSA-l2 lodash@4.17.15',
      'high GHSA-e express@3.0.0',
      'high GHSA-l0 lodash@3.10.1',
      'high GHSA-l0 lodash@4.17.15',
      'high GHSA-l1 lodash@3.10.1',
      'high GHSA-l1 lodash@4.17.15',
      'moderate GHSA-m minimist@1.2.0',
      'low GHSA-a axios@0.21.1',
    ]);
  });

  it('asks the paths callback for each package and version it reports, once', () => {
    const calls: string[] = [];
    const lodash = advisory('GHSA-l1', 'lodash', 'high', '<4.17.21');
    const found = matchAdvisories([lodash, { ...lodash }], new Map([['lodash', ['4.17.15', '4.17.21']]]), (name, version) => {
      calls.push(`${name}@${version}`);
      return [['grunt', 'lodash'], ['karma', 'glob', 'lodash']];
    });
    expect(calls).toEqual(['lodash@4.17.15']);
    expect(found.map((vulnerability) => vulnerability.paths)).toEqual([
      [
        ['grunt', 'lodash'],
        ['karma', 'glob', 'lodash'],
      ],
    ]);
  });

  it('finds nothing when nothing installed is affected', () => {
    expect(matchAdvisories([advisory('L', 'lodash', 'high', '<4.17.21')], new Map([['lodash', ['4.17.21']]]), noPaths)).toEqual([]);
    expect(matchAdvisories([], new Map([['lodash', ['1.0.0']]]), noPaths)).toEqual([]);
  });

  it('names the release a range ends before as the fix, not semver\'s `-0` placeholder', () => {
    const fixes = (range: string, installed: string) =>
      matchAdvisories([{ id: 'A', package: 'p', severity: 'high', title: '', url: null, vulnerableVersions: range, cvss: null }], new Map([['p', [installed]]]), () => []).map((found) => [found.fixedIn, found.fixIsMajor]);
    expect([fixes('<2', '1.2.0'), fixes('^1.0.0', '1.2.0'), fixes('~1.2.0', '1.2.3'), fixes('1.0.0 - 1.2.0', '1.1.0')]).toEqual([
      [['2.0.0', true]],
      [['2.0.0', true]],
      [['1.3.0', false]],
      [['1.2.1', false]],
    ]);
  });
});

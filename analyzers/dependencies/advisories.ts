import semver from 'semver';
import { isObject } from '../discover/package-json.js';
import { cvssScore } from './cvss.js';

export type Severity = 'low' | 'moderate' | 'high' | 'critical';
const severities: readonly Severity[] = ['low', 'moderate', 'high', 'critical'];

/** One advisory about one package, from whichever source. */
export interface Advisory {
  id: string;
  package: string;
  severity: Severity;
  title: string;
  url: string | null;
  /** The affected versions, as a semver range. */
  vulnerableVersions: string;
  /** The CVSS base score (0–10) the advisory gives or its vector yields; null when it has none. */
  cvss: number | null;
}

/** An installed package version an advisory applies to. */
export interface Vulnerability extends Advisory {
  installed: string;
  /** The lowest version outside the affected range, when the range names one. */
  fixedIn: string | null;
  fixIsMajor: boolean | null;
  /** Ways the repository depends on it: from a direct dependency down to the package (names). */
  paths: string[][];
}

function severity(value: unknown): Severity {
  const lower = typeof value === 'string' ? value.toLowerCase() : '';
  if (lower === 'medium') return 'moderate';
  return severities.find((known) => known === lower) ?? 'moderate';
}

/**
 * One advisory in npm's shape (the bulk endpoint's entries, npm audit v1's `advisories`, v2's `via`
 * objects): the package it is about, and the keys of its id and affected range; undefined when a
 * field is missing.
 */
function npmAdvisory(entry: unknown, name: unknown, keys: { id: string; range: string }): Advisory | undefined {
  if (!isObject(entry) || typeof name !== 'string' || typeof entry[keys.range] !== 'string') return undefined;
  return {
    id: String(entry[keys.id] ?? entry['url'] ?? ''),
    package: name,
    severity: severity(entry['severity']),
    title: typeof entry['title'] === 'string' ? entry['title'] : '',
    url: typeof entry['url'] === 'string' ? entry['url'] : null,
    vulnerableVersions: entry[keys.range] as string,
    cvss: npmCvss(entry['cvss']),
  };
}

/** npm's `cvss: { score, vectorString }`: the vector's score, else a score above 0 (npm writes 0 for "none"). */
function npmCvss(cvss: unknown): number | null {
  if (!isObject(cvss)) return null;
  const fromVector = typeof cvss['vectorString'] === 'string' ? cvssScore(cvss['vectorString']) : null;
  if (fromVector !== null) return fromVector;
  const score = cvss['score'];
  return typeof score === 'number' && score > 0 && score <= 10 ? score : null;
}

/** OSV's `severity: [{ type, score }]` (on the record or the affected package): the newest CVSS version's base score. */
function osvCvss(...lists: unknown[]): number | null {
  const vectors = lists.flatMap((list) => (Array.isArray(list) ? list.filter(isObject) : []));
  for (const type of ['CVSS_V4', 'CVSS_V3', 'CVSS_V2']) {
    for (const entry of vectors) {
      const score = entry['type'] === type && typeof entry['score'] === 'string' ? cvssScore(entry['score']) : null;
      if (score !== null) return score;
    }
  }
  return null;
}

const bulkKeys = { id: 'id', range: 'vulnerable_versions' };

/** The answer of npm's bulk advisory endpoint (`POST /-/npm/v1/security/advisories/bulk`). */
export function fromBulkAnswer(answer: unknown): Advisory[] {
  if (!isObject(answer)) throw new Error('the audit endpoint answered with something other than a JSON object');
  return Object.entries(answer).flatMap(([name, list]) => (Array.isArray(list) ? list.flatMap((entry) => npmAdvisory(entry, name, bulkKeys) ?? []) : []));
}

/** An npm audit report (`npm audit --json`, both the v2 `vulnerabilities` and the v1 `advisories` shape). */
export function fromNpmAuditReport(report: Record<string, unknown>): Advisory[] {
  const v1 = isObject(report['advisories']) ? Object.values(report['advisories']).flatMap((entry) => npmAdvisory(entry, isObject(entry) ? entry['module_name'] : undefined, bulkKeys) ?? []) : [];
  // Strings in a v2 entry's `via` name another vulnerable package; the objects are the advisories themselves.
  const v2 = isObject(report['vulnerabilities'])
    ? Object.values(report['vulnerabilities']).flatMap((entry) =>
        isObject(entry) && Array.isArray(entry['via']) ? entry['via'].flatMap((via) => npmAdvisory(via, isObject(via) ? via['name'] : undefined, { id: 'source', range: 'range' }) ?? []) : [],
      )
    : [];
  return [...v1, ...v2];
}

/** OSV records (the `/v1/vulns/{id}` shape, a list of them, or osv-scanner's `results[].packages[].vulnerabilities`), npm ecosystem only. */
export function fromOsvRecords(records: readonly unknown[]): Advisory[] {
  const advisories: Advisory[] = [];
  for (const record of records) {
    if (!isObject(record) || typeof record['id'] !== 'string' || !Array.isArray(record['affected'])) continue;
    const specific = isObject(record['database_specific']) ? record['database_specific'] : {};
    const references = Array.isArray(record['references']) ? record['references'].filter(isObject) : [];
    const url = references.find((reference) => reference['type'] === 'ADVISORY')?.['url'] ?? references[0]?.['url'];
    for (const affected of record['affected']) {
      if (!isObject(affected) || !isObject(affected['package']) || affected['package']['ecosystem'] !== 'npm') continue;
      const range = osvRange(affected['ranges'], affected['versions']);
      if (!range) continue;
      advisories.push({
        id: record['id'],
        package: String(affected['package']['name']),
        severity: severity(specific['severity']),
        title: typeof record['summary'] === 'string' ? record['summary'] : '',
        url: typeof url === 'string' ? url : `https://osv.dev/vulnerability/${record['id']}`,
        vulnerableVersions: range,
        cvss: osvCvss(affected['severity'], record['severity']),
      });
    }
  }
  return advisories;
}

/** OSV's introduced/fixed events as a semver range (`>=a <b || >=c`), or its explicit version list. */
function osvRange(ranges: unknown, versions: unknown): string | null {
  const sets: string[] = [];
  for (const range of Array.isArray(ranges) ? ranges : []) {
    if (!isObject(range) || (range['type'] !== 'SEMVER' && range['type'] !== 'ECOSYSTEM') || !Array.isArray(range['events'])) continue;
    let introduced: string | null = null;
    for (const event of range['events']) {
      if (!isObject(event)) continue;
      if (typeof event['introduced'] === 'string') introduced = event['introduced'] === '0' ? '0.0.0-0' : event['introduced'];
      const end = typeof event['fixed'] === 'string' ? `<${event['fixed']}` : typeof event['last_affected'] === 'string' ? `<=${event['last_affected']}` : null;
      if (end && introduced) {
        sets.push(`>=${introduced} ${end}`);
        introduced = null;
      }
    }
    if (introduced) sets.push(`>=${introduced}`);
  }
  if (sets.length === 0 && Array.isArray(versions) && versions.length > 0) sets.push(...versions.filter((v): v is string => typeof v === 'string'));
  return sets.length > 0 ? sets.join(' || ') : null;
}

/**
 * The advisories that apply to installed versions, each with its fix and how the repository reaches
 * the package. `paths` gives, for a package@version, the dependency paths from direct dependencies.
 */
export function matchAdvisories(
  advisories: readonly Advisory[],
  installed: ReadonlyMap<string, readonly string[]>,
  paths: (name: string, version: string) => string[][],
): Vulnerability[] {
  const found = new Map<string, Vulnerability>();
  for (const advisory of advisories) {
    if (!semver.validRange(advisory.vulnerableVersions)) continue;
    for (const version of installed.get(advisory.package) ?? []) {
      const key = `${advisory.package}@${version}\0${advisory.id}`;
      if (found.has(key) || !semver.satisfies(version, advisory.vulnerableVersions, { includePrerelease: true })) continue;
      const fixedIn = fixVersion(version, advisory.vulnerableVersions);
      found.set(key, { ...advisory, installed: version, fixedIn, fixIsMajor: fixedIn ? semver.major(fixedIn) > semver.major(version) : null, paths: paths(advisory.package, version) });
    }
  }
  return [...found.values()].sort((a, b) => severities.indexOf(b.severity) - severities.indexOf(a.severity) || a.package.localeCompare(b.package) || a.id.localeCompare(b.id) || semver.compare(a.installed, b.installed));
}

/** The `<X` bound of the affected comparator set the version is in, when no later set catches X again. */
function fixVersion(version: string, range: string): string | null {
  const parsed = new semver.Range(range, { includePrerelease: true });
  for (const set of parsed.set) {
    if (!set.every((comparator) => comparator.test(version))) continue;
    const bound = set.find((comparator) => comparator.operator === '<');
    if (!bound) return null;
    // semver writes the end of `<2`, `^1.0.0`, `~1.2.0` and hyphen ranges as `<X-0`: the fix is X itself.
    const { major, minor, patch, prerelease } = bound.semver;
    const fixed = prerelease.length === 1 && prerelease[0] === 0 ? `${major}.${minor}.${patch}` : bound.semver.version;
    return semver.satisfies(fixed, range, { includePrerelease: true }) ? null : fixed;
  }
  return null;
}

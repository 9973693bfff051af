import { readFile, stat } from 'node:fs/promises';
import { type Advisory, fromNpmAuditReport, fromOsvRecords } from '../../../analyzers/dependencies/advisories.js';
import { isObject } from '../../../analyzers/discover/package-json.js';
import { StewardError } from '../../api/errors.js';
import { parseJson } from '../../../analyzers/documents/parse-document.js';

/** An npm audit report of a very large tree is a few MB; more is not an advisory file. */
const maxAdvisoryFileBytes = 256 * 1024 * 1024;

/**
 * Advisories from a file the user brings (for machines that reach no advisory source): `npm audit
 * --json` output (v1 or v2), OSV records (one, a list, or osv-scanner's JSON output).
 */
export async function readAdvisoryFile(path: string): Promise<{ path: string; advisories: Advisory[] }> {
  let json: unknown;
  try {
    // Only a regular file: reading a FIFO or a device would wait forever, or never end.
    const info = await stat(path);
    if (!info.isFile()) throw new Error('not a regular file');
    if (info.size > maxAdvisoryFileBytes) throw new Error(`larger than ${maxAdvisoryFileBytes / 1024 / 1024} MB`);
    json = parseJson(await readFile(path, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new StewardError('invalid-input', `Cannot read the advisory file ${path}: ${reason}`);
  }
  if (isObject(json) && (isObject(json['vulnerabilities']) || isObject(json['advisories']))) return { path, advisories: fromNpmAuditReport(json) };
  const records = Array.isArray(json) ? json : isObject(json) && Array.isArray(json['results']) ? osvScannerRecords(json['results']) : isObject(json) && 'affected' in json ? [json] : undefined;
  if (!records) throw new StewardError('invalid-input', `${path} is neither npm audit JSON nor OSV JSON`);
  return { path, advisories: fromOsvRecords(records) };
}

/** osv-scanner's `results[].packages[].vulnerabilities[]`. */
function osvScannerRecords(results: unknown[]): unknown[] {
  return results.flatMap((result) =>
    isObject(result) && Array.isArray(result['packages']) ? result['packages'].flatMap((pkg) => (isObject(pkg) && Array.isArray(pkg['vulnerabilities']) ? pkg['vulnerabilities'] : [])) : [],
  );
}

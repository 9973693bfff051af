/**
 * Line coverage as test runners write it: lcov's `lcov.info` (c8, Jest, Vitest, nyc), Istanbul's
 * `coverage-final.json` (statements per file) and `coverage-summary.json` (totals per file). Pure:
 * text in, coverage per file as the file names it (absolute or relative), or why it cannot be read.
 */

export interface FileCoverage {
  /** As the coverage file writes it. */
  readonly source: string;
  /** Executable lines, and those run at least once. */
  readonly lines: number;
  readonly covered: number;
  /** Hits per line number, when the format has them (not the summary). */
  readonly hits: ReadonlyMap<number, number> | null;
}

type CoverageFormat = 'lcov' | 'istanbul-final' | 'istanbul-summary';

type CoverageRead = { readonly format: CoverageFormat; readonly files: FileCoverage[] } | { readonly error: string };

/** The format a coverage file's name says it is in; undefined for another file. */
export function coverageFormatOf(path: string): CoverageFormat | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name.endsWith('.info') || name === 'lcov.dat') return 'lcov';
  if (name === 'coverage-final.json') return 'istanbul-final';
  if (name === 'coverage-summary.json') return 'istanbul-summary';
  return undefined;
}

export function readCoverage(format: CoverageFormat, text: string): CoverageRead {
  try {
    if (format === 'lcov') return { format, files: readLcov(text) };
    const json: unknown = JSON.parse(text);
    if (!isRecord(json)) return { error: 'not a JSON object' };
    return { format, files: format === 'istanbul-final' ? readIstanbulFinal(json) : readIstanbulSummary(json) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** `SF:` opens a file's record, `DA:line,hits` counts a line, `end_of_record` closes it (LF/LH are recounted from DA). */
function readLcov(text: string): FileCoverage[] {
  const files: FileCoverage[] = [];
  let source: string | undefined;
  let hits = new Map<number, number>();
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line.startsWith('SF:')) {
      source = line.slice(3);
      hits = new Map();
    } else if (line.startsWith('DA:')) {
      const [number, count] = line.slice(3).split(',');
      if (source === undefined || !/^\d+$/.test(number ?? '') || !/^\d+$/.test(count ?? '')) throw new Error(`line ${index + 1} is not a line count of a file record: ${line.slice(0, 80)}`);
      hits.set(Number(number), Math.max(hits.get(Number(number)) ?? 0, Number(count)));
    } else if (line === 'end_of_record') {
      if (source === undefined) throw new Error(`line ${index + 1} closes a record that was never opened`);
      files.push(lineCoverage(source, hits));
      source = undefined;
    } else if (line !== '' && !/^[A-Z]+:/.test(line)) {
      throw new Error(`line ${index + 1} is not lcov: ${line.slice(0, 80)}`);
    }
  }
  if (source !== undefined) throw new Error(`the record of ${source} is not closed (end_of_record): the file was cut short`);
  if (files.length === 0) throw new Error('no file records (SF:)');
  return files;
}

/** Istanbul's statements: a line's hits are those of the statements that start on it (the most run one). */
function readIstanbulFinal(json: Record<string, unknown>): FileCoverage[] {
  return Object.entries(json).map(([key, entry]) => {
    if (!isRecord(entry) || !isRecord(entry['statementMap']) || !isRecord(entry['s'])) throw new Error(`the entry of ${key} has no statementMap and s`);
    const counts = entry['s'];
    const hits = new Map<number, number>();
    for (const [id, statement] of Object.entries(entry['statementMap'])) {
      const line = isRecord(statement) && isRecord(statement['start']) ? statement['start']['line'] : undefined;
      const count = counts[id];
      if (typeof line !== 'number' || typeof count !== 'number') throw new Error(`statement ${id} of ${key} has no start line or count`);
      hits.set(line, Math.max(hits.get(line) ?? 0, count));
    }
    return lineCoverage(typeof entry['path'] === 'string' ? entry['path'] : key, hits);
  });
}

function readIstanbulSummary(json: Record<string, unknown>): FileCoverage[] {
  return Object.entries(json)
    .filter(([key]) => key !== 'total')
    .map(([key, entry]) => {
      const lines = isRecord(entry) ? entry['lines'] : undefined;
      if (!isRecord(lines) || typeof lines['total'] !== 'number' || typeof lines['covered'] !== 'number') throw new Error(`the entry of ${key} has no lines.total and lines.covered`);
      return { source: key, lines: lines['total'], covered: lines['covered'], hits: null };
    });
}

function lineCoverage(source: string, hits: Map<number, number>): FileCoverage {
  return { source, lines: hits.size, covered: [...hits.values()].filter((count) => count > 0).length, hits };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Finds the repository path a coverage file's source names: an absolute path inside the work tree, a
 * path relative to the folder the tests ran in (the coverage folder's parent), else the one tracked
 * path that ends with the longest run of its last segments (coverage written on another machine, as
 * in CI). Undefined for a file the commit does not have.
 */
export function sourceMatcher({ root, tracked }: { root: string; tracked: readonly string[] }): (source: string, baseDir: string) => string | undefined {
  const paths = new Set(tracked);
  const byName = new Map<string, string[]>();
  for (const path of tracked) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    byName.set(name, [...(byName.get(name) ?? []), path]);
  }
  const prefix = `${root.replace(/\/+$/, '')}/`;
  return (source, baseDir) => {
    const path = source.replace(/\\/g, '/');
    if (path.startsWith(prefix)) {
      const inside = normalise(path.slice(prefix.length));
      if (paths.has(inside)) return inside;
    }
    if (!path.startsWith('/') && !/^[A-Za-z]:\//.test(path)) {
      const relative = normalise(`${baseDir}/${path}`);
      if (paths.has(relative)) return relative;
    }
    const segments = path.split('/').filter(Boolean);
    const candidates = byName.get(segments.at(-1) ?? '') ?? [];
    for (let take = segments.length; take >= 2; take--) {
      const tail = segments.slice(segments.length - take).join('/');
      const found = candidates.filter((candidate) => candidate === tail || candidate.endsWith(`/${tail}`));
      if (found.length === 1) return found[0];
      if (found.length > 1) return undefined;
    }
    return undefined;
  };
}

/** `a/./b/../c` as `a/c`, without a leading or trailing slash. */
function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

import { lstat, readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { type FileCoverage, coverageFormatOf, readCoverage, sourceMatcher } from '../../../analyzers/test-coverage/read-coverage.js';
import type { CoverageReport } from '../../api/coverage.js';
import { findToolOutputs } from '../../git/work-tree-outputs.js';
import { judgeAgainstHead } from '../../git/written-for-head.js';
import { plural, preview } from '../../wording.js';

/** Where test runners write coverage, in the order preferred: line by line first, totals last. */
const conventionalNames = ['coverage/lcov.info', 'coverage/coverage-final.json', 'coverage/coverage-summary.json'];
/** Larger coverage files are not read (a coverage file of a large monorepo is tens of megabytes). */
const maxBytes = 512 * 1024 * 1024;

interface CoverageInput {
  root: string;
  /** The commit's tracked files. */
  tracked: readonly string[];
  /** Folders of the packages ('' for the root): each may have its own coverage folder. */
  packageDirs: readonly string[];
  /** Files named by the user (absolute, or relative to the root), instead of the conventional places. */
  given: readonly string[];
  /** When the scanned commit was made (committer date). */
  committedAt: string | null;
  signal: AbortSignal;
  warn(message: string): void;
}

interface CoverageFilesRead {
  sources: CoverageReport['sources'];
  /** Coverage per repository path (several files covering one file: the most covered lines count). */
  byPath: Map<string, FileCoverage>;
  ignored: string[];
}

/**
 * Reads the coverage the repository's tests wrote into the work tree (untracked, outside the commit):
 * each package's conventional coverage file, or the files given. Each is judged against the scanned
 * commit by its time: written before HEAD last moved, it describes another commit.
 */
export async function readCoverageFiles(input: CoverageInput): Promise<CoverageFilesRead> {
  // Shown relative to the root when inside it, else as given.
  const shown = (file: string): string => (isAbsolute(file) && file.startsWith(`${input.root}/`) ? relative(input.root, file) : file);
  const candidates = input.given.length > 0 ? input.given.map(shown) : await findToolOutputs(input.root, input.packageDirs, conventionalNames, { firstOnly: true });
  const judge = candidates.length > 0 ? await judgeAgainstHead(input.root, input.committedAt, input.signal) : undefined;
  const matcher = sourceMatcher({ root: input.root, tracked: input.tracked });
  const sources: CoverageReport['sources'] = [];
  const byPath = new Map<string, FileCoverage>();
  const ignored = new Set<string>();
  for (const file of candidates) {
    input.signal.throwIfAborted();
    const format = coverageFormatOf(file);
    const path = resolve(input.root, file);
    const stats = await lstat(path).catch(() => undefined);
    if (!format || !stats?.isFile() || stats.size > maxBytes) {
      input.warn(`Coverage: ${file} ${!format ? 'is not lcov (.info) or Istanbul JSON (coverage-final.json, coverage-summary.json)' : !stats ? 'does not exist' : !stats.isFile() ? 'is not a regular file' : 'is over 512 MB'}; skipped`);
      continue;
    }
    const read = readCoverage(format, await readFile(path, 'utf8'));
    const modifiedAt = stats.mtime.toISOString();
    const match = judge!(stats.mtime);
    if ('error' in read) {
      input.warn(`Coverage: ${file} cannot be read (${read.error}); skipped`);
      sources.push({ file, format, modifiedAt, ...match, files: 0, error: read.error });
      continue;
    }
    const baseDir = file.includes('/coverage/') ? file.slice(0, file.lastIndexOf('/coverage/')) : file.startsWith('coverage/') ? '' : file.slice(0, Math.max(0, file.lastIndexOf('/')));
    let files = 0;
    for (const coverage of read.files) {
      const covers = matcher(coverage.source, baseDir);
      if (covers === undefined) {
        ignored.add(coverage.source);
        continue;
      }
      files++;
      const known = byPath.get(covers);
      if (!known || coverage.covered > known.covered) byPath.set(covers, coverage);
    }
    sources.push({ file, format, modifiedAt, ...match, files, error: null });
  }
  if (ignored.size > 0) input.warn(`Coverage of ${plural(ignored.size, 'file')} the commit does not have ignored (deleted or renamed since the tests ran): ${preview([...ignored])}`);
  const stale = sources.filter((source) => source.matchesCommit === 'no');
  if (stale.length > 0) input.warn(`Coverage: ${preview(stale.map((source) => source.file))} ${stale.length === 1 ? 'was' : 'were'} written before the scanned commit was checked out; run the tests again for coverage of this commit`);
  return { sources, byPath, ignored: [...ignored].sort() };
}

import { lstat, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { type FileCoverage, coverageFormatOf, readCoverage, sourceMatcher } from '../../../analyzers/coverage/read-coverage.js';
import type { CoverageReport } from '../../api/coverage.js';
import { GitError, readGit } from '../../git/git-runner.js';
import { hasUncommittedChanges } from '../../git/working-tree.js';
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

export interface CoverageFilesRead {
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
  const candidates = input.given.length > 0 ? input.given.map((file) => (isAbsolute(file) ? relative(input.root, file) : file)) : await conventionalFiles(input.root, input.packageDirs);
  const since = await headMovedAt(input.root, input.committedAt, input.signal);
  const dirty = candidates.length > 0 && (await hasUncommittedChanges(input.root, input.signal));
  const matcher = sourceMatcher({ root: input.root, tracked: input.tracked });
  const sources: CoverageReport['sources'] = [];
  const byPath = new Map<string, FileCoverage>();
  const ignored = new Set<string>();
  for (const file of candidates) {
    input.signal.throwIfAborted();
    const format = coverageFormatOf(file);
    const stats = await lstat(join(input.root, file)).catch(() => undefined);
    if (!format || !stats?.isFile() || stats.size > maxBytes) {
      input.warn(`Coverage: ${file} ${!format ? 'is not lcov (.info) or Istanbul JSON (coverage-final.json, coverage-summary.json)' : !stats ? 'does not exist' : !stats.isFile() ? 'is not a regular file' : 'is over 512 MB'}; skipped`);
      continue;
    }
    const read = readCoverage(format, await readFile(join(input.root, file), 'utf8'));
    const modifiedAt = stats.mtime.toISOString();
    const match = matchOf(stats.mtime, since, dirty);
    if ('error' in read) {
      input.warn(`Coverage: ${file} cannot be read (${read.error}); skipped`);
      sources.push({ file, format, modifiedAt, ...match, files: 0, error: read.error });
      continue;
    }
    const baseDir = file.includes('/coverage/') ? file.slice(0, file.lastIndexOf('/coverage/')) : file.startsWith('coverage/') ? '' : file.slice(0, Math.max(0, file.lastIndexOf('/')));
    let files = 0;
    for (const coverage of read.files) {
      const path = matcher(coverage.source, baseDir);
      if (path === undefined) {
        ignored.add(coverage.source);
        continue;
      }
      files++;
      const known = byPath.get(path);
      if (!known || coverage.covered > known.covered) byPath.set(path, coverage);
    }
    sources.push({ file, format, modifiedAt, ...match, files, error: null });
  }
  if (ignored.size > 0) input.warn(`Coverage of ${plural(ignored.size, 'file')} the commit does not have ignored (deleted or renamed since the tests ran): ${preview([...ignored])}`);
  const stale = sources.filter((source) => source.matchesCommit === 'no');
  if (stale.length > 0) input.warn(`Coverage: ${preview(stale.map((source) => source.file))} ${stale.length === 1 ? 'was' : 'were'} written before the scanned commit was checked out; run the tests again for coverage of this commit`);
  return { sources, byPath, ignored: [...ignored].sort() };
}

async function conventionalFiles(root: string, packageDirs: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const dir of new Set(['', ...packageDirs])) {
    for (const name of conventionalNames) {
      const file = dir === '' ? name : `${dir}/${name}`;
      if ((await lstat(join(root, file)).catch(() => undefined))?.isFile()) {
        found.push(file);
        break;
      }
    }
  }
  return found;
}

/** When HEAD last moved to its commit (the reflog), else when the commit was made; null when neither is known. */
async function headMovedAt(root: string, committedAt: string | null, signal: AbortSignal): Promise<Date | null> {
  const reflog = await readGit(root, ['reflog', '-1', '--date=unix', '--format=%gd', 'HEAD', '--'], { signal }).catch((error: unknown) => {
    if (error instanceof GitError) return '';
    throw error;
  });
  const seconds = /\{(\d+)\}/.exec(reflog)?.[1];
  const moved = seconds ? new Date(Number(seconds) * 1000) : null;
  const made = committedAt ? new Date(committedAt) : null;
  return moved && made ? (moved > made ? moved : made) : (moved ?? made);
}

function matchOf(modified: Date, since: Date | null, dirty: boolean): Pick<CoverageReport['sources'][number], 'matchesCommit' | 'reason'> {
  if (since && modified < since) return { matchesCommit: 'no', reason: `written ${modified.toISOString().slice(0, 16).replace('T', ' ')}, before HEAD came to the scanned commit` };
  if (dirty) return { matchesCommit: 'unknown', reason: 'the working tree has uncommitted changes: the tests may have run on them' };
  return since
    ? { matchesCommit: 'yes', reason: 'written after HEAD came to the scanned commit, with no uncommitted changes' }
    : { matchesCommit: 'unknown', reason: 'when HEAD came to the scanned commit is unknown' };
}


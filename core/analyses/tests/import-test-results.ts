import { createHash } from 'node:crypto';
import { lstat, readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { readJUnit } from '../../../analyzers/tests/read-junit.js';
import type { TestImportOutcome } from '../../api/tests.js';
import { judgeAgainstHead } from '../../git/written-for-head.js';
import type { Database } from '../../store/database.js';
import { saveTestRun } from '../../store/test-runs.js';

/** Larger result files are not read. */
const maxBytes = 256 * 1024 * 1024;

interface ImportInput {
  db: Database;
  root: string;
  /** The repository's root commits: the runs' key. */
  repository: string;
  /** HEAD: the commit the results are of. */
  commit: string;
  committedAt: string | null;
  /** Absolute, or relative to `base`. */
  files: readonly string[];
  base: string;
  signal: AbortSignal;
  now?: Date;
}

/**
 * Imports JUnit XML files as runs of HEAD, each in its own transaction, judged against HEAD by their
 * time; a file imported before (same content) is not a second run. A file that cannot be read is a
 * warning, not an error: the others are imported.
 */
export async function importTestResults(input: ImportInput): Promise<TestImportOutcome> {
  const judge = await judgeAgainstHead(input.root, input.committedAt, input.signal);
  const outcome: TestImportOutcome = { imported: [], warnings: [] };
  for (const given of input.files) {
    input.signal.throwIfAborted();
    const path = isAbsolute(given) ? given : resolve(input.base, given);
    const shown = path.startsWith(`${input.root}/`) ? relative(input.root, path) : path;
    const stats = await lstat(path).catch(() => undefined);
    if (!stats?.isFile() || stats.size > maxBytes) {
      outcome.warnings.push(`Test results: ${shown} ${!stats ? 'does not exist' : !stats.isFile() ? 'is not a regular file' : 'is over 256 MB'}; skipped`);
      continue;
    }
    const content = await readFile(path);
    const read = readJUnit(content.toString('utf8'));
    if ('error' in read) {
      outcome.warnings.push(`Test results: ${shown} cannot be read (${read.error}); skipped`);
      continue;
    }
    const match = judge(stats.mtime);
    const stored = saveTestRun(
      input.db,
      { repository: input.repository, commit: input.commit, matchesCommit: match.matchesCommit, source: shown, contentHash: createHash('sha256').update(content).digest('hex'), writtenAt: stats.mtime, results: read.cases },
      input.now ?? new Date(),
    );
    const tally = (kind: string) => read.cases.filter((result) => result.outcome === kind).length;
    outcome.imported.push({
      source: shown,
      commit: input.commit,
      writtenAt: stats.mtime.toISOString(),
      matchesCommit: match.matchesCommit,
      tests: read.cases.length,
      failed: tally('failed'),
      skipped: tally('skipped'),
      duplicate: !stored,
    });
    if (match.matchesCommit === 'no') outcome.warnings.push(`Test results: ${shown} was ${match.reason}; imported as a run of ${input.commit.slice(0, 7)} all the same`);
  }
  return outcome;
}

import type { TestRun } from '../../analyzers/tests/flaky-tests.js';
import type { TestCaseResult } from '../../analyzers/tests/read-junit.js';
import type { WrittenForHead } from '../git/written-for-head.js';
import type { Database } from './database.js';

interface NewTestRun {
  /** The repository's root commits (see history_logs). */
  repository: string;
  commit: string;
  matchesCommit: WrittenForHead['matchesCommit'];
  source: string;
  contentHash: string;
  writtenAt: Date;
  results: readonly TestCaseResult[];
}

/** Stores an imported run in one transaction; false (and nothing stored) when that very file was imported before. */
export function saveTestRun(db: Database, run: NewTestRun, now: Date): boolean {
  return db
    .transaction((): boolean => {
      const inserted = db
        .prepare<unknown[], { id: number }>(
          `INSERT INTO test_runs (repository, commit_sha, matches_commit, source, content_hash, written_at, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (repository, content_hash) DO NOTHING RETURNING id`,
        )
        .get(run.repository, run.commit, run.matchesCommit, run.source, run.contentHash, run.writtenAt.toISOString(), now.toISOString());
      if (inserted === undefined) return false;
      const insert = db.prepare('INSERT INTO test_results (run_id, file, name, outcome, duration_ms) VALUES (?, ?, ?, ?, ?)');
      for (const result of run.results) insert.run(inserted.id, result.file, result.name, result.outcome, result.durationMs);
      return true;
    })
    .immediate();
}

/** The latest runs of a repository (at most `limit`, by when they were written), oldest first, with what they tell. */
export function readTestRuns(db: Database, repository: string, limit = 200): (TestRun & { source: string; matchesCommit: WrittenForHead['matchesCommit'] })[] {
  const runs = db
    .prepare<[string, number], { id: number; commit_sha: string; written_at: string; source: string; matches_commit: WrittenForHead['matchesCommit'] }>(
      'SELECT id, commit_sha, written_at, source, matches_commit FROM (SELECT * FROM test_runs WHERE repository = ? ORDER BY written_at DESC, id DESC LIMIT ?) AS latest ORDER BY written_at, id',
    )
    .all(repository, limit);
  const results = db.prepare<[number], { file: string | null; name: string; outcome: TestCaseResult['outcome'] }>('SELECT file, name, outcome FROM test_results WHERE run_id = ?');
  return runs.map((run) => ({ commit: run.commit_sha, at: Date.parse(run.written_at), source: run.source, matchesCommit: run.matches_commit, results: results.all(run.id) }));
}

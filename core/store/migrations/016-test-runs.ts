export const testRuns = {
  version: 16,
  name: 'test results imported from JUnit XML, per repository and commit, for flaky tests',
  sql: /* sql */ `
    -- One imported JUnit file. repository: the root commits (as history_logs), so clones and worktrees share runs.
    CREATE TABLE test_runs (
      id INTEGER PRIMARY KEY,
      repository TEXT NOT NULL,
      -- HEAD when imported, and whether the file was written for it ('yes', 'no', 'unknown').
      commit_sha TEXT NOT NULL,
      matches_commit TEXT NOT NULL CHECK (matches_commit IN ('yes', 'no', 'unknown')),
      source TEXT NOT NULL,
      -- The same file imported twice is one run.
      content_hash TEXT NOT NULL,
      written_at TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      UNIQUE (repository, content_hash)
    );
    CREATE INDEX test_runs_repository ON test_runs (repository, written_at);

    -- Each <testcase>: a retried test has one row per attempt.
    CREATE TABLE test_results (
      run_id INTEGER NOT NULL REFERENCES test_runs (id) ON DELETE CASCADE,
      file TEXT,
      name TEXT NOT NULL,
      outcome TEXT NOT NULL CHECK (outcome IN ('passed', 'failed', 'skipped')),
      duration_ms INTEGER
    );
    CREATE INDEX test_results_run ON test_results (run_id);
  `,
};

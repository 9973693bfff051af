import type { TestOutcome } from './read-junit.js';

/** One imported run of the test suite: the commit it ran on, when, and each test's outcome (a retried test once per attempt). */
export interface TestRun {
  readonly commit: string;
  /** When the results were written (ms). */
  readonly at: number;
  readonly results: readonly { readonly file: string | null; readonly name: string; readonly outcome: TestOutcome }[];
}

interface FlakyTest {
  readonly file: string | null;
  readonly name: string;
  /** `same commit`: passed and failed on one commit (across runs or attempts); `flips`: its outcome changed back and forth across runs. */
  readonly why: 'same commit' | 'flips';
  readonly passes: number;
  readonly failures: number;
  /** Changes of outcome, run after run. */
  readonly flips: number;
  readonly runs: number;
  /** The commits it both passed and failed on (for `same commit`). */
  readonly commits: string[];
  readonly lastFailedAt: number | null;
}

interface Flakiness {
  /** Tests run (passed or failed) at least once. */
  readonly tests: number;
  readonly flaky: FlakyTest[];
  /** Flaky tests of the tests run, 0–100 (one decimal); null without tests. */
  readonly percent: number | null;
}

/**
 * Changes of outcome across runs that make a test flaky: pass → fail → pass → fail. Two (pass → fail
 * → pass) are also what a regression and its fix look like.
 */
const flipsForFlaky = 3;

/**
 * Which tests are flaky, from the runs imported: a test that passed and failed on the same commit (the
 * code did not change, the outcome did), or whose outcome flips back and forth across runs. Skipped
 * attempts say nothing either way.
 */
export function findFlakyTests(runs: readonly TestRun[]): Flakiness {
  const byTest = new Map<string, { file: string | null; name: string; outcomes: { commit: string; at: number; passed: boolean }[] }>();
  for (const run of [...runs].sort((a, b) => a.at - b.at)) {
    for (const result of run.results) {
      if (result.outcome === 'skipped') continue;
      const key = `${result.file ?? ''}\0${result.name}`;
      const test = byTest.get(key) ?? { file: result.file, name: result.name, outcomes: [] };
      test.outcomes.push({ commit: run.commit, at: run.at, passed: result.outcome === 'passed' });
      byTest.set(key, test);
    }
  }
  const flaky: FlakyTest[] = [];
  for (const { file, name, outcomes } of byTest.values()) {
    const byCommit = new Map<string, Set<boolean>>();
    for (const outcome of outcomes) byCommit.set(outcome.commit, (byCommit.get(outcome.commit) ?? new Set()).add(outcome.passed));
    const commits = [...byCommit].filter(([, seen]) => seen.size === 2).map(([commit]) => commit);
    const flips = outcomes.slice(1).filter((outcome, index) => outcome.passed !== outcomes[index]!.passed).length;
    if (commits.length === 0 && flips < flipsForFlaky) continue;
    const failures = outcomes.filter((outcome) => !outcome.passed);
    flaky.push({
      file,
      name,
      why: commits.length > 0 ? 'same commit' : 'flips',
      passes: outcomes.length - failures.length,
      failures: failures.length,
      flips,
      runs: new Set(outcomes.map((outcome) => outcome.at)).size,
      commits,
      lastFailedAt: failures.at(-1)?.at ?? null,
    });
  }
  flaky.sort((a, b) => b.failures - a.failures || (a.file ?? '').localeCompare(b.file ?? '') || a.name.localeCompare(b.name));
  return { tests: byTest.size, flaky, percent: byTest.size === 0 ? null : Math.round((flaky.length / byTest.size) * 1000) / 10 };
}

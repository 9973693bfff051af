import type { TestsReport } from '../../api/tests.js';
import type { ItemDraft } from '../../inventory/item-draft.js';

/** Each flaky test is an item: a failure nobody can trust, which teaches people to ignore red builds. */
export function flakyTestItems(report: TestsReport): ItemDraft[] {
  return report.flaky.map((test): ItemDraft => {
    const sameCommit = test.why === 'same commit';
    return {
      kind: 'flaky-test',
      title: sameCommit
        ? `${test.name} is flaky: it passed and failed on the same commit (${test.failures} failures, ${test.passes} passes)`
        : `${test.name} is flaky: its outcome flipped ${test.flips} times over ${test.runs} runs`,
      path: test.file,
      line: null,
      symbol: test.name,
      evidence: { why: test.why, passes: test.passes, failures: test.failures, flips: test.flips, runs: test.runs, commits: test.commits.map((commit) => commit.slice(0, 10)), lastFailedAt: test.lastFailedAt },
      severity: test.failures >= 3 ? 'high' : 'medium',
      confidence: sameCommit ? 'high' : 'medium',
      confidenceReason: sameCommit
        ? `Passed and failed on ${test.commits.length === 1 ? 'commit' : 'commits'} ${test.commits.map((commit) => commit.slice(0, 7)).join(', ')}: the code did not change, the outcome did.`
        : 'Its outcome changed back and forth across runs of different commits; one failure and its fix can look the same, so it is not certain.',
      size: test.failures,
      material: test.why,
      fix: { text: `Find what ${test.name} depends on besides the code (time, order, network, shared state) and make it deterministic; quarantine it until then.`, draft: null },
    };
  });
}

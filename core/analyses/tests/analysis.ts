import { z } from 'zod';
import { findFlakyTests } from '../../../analyzers/tests/flaky-tests.js';
import { analysisDescriptor } from '../../api/analyses.js';
import { findToolOutputs } from '../../git/work-tree-outputs.js';
import type { TestsReport } from '../../api/tests.js';
import { getReportDocument, insertReportDocument } from '../../store/snapshot-reports.js';
import { readTestRuns } from '../../store/test-runs.js';
import type { Analysis } from '../analysis.js';
import { importTestResults } from './import-test-results.js';
import { flakyTestItems } from './items.js';

/** Where test runners are usually told to write JUnit XML, in each package. */
const conventionalNames = ['junit.xml', 'test-results/junit.xml', 'reports/junit.xml'];

const TestsOptionsSchema = z.object({
  /** JUnit files to import at this run, besides each package's conventional ones (absolute, or relative to the repository's root). */
  files: z.array(z.string().min(1)).default([]),
});

/**
 * Flaky tests from the test results imported so far (JUnit XML: `steward tests import`, and the files
 * each scan finds where runners write them): a test that passed and failed on one commit, or whose
 * outcome flips back and forth across runs.
 */
export const testsAnalysis: Analysis<'tests', z.infer<typeof TestsOptionsSchema>> = {
  descriptor: analysisDescriptor('tests'),
  version: '1',
  weight: 0.05,
  options: TestsOptionsSchema,
  async run({ db, root, commit, asOf, codeAnalysis, historySummary, signal, warn }, options) {
    const empty: TestsReport = { commit, status: asOf ? 'not read' : 'none', runs: [], tests: 0, flaky: [], flakyPercent: null };
    if (asOf) return { report: empty };
    const [code, summary] = await Promise.all([codeAnalysis(), historySummary()]);
    const repository = summary.rootCommits.join(' ');
    const files = [...options.files, ...(await findToolOutputs(root, code.packageDirs, conventionalNames, { firstOnly: false }))];
    if (files.length > 0) {
      const imported = await importTestResults({ db, root, repository, commit, committedAt: summary.committedAt, files, base: root, signal });
      for (const warning of imported.warnings) warn(warning);
    }
    const runs = readTestRuns(db, repository);
    if (runs.length === 0) return { report: empty };
    const flakiness = findFlakyTests(runs);
    const iso = (at: number) => new Date(at).toISOString();
    return {
      report: {
        commit,
        status: 'read',
        runs: runs.map((run) => ({
          source: run.source,
          commit: run.commit,
          writtenAt: iso(run.at),
          matchesCommit: run.matchesCommit,
          tests: run.results.length,
          failed: run.results.filter((result) => result.outcome === 'failed').length,
          skipped: run.results.filter((result) => result.outcome === 'skipped').length,
        })),
        tests: flakiness.tests,
        flaky: flakiness.flaky.map((test) => ({ ...test, lastFailedAt: test.lastFailedAt === null ? null : iso(test.lastFailedAt) })),
        flakyPercent: flakiness.percent,
      },
    };
  },
  save: (db, snapshotId, report) => insertReportDocument(db, snapshotId, 'tests', report),
  load: (db, snapshotId) => getReportDocument(db, snapshotId, 'tests', testsAnalysis.descriptor.report),
  items: flakyTestItems,
  spoke: (report) => report.status === 'read',
};

import type { AnalysisId } from '../api/analyses.js';
import type { Analysis } from './analysis.js';
import { codeAnalysis } from './code/analysis.js';
import { coverageAnalysis } from './test-coverage/analysis.js';
import { deadCodeAnalysis } from './dead-code/analysis.js';
import { dependenciesAnalysis } from './dependencies/analysis.js';
import { historyAnalysis } from './history/analysis.js';
import { markersAnalysis } from './markers/analysis.js';
import { testsAnalysis } from './tests/analysis.js';

/**
 * Every analysis, in the order a scan runs them. The scan pipeline, the `snapshots.<id>` routes and
 * the CLI's analysis commands are derived from this table; the type checker holds it in step with the
 * descriptors in core/api/analyses.ts.
 */
export const analyses: { readonly [Id in AnalysisId]: Analysis<Id, unknown> } = {
  code: codeAnalysis,
  deadCode: deadCodeAnalysis,
  history: historyAnalysis,
  dependencies: dependenciesAnalysis,
  markers: markersAnalysis,
  coverage: coverageAnalysis,
  tests: testsAnalysis,
};

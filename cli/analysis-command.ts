import type { Command } from 'commander';
import type { AnalysisId, AnalysisReport } from '../core/api/analyses.js';
import type { RunResult } from '../core/api/scans.js';
import type { OutputOptions } from './output.js';

/**
 * How the CLI shows one analysis: `steward <descriptor's command> <path>` is derived from the
 * analysis's descriptor; this adds its own flags, what they tell the analysis, and its text report.
 * `--json` prints `{ root, branch, warnings, ...report }` unless `json` says otherwise; `--sarif`
 * prints the findings as items (with their fingerprints) for every analysis.
 */
export interface AnalysisCommand<Id extends AnalysisId, Flags extends OutputOptions = OutputOptions> {
  flags?(command: Command): Command;
  /** What the analysis is told (its options), from the flags. */
  options?(flags: Flags): Record<string, unknown>;
  json?(result: RunResult, report: AnalysisReport<Id>, flags: Flags): unknown;
  print(result: RunResult, report: AnalysisReport<Id>, flags: Flags): void;
}

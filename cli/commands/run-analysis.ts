import { type AnalysisId, analysisDescriptor } from '../../core/api/analyses.js';
import { call } from '../../core/api/call.js';
import { StewardError } from '../../core/api/errors.js';
import { itemsToSarif } from '../../core/reports/sarif.js';
import type { Steward } from '../../core/steward.js';
import type { AnalysisCommand } from '../analysis-command.js';
import { analysisCommands } from '../analysis-commands.js';
import { installation } from '../installation.js';
import { type OutputOptions, printJson } from '../output.js';
import { runJob } from './follow-job.js';

/**
 * `steward <analysis> <path>`: the analysis on HEAD through the same API and pipeline as a scan, but
 * saving nothing; prints its report as text or JSON, or its findings as SARIF.
 */
export async function runAnalysisCommand(steward: Steward, id: AnalysisId, path: string, flags: OutputOptions & { sarif?: boolean }): Promise<void> {
  const command = analysisCommands[id] as AnalysisCommand<AnalysisId, OutputOptions>;
  const job = await runJob(steward, path, { analyses: [id], save: false, options: { [id]: command.options?.(flags) ?? {} } }, flags);
  const result = await call(steward.handlers, 'scans.result', { jobId: job.id });
  const report = result.reports[id];
  if (report === undefined) throw new StewardError('internal', `The run gave no ${analysisDescriptor(id).command.name} report`);
  if (flags.sarif) printJson(itemsToSarif(result.items.filter((item) => item.analysis === id), result.commit, installation.version));
  else if (flags.json) printJson(command.json ? command.json(result, report, flags) : { root: result.root, branch: result.branch, warnings: result.warnings, ...report });
  else command.print(result, report, flags);
}

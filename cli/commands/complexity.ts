import type { CodeReport, CodeStats } from '../../core/api/code.js';
import { toCodeReport } from '../../core/code/code-report.js';
import { codeReportToSarif } from '../../core/reports/code-sarif.js';
import type { Steward } from '../../core/steward.js';
import { plural } from '../../core/wording.js';
import { installation } from '../installation.js';
import { type OutputOptions, printJson, printTable, printText } from '../output.js';
import { analyzeWithProgress } from './analyze-with-progress.js';

export interface ComplexityOptions extends OutputOptions {
  sarif?: boolean;
  top: number;
}

/** `steward complexity <path>`: the code engine on HEAD: complex functions and folders, cycles, boundaries, deprecated uses. */
export async function complexityCommand(steward: Steward, path: string, options: ComplexityOptions): Promise<void> {
  const result = await analyzeWithProgress(steward, path, options, async (analysed) => analysed);
  const report = toCodeReport(result.analysis, result.commit, { top: options.top });
  const { stats } = result.analysis;
  if (options.sarif) printJson(codeReportToSarif(report, installation.version));
  else if (options.json) printJson({ root: result.root, branch: result.branch, stats, warnings: result.warnings, ...report });
  else printReport(report, stats, result.warnings);
}

function printReport(report: CodeReport, stats: CodeStats, warnings: readonly string[]): void {
  printText(
    `${plural(stats.files, 'code file')} (${stats.parsed} parsed, ${stats.cached} from cache, ${stats.excluded} left out) in ${(stats.durationMs / 1000).toFixed(2)} s`,
  );
  const { cognitive, cyclomatic } = report.thresholds;
  printText(`\nMost complex functions (thresholds: cognitive ${cognitive}, cyclomatic ${cyclomatic}):`);
  printTable(
    ['Function', 'Location', 'Cognitive', 'Cyclomatic', 'Nesting'],
    report.functions.map((fn) => [fn.name, `${fn.path}:${fn.line}`, fn.cognitive, fn.cyclomatic, fn.maxNesting]),
    2,
  );
  const topFolders = report.folders.filter((folder) => folder.path !== '' && !folder.path.includes('/')).sort((a, b) => b.cognitiveSum - a.cognitiveSum);
  printText('Top-level folders:');
  printTable(
    ['Folder', 'Files', 'Functions', 'Cognitive', 'Over threshold', 'Maintainability'],
    topFolders.map((f) => [f.path, f.files, f.functions, f.cognitiveSum, f.overThreshold, f.maintainability === null ? '–' : f.maintainability.toFixed(0)]),
  );
  for (const cycle of report.cycles) printText(`Import cycle: ${cycle.edges.map((edge) => `${edge.from}:${edge.line} → ${edge.to}`).join(', ')}`);
  for (const violation of report.boundaryViolations) printText(`Boundary: ${violation.path}:${violation.line} imports ${violation.target}: ${violation.rule}`);
  for (const use of report.deprecatedUses) printText(`Deprecated: ${use.path}:${use.line} uses ${use.symbol} (${use.declaredIn}): ${use.message || 'no message'}`);
  for (const file of report.parseErrors) printText(`Parse error: ${file.path}:${file.line}: ${file.message}`);
  if (report.excluded.length > 0) printText(`Left out: ${plural(report.excluded.length, 'file')} (generated, vendored or build output; --json lists them)`);
  for (const warning of warnings) printText(`warning: ${warning}`);
}

import type { CodeStats } from '../../core/api/code.js';
import { plural } from '../../core/wording.js';
import type { AnalysisCommand } from '../analysis-command.js';
import { type OutputOptions, parseCount, printTable, printText } from '../output.js';

interface ComplexityFlags extends OutputOptions {
  top: number;
}

/** `steward complexity <path>`: complex functions and folders, cycles, boundaries, deprecated uses. */
export const complexityCommand: AnalysisCommand<'code', ComplexityFlags> = {
  flags: (command) =>
    command.option('--top <n>', 'how many of the most complex functions to list', parseCount, 25),
  json: ({ root, branch, stats, warnings }, report, { top }) => ({ root, branch, stats: stats.code, warnings, ...report, functions: report.functions.slice(0, top) }),
  print({ stats, warnings }, report, { top }) {
    const run = stats.code as unknown as CodeStats;
    printText(`${plural(run.files, 'code file')} (${run.parsed} parsed, ${run.cached} from cache, ${run.excluded} left out) in ${(run.durationMs / 1000).toFixed(2)} s`);
    const { cognitive, cyclomatic } = report.thresholds;
    printText(`\nMost complex functions (thresholds: cognitive ${cognitive}, cyclomatic ${cyclomatic}):`);
    printTable(
      ['Function', 'Location', 'Cognitive', 'Cyclomatic', 'Nesting'],
      report.functions.slice(0, top).map((fn) => [fn.name, `${fn.path}:${fn.line}`, fn.cognitive, fn.cyclomatic, fn.maxNesting]),
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
  },
};

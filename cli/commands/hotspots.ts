import type { HistoryReport } from '../../core/api/history.js';
import { plural } from '../../core/wording.js';
import type { AnalysisCommand } from '../analysis-command.js';
import { formatDate, formatNumber, type OutputOptions, parseCount, printTable, printText } from '../output.js';

interface HotspotsFlags extends OutputOptions {
  top: number;
}

/**
 * `steward hotspots <path>`: files that are complex and change often (code-maat revisions ×
 * complexity), with change coupling, ownership and activity in the JSON.
 */
export const hotspotsCommand: AnalysisCommand<'history', HotspotsFlags> = {
  flags: (command) => command.option('--top <n>', 'how many hotspots and coupled pairs to print (the JSON has them all)', parseCount, 20),
  print: (result, report, { top }) => printReport(report, result.warnings, top),
};

function printReport(report: HistoryReport, warnings: readonly string[], top: number): void {
  const { read } = report;
  printText(
    `History as of ${formatDate(report.asOf)}: ${plural(read.stored, 'commit')} (${read.mode === 'unchanged' ? 'nothing new to read' : `${formatNumber(read.read)} read now, ${read.mode}`}); hotspots and coupling over the last ${report.windowMonths} months.`,
  );
  printText(`\nHotspots (revisions × complexity, biggest first):`);
  printTable(
    ['#', 'File', 'Revisions', 'Complexity', 'Score', 'Authors', 'Last changed'],
    report.hotspots.slice(0, top).map((spot) => [
      spot.rank,
      spot.path,
      spot.revisions,
      `${spot.complexity}${spot.measure === 'lines' ? ' lines' : ''}`,
      spot.score,
      spot.authors,
      formatDate(spot.lastChanged),
    ]),
    2,
  );
  const thresholds = report.couplingThresholds;
  printText(`\nChange coupling (degree ≥ ${thresholds.minDegree} %, ≥ ${thresholds.minSharedRevisions} shared commits, commits of ≤ ${thresholds.maxChangesetSize} files):`);
  printTable(
    ['Degree', 'File', 'Changes with', 'Shared', 'Across boundary'],
    report.coupling.slice(0, top).map((pair) => [`${pair.degree} %`, pair.first, pair.second, pair.sharedRevisions, pair.crossesBoundary ? 'yes' : '']),
    3,
  );
  const islands = report.files.filter((file) => file.knowledgeIsland);
  const orphaned = report.files.filter((file) => file.ownersInactive);
  printText(`\n${plural(islands.length, 'knowledge island')} (≥ 95 % by one active author), ${plural(orphaned.length, 'file')} whose main developers have been inactive for 6 months.`);
  for (const warning of warnings) printText(`warning: ${warning}`);
}

import type { HistoryReport } from '../../core/api/history.js';
import { analyzeRepositoryHistory } from '../../core/history/analyze-repository-history.js';
import { toHistoryReport } from '../../core/history/history-report.js';
import type { Steward } from '../../core/steward.js';
import { plural } from '../../core/wording.js';
import { formatDate, formatNumber, type OutputOptions, printJson, printTable, printText, wantsProgress } from '../output.js';
import { progressBar } from '../progress-bar.js';
import { analyzeWithProgress } from './analyze-with-progress.js';

export interface HotspotsOptions extends OutputOptions {
  top: number;
}

/**
 * `steward hotspots <path>`: files that are complex and change often (code-maat revisions ×
 * complexity), with change coupling, ownership and activity in the JSON.
 */
export async function hotspotsCommand(steward: Steward, path: string, options: HotspotsOptions): Promise<void> {
  const { result, report } = await analyzeWithProgress(steward, path, options, async (analysed, signal) => {
    const bar = wantsProgress(options) ? progressBar() : undefined;
    try {
      const history = await analyzeRepositoryHistory({
        db: steward.db,
        root: analysed.root,
        commit: analysed.commit,
        tree: analysed.tree,
        code: analysed.analysis,
        parseWorkerUrl: steward.workers.parse,
        signal,
        progress: (done, total) => bar?.update(total > 0 ? done / total : 0, `Reading ${plural(total, 'commit')}`),
        warn: (message) => analysed.warnings.push(message),
      });
      return { result: analysed, report: toHistoryReport(history, analysed.commit) };
    } finally {
      bar?.stop();
    }
  });
  if (options.json) printJson({ root: result.root, branch: result.branch, warnings: result.warnings, ...report });
  else printReport(report, result.warnings, options.top);
}

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

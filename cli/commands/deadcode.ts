import { type DeadCodeFindingReport, type DeadCodeReport, deadCodeKindTitles, deadCodeKinds } from '../../core/api/dead-code.js';
import { toDeadCodeReport } from '../../core/code/dead-code-report.js';
import { deadCodeReportToSarif } from '../../core/reports/dead-code-sarif.js';
import type { Steward } from '../../core/steward.js';
import { plural } from '../../core/wording.js';
import { installation } from '../installation.js';
import { formatDate, formatNumber, type OutputOptions, printJson, printTable, printText } from '../output.js';
import { analyzeWithProgress } from './analyze-with-progress.js';

export interface DeadCodeOptions extends OutputOptions {
  sarif?: boolean;
  production?: boolean;
}

/** `steward deadcode <path>`: unused files, exports, types, enum members and dependencies at HEAD. */
export async function deadCodeCommand(steward: Steward, path: string, options: DeadCodeOptions): Promise<void> {
  const production = options.production === true;
  const { result, report } = await analyzeWithProgress(steward, path, options, async (analysed, signal) => ({
    result: analysed,
    report: await toDeadCodeReport(await analysed.analysis.deadCode(production), { db: steward.db, root: analysed.root, commit: analysed.commit, signal }),
  }));
  if (options.sarif) printJson(deadCodeReportToSarif(report, installation.version));
  else if (options.json) printJson({ root: result.root, branch: result.branch, warnings: result.warnings, ...report });
  else printReport(report, result.warnings);
}

function printReport(report: DeadCodeReport, warnings: readonly string[]): void {
  const { stats } = report;
  printText(
    `${plural(stats.files, 'code file')}, ${formatNumber(stats.reachable)} in use, searched from ${plural(stats.entries, 'entry', 'entries')}${report.production ? ' (production entries only)' : ''}`,
  );
  for (const kind of deadCodeKinds) {
    const heading = deadCodeKindTitles[kind];
    const findings = report.findings.filter((finding) => finding.kind === kind);
    if (findings.length === 0) continue;
    printText(`\n${heading} (${findings.length}):`);
    printTable(
      ['Where', 'What', 'Last changed', 'Why'],
      findings.map((finding) => [`${finding.path}:${finding.line}`, what(finding), lastChanged(finding), finding.reason]),
      4,
    );
  }
  if (report.findings.length === 0) printText('No dead code found.');
  const workspaces = report.workspaces.filter((workspace) => Object.keys(workspace.findings).length > 0);
  if (report.workspaces.length > 1 && workspaces.length > 0) {
    printText('\nBy workspace:');
    printTable(
      ['Workspace', ...deadCodeKinds.map((kind) => deadCodeKindTitles[kind])],
      workspaces.map((workspace) => [workspace.name ?? (workspace.dir || '(root)'), ...deadCodeKinds.map((kind) => workspace.findings[kind] ?? 0)]),
    );
  }
  for (const warning of warnings) printText(`warning: ${warning}`);
}

function what(finding: DeadCodeFindingReport): string {
  if (finding.kind === 'file') return finding.lines === null ? 'file' : `file, ${plural(finding.lines, 'line')} of code`;
  return finding.name;
}

function lastChanged(finding: DeadCodeFindingReport): string {
  return finding.lastTouched ? `${formatDate(finding.lastTouched.date)} ${finding.lastTouched.author}` : '';
}

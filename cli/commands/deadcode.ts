import { type DeadCodeFindingReport, type DeadCodeReport, deadCodeKindTitles, deadCodeKinds } from '../../core/api/dead-code.js';
import { plural } from '../../core/wording.js';
import type { AnalysisCommand } from '../analysis-command.js';
import { formatDate, formatNumber, type OutputOptions, printTable, printText } from '../output.js';

interface DeadCodeFlags extends OutputOptions {
  production?: boolean;
}

/** `steward deadcode <path>`: unused files, exports, types, enum members and dependencies at HEAD. */
export const deadCodeCommand: AnalysisCommand<'deadCode', DeadCodeFlags> = {
  flags: (command) =>
    command.option('--production', 'search from production entries only (no tests or dev tooling) and leave devDependencies alone'),
  options: ({ production }) => ({ production: production === true }),
  print: (result, report) => printReport(report, result.warnings),
};

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
      ['Where', 'What', 'Sure', 'Last changed', 'Why'],
      findings.map((finding) => [`${finding.path}:${finding.line}`, what(finding), finding.confidence, lastChanged(finding), finding.reason]),
      5,
    );
  }
  if (report.findings.length === 0) printText('No dead code found.');
  printDoubts(report.doubts);
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

/** Where the entries found are not to be trusted, said before anyone acts on the findings. */
function printDoubts(doubts: DeadCodeReport['doubts']): void {
  for (const missed of doubts?.missedEntries ?? []) {
    printText(
      `\nSteward could not find how ${missed.label} starts: its ${plural(missed.entries, 'entry', 'entries')} reach only ${formatNumber(missed.reachable)} of its ${plural(missed.files, 'code file')}, so its unused files are low confidence. Is it one of these? (name the right ones in steward.config.json deadCode.entry)`,
    );
    printTable(
      ['Likely entry', 'Why'],
      missed.likelyEntries.map((entry) => [entry.path, entry.why]),
    );
  }
  for (const flood of doubts?.entryFloods ?? []) {
    printText(
      `\n${flood.entries} of the ${plural(flood.files, 'code file')} of ${flood.label} are entries (${formatNumber(flood.causeEntries)} of them from ${flood.cause}): nothing in it can be found unused.`,
    );
  }
}

function what(finding: DeadCodeFindingReport): string {
  if (finding.kind === 'file') return finding.lines === null ? 'file' : `file, ${plural(finding.lines, 'line')} of code`;
  return finding.name;
}

function lastChanged(finding: DeadCodeFindingReport): string {
  return finding.lastTouched ? `${formatDate(finding.lastTouched.date)} ${finding.lastTouched.author}` : '';
}

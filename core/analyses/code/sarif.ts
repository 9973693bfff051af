import type { CodeReport } from '../../api/code.js';
import { type SarifLog, type SarifResult, sarifLog } from '../../reports/sarif.js';

const rules = [
  { id: 'steward/cognitive-complexity', text: 'Function is too hard to understand (cognitive complexity, SonarSource white paper)' },
  { id: 'steward/cyclomatic-complexity', text: 'Function has too many paths (cyclomatic complexity, as ESLint counts it)' },
  { id: 'steward/boundary-violation', text: 'Import crosses an architecture boundary set in steward.config.json' },
  { id: 'steward/import-cycle', text: 'Files import each other in a cycle' },
] as const;

type RuleId = (typeof rules)[number]['id'];

/** Complexity over the thresholds, boundary violations and import cycles of a code report, as SARIF. */
export function codeReportToSarif(report: CodeReport, version: string): SarifLog {
  const { cognitive, cyclomatic } = report.thresholds;
  const results: (SarifResult & { ruleId: RuleId })[] = [];
  for (const fn of report.functions) {
    const place = { path: fn.path, line: fn.line, column: fn.column };
    if (fn.cognitive > cognitive) {
      results.push({ ruleId: 'steward/cognitive-complexity', message: `${fn.name} has a cognitive complexity of ${fn.cognitive} (threshold ${cognitive})`, ...place });
    }
    if (fn.cyclomatic > cyclomatic) {
      results.push({ ruleId: 'steward/cyclomatic-complexity', message: `${fn.name} has a cyclomatic complexity of ${fn.cyclomatic} (threshold ${cyclomatic})`, ...place });
    }
  }
  for (const violation of report.boundaryViolations) {
    results.push({ ruleId: 'steward/boundary-violation', message: `Imports ${violation.target} ('${violation.specifier}'): ${violation.rule}`, path: violation.path, line: violation.line });
  }
  for (const cycle of report.cycles) {
    const first = cycle.edges[0];
    if (first) results.push({ ruleId: 'steward/import-cycle', message: `Import cycle through ${cycle.files.length} files: ${cycle.files.join(' → ')}`, path: first.from, line: first.line });
  }
  return sarifLog(rules, results, report.commit, version);
}

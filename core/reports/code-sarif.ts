import type { CodeReport } from '../api/code.js';

/** SARIF 2.1.0, the format code-scanning tools (GitHub, IDEs) read. */
export interface SarifLog {
  version: '2.1.0';
  $schema: string;
  runs: unknown[];
}

const rules = [
  { id: 'steward/cognitive-complexity', text: 'Function is too hard to understand (cognitive complexity, SonarSource white paper)' },
  { id: 'steward/cyclomatic-complexity', text: 'Function has too many paths (cyclomatic complexity, as ESLint counts it)' },
  { id: 'steward/boundary-violation', text: 'Import crosses an architecture boundary set in steward.config.json' },
  { id: 'steward/import-cycle', text: 'Files import each other in a cycle' },
] as const;

type RuleId = (typeof rules)[number]['id'];

function result(ruleId: RuleId, message: string, path: string, line: number, column?: number) {
  return {
    ruleId,
    ruleIndex: rules.findIndex((rule) => rule.id === ruleId),
    level: 'warning',
    message: { text: message },
    locations: [
      { physicalLocation: { artifactLocation: { uri: encodeURI(path), uriBaseId: '%SRCROOT%' }, region: { startLine: line, ...(column ? { startColumn: column } : {}) } } },
    ],
  };
}

/** Complexity over the thresholds, boundary violations and import cycles of a code report, as SARIF. */
export function codeReportToSarif(report: CodeReport, version: string): SarifLog {
  const { cognitive, cyclomatic } = report.thresholds;
  const results = [];
  for (const fn of report.functions) {
    if (fn.cognitive > cognitive) {
      results.push(result('steward/cognitive-complexity', `${fn.name} has a cognitive complexity of ${fn.cognitive} (threshold ${cognitive})`, fn.path, fn.line, fn.column));
    }
    if (fn.cyclomatic > cyclomatic) {
      results.push(result('steward/cyclomatic-complexity', `${fn.name} has a cyclomatic complexity of ${fn.cyclomatic} (threshold ${cyclomatic})`, fn.path, fn.line, fn.column));
    }
  }
  for (const violation of report.boundaryViolations) {
    results.push(result('steward/boundary-violation', `Imports ${violation.target} ('${violation.specifier}'): ${violation.rule}`, violation.path, violation.line));
  }
  for (const cycle of report.cycles) {
    const first = cycle.edges[0];
    if (first) results.push(result('steward/import-cycle', `Import cycle through ${cycle.files.length} files: ${cycle.files.join(' → ')}`, first.from, first.line));
  }
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'Steward',
            version,
            rules: rules.map((rule) => ({ id: rule.id, shortDescription: { text: rule.text } })),
          },
        },
        versionControlProvenance: [{ repositoryUri: 'file:///', revisionId: report.commit }],
        results,
      },
    ],
  };
}

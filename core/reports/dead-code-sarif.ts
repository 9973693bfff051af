import type { DeadCodeReport } from '../api/dead-code.js';
import { type SarifLog, sarifLog } from './sarif.js';

const rules = [
  { id: 'steward/unused-file', text: 'File is not reachable from any entry point' },
  { id: 'steward/unused-export', text: 'Export is not imported by any file in use' },
  { id: 'steward/unused-type', text: 'Exported type is not imported by any file in use' },
  { id: 'steward/unused-enum-member', text: 'Enum member is never read' },
  { id: 'steward/unused-dependency', text: 'Dependency is listed in package.json but never used' },
  { id: 'steward/unused-dev-dependency', text: 'devDependency is listed in package.json but never used' },
  { id: 'steward/unlisted-dependency', text: 'Package is imported but not listed in package.json' },
  { id: 'steward/unresolved-import', text: 'Import leads to no file' },
] as const;

const ruleOf = {
  file: 'steward/unused-file',
  export: 'steward/unused-export',
  type: 'steward/unused-type',
  'enum-member': 'steward/unused-enum-member',
  dependency: 'steward/unused-dependency',
  'dev-dependency': 'steward/unused-dev-dependency',
  'unlisted-dependency': 'steward/unlisted-dependency',
  'unresolved-import': 'steward/unresolved-import',
} as const satisfies Record<DeadCodeReport['findings'][number]['kind'], (typeof rules)[number]['id']>;

/** Every dead-code finding as a SARIF result, its reason as the message. */
export function deadCodeReportToSarif(report: DeadCodeReport, version: string): SarifLog {
  const results = report.findings.map((finding) => ({
    ruleId: ruleOf[finding.kind],
    message: finding.kind === 'file' ? `Unused file: ${finding.reason}` : `\`${finding.name}\`: ${finding.reason}`,
    path: finding.path,
    line: finding.line,
  }));
  return sarifLog(rules, results, report.commit, version);
}

import type { DeadCodeReport } from '../../api/dead-code.js';
import { type SarifLog, sarifLog } from '../../reports/sarif.js';

/** The SARIF rule of each kind of finding. */
const ruleOf = {
  file: { id: 'steward/unused-file', text: 'File is not reachable from any entry point' },
  export: { id: 'steward/unused-export', text: 'Export is not imported by any file in use' },
  type: { id: 'steward/unused-type', text: 'Exported type is not imported by any file in use' },
  'enum-member': { id: 'steward/unused-enum-member', text: 'Enum member is never read' },
  dependency: { id: 'steward/unused-dependency', text: 'Dependency is listed in package.json but never used' },
  'dev-dependency': { id: 'steward/unused-dev-dependency', text: 'devDependency is listed in package.json but never used' },
  'unlisted-dependency': { id: 'steward/unlisted-dependency', text: 'Package is imported but not listed in package.json' },
  'unresolved-import': { id: 'steward/unresolved-import', text: 'Import leads to no file' },
} as const satisfies Record<DeadCodeReport['findings'][number]['kind'], { id: string; text: string }>;

/** Every dead-code finding as a SARIF result, its reason as the message. */
export function deadCodeReportToSarif(report: DeadCodeReport, version: string): SarifLog {
  const results = report.findings.map((finding) => ({
    ruleId: ruleOf[finding.kind].id,
    message: finding.kind === 'file' ? `Unused file: ${finding.reason}` : `\`${finding.name}\`: ${finding.reason}`,
    path: finding.path,
    line: finding.line,
  }));
  return sarifLog(Object.values(ruleOf), results, report.commit, version);
}

import type { DeadCodeFindingReport, DeadCodeReport } from '../../api/dead-code.js';
import type { ItemKind } from '../../api/inventory.js';
import type { ItemContext, ItemDraft } from '../../inventory/item-draft.js';

const kinds: Record<DeadCodeFindingReport['kind'], ItemKind> = {
  file: 'unused-file',
  export: 'unused-export',
  type: 'unused-type',
  'enum-member': 'unused-enum-member',
  dependency: 'unused-dependency',
  'dev-dependency': 'unused-dependency',
  'misplaced-dependency': 'misplaced-dependency',
  'unlisted-dependency': 'unlisted-dependency',
  'unresolved-import': 'unresolved-import',
};

/** Unused files, exports, types, enum members and dependencies; unlisted dependencies and unresolved imports. */
export function deadCodeItems(report: DeadCodeReport, { blobOf }: ItemContext): ItemDraft[] {
  return report.findings.map((finding): ItemDraft => {
    const touched = finding.lastTouched ? `; last changed ${finding.lastTouched.date.slice(0, 10)} by ${finding.lastTouched.author}` : '';
    const base = {
      kind: kinds[finding.kind],
      path: finding.path,
      line: finding.kind === 'file' ? null : finding.line,
      evidence: { reason: finding.reason, workspace: finding.workspace, importers: finding.importers, lines: finding.lines, lastChanged: finding.lastTouched?.date ?? null },
      material: blobOf(finding.path) ?? finding.reason,
      confidence: finding.confidence,
      confidenceReason: finding.confidenceReason,
    };
    switch (finding.kind) {
      case 'file':
        return {
          ...base,
          title: `${finding.path} is not used${finding.lines === null ? '' : ` (${finding.lines} lines of code)`}`,
          symbol: null,
          severity: 'medium',
          size: finding.lines ?? 0,
          fix: { text: `Delete ${finding.path}${touched}.`, draft: 'deadcode' },
        };
      case 'export':
      case 'type':
      case 'enum-member':
        return {
          ...base,
          title: `${finding.name} is exported by ${finding.path} but nothing imports it`,
          symbol: finding.name,
          severity: 'low',
          size: 1,
          fix: { text: finding.kind === 'enum-member' ? `Remove the member ${finding.name}.` : `Remove the export of ${finding.name} (and the declaration, if nothing in its file uses it).`, draft: 'deadcode' },
        };
      case 'dependency':
      case 'dev-dependency': {
        const field = finding.kind === 'dependency' ? 'dependencies' : 'devDependencies';
        return {
          ...base,
          evidence: { ...base.evidence, field },
          material: field,
          title: `${finding.name} is in ${finding.path} ${field} but nothing uses it`,
          symbol: finding.name,
          severity: 'low',
          size: 1,
          fix: { text: `Remove ${finding.name} from ${finding.path} ${field}.`, draft: 'deadcode' },
        };
      }
      case 'misplaced-dependency':
        return {
          ...base,
          title: `${finding.name} is listed in ${finding.path} but used only by other packages (${finding.reason})`,
          symbol: finding.name,
          severity: 'low',
          size: 1,
          fix: { text: `Move ${finding.name} from ${finding.path} to the package.json of the packages that import it.`, draft: 'deps' },
        };
      case 'unlisted-dependency':
        return {
          ...base,
          title: `${finding.name} is imported but not listed in package.json (${finding.reason})`,
          symbol: finding.name,
          severity: 'medium',
          size: 1,
          fix: { text: `Add ${finding.name} to the package.json of ${finding.workspace || 'the root'}, at the version in use.`, draft: 'deps' },
        };
      case 'unresolved-import':
        return {
          ...base,
          title: `${finding.path} imports ${finding.name}, which does not resolve`,
          symbol: finding.name,
          severity: 'high',
          size: 1,
          fix: { text: `Fix or remove the import of ${finding.name}.`, draft: null },
        };
    }
  });
}

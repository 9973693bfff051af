import type { DeadCodeResult } from '../../../analyzers/deadcode/dead-code.js';
import type { DeadCodeReport } from '../../api/dead-code.js';
import { readLastTouched } from '../../git/last-touched.js';
import type { Database } from '../../store/database.js';

/** Kinds whose findings live in a source file, so git can say when that file last changed. */
const inSourceFiles = new Set(['file', 'export', 'type', 'enum-member', 'unresolved-import']);

/**
 * The dead-code result with the evidence a reviewer weighs before deleting anything: when the file
 * last changed and by whom, and how many lines an unused file holds.
 */
export async function toDeadCodeReport(
  result: DeadCodeResult,
  { cache, root, commit, signal }: { cache: Database; root: string; commit: string; signal: AbortSignal },
): Promise<DeadCodeReport> {
  const paths = [...new Set(result.findings.filter((finding) => inSourceFiles.has(finding.kind)).map((finding) => finding.path))];
  const touches = await readLastTouched(cache, root, commit, paths, signal);
  return {
    commit,
    production: result.production,
    findings: result.findings.map((finding) => ({
      ...finding,
      lines: finding.lines ?? null,
      lastTouched: touches.get(finding.path) ?? null,
    })),
    entries: result.entries,
    possiblyUsed: result.possiblyUsed,
    stats: result.stats,
    workspaces: result.workspaces,
    doubts: result.doubts,
  };
}

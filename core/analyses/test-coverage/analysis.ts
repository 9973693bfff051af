import { z } from 'zod';
import type { FileCoverage } from '../../../analyzers/test-coverage/read-coverage.js';
import { analysisDescriptor } from '../../api/analyses.js';
import type { CoverageReport } from '../../api/coverage.js';
import { ordinals } from '../../inventory/ordinals.js';
import { getReportDocument, insertReportDocument } from '../../store/snapshot-reports.js';
import type { Analysis } from '../analysis.js';
import { coverageItems } from './items.js';
import { readCoverageFiles } from './read-coverage-files.js';

const CoverageOptionsSchema = z.object({
  /** Coverage files to read instead of each package's coverage/ folder (absolute, or relative to the repository's root). */
  files: z.array(z.string().min(1)).default([]),
});

/**
 * Line coverage the repository's own test runs wrote (lcov, Istanbul): per file and folder, and the
 * complex functions it leaves uncovered. Reads files outside the commit, so each is judged against
 * the scanned commit by its time; a past commit (a backfill) has none.
 */
export const coverageAnalysis: Analysis<'coverage', z.infer<typeof CoverageOptionsSchema>> = {
  descriptor: analysisDescriptor('coverage'),
  version: '1',
  weight: 0.05,
  options: CoverageOptionsSchema,
  async run({ root, commit, asOf, treeFiles, codeAnalysis, historySummary, signal, warn }, options) {
    const empty: CoverageReport = { commit, status: asOf ? 'not read' : 'none', sources: [], files: [], folders: [], complexFunctions: [], ignored: [] };
    if (asOf) return { report: empty };
    const [tree, code, summary] = await Promise.all([treeFiles(), codeAnalysis(), historySummary()]);
    const read = await readCoverageFiles({
      root,
      tracked: tree.files.map((file) => file.path),
      packageDirs: code.packageDirs,
      given: options.files,
      committedAt: summary.committedAt,
      signal,
      warn,
    });
    if (read.sources.length === 0) return { report: empty };
    const { cognitive, cyclomatic } = code.complexity.thresholds;
    // Told apart as the complex-function items are: by name and place among same-named functions, never by line.
    const ordinal = ordinals(code.complexity.functions, (fn) => `${fn.path}\0${fn.name}`, () => null, (fn) => fn.line);
    const complexFunctions = code.complexity.functions
      .filter((fn) => (fn.cognitive > cognitive || fn.cyclomatic > cyclomatic) && read.byPath.get(fn.path)?.hits)
      .map((fn) => {
        const hits = read.byPath.get(fn.path)!.hits!;
        const lines = [...hits].filter(([line]) => line >= fn.line && line <= fn.endLine);
        const covered = lines.filter(([, count]) => count > 0).length;
        return { path: fn.path, name: fn.name, ordinal: ordinal.get(fn)!, line: fn.line, endLine: fn.endLine, cognitive: fn.cognitive, cyclomatic: fn.cyclomatic, lines: lines.length, covered, percent: percentOf(covered, lines.length) };
      });
    const files = [...read.byPath].map(([path, coverage]) => totals(path, [coverage])).sort((a, b) => (a.percent ?? 101) - (b.percent ?? 101) || a.path.localeCompare(b.path));
    return { report: { commit, status: 'read', sources: read.sources, files, folders: folderTotals(read.byPath), complexFunctions, ignored: read.ignored } };
  },
  save: (db, snapshotId, report) => insertReportDocument(db, snapshotId, 'coverage', report),
  load: (db, snapshotId) => getReportDocument(db, snapshotId, 'coverage', coverageAnalysis.descriptor.report),
  items: coverageItems,
  // Coverage files that could not be read say nothing either.
  spoke: (report) => report.sources.some((source) => source.error === null),
};

function percentOf(covered: number, lines: number): number | null {
  return lines === 0 ? null : Math.round((covered / lines) * 1000) / 10;
}

function totals(path: string, files: readonly FileCoverage[]): CoverageReport['files'][number] {
  const lines = files.reduce((sum, file) => sum + file.lines, 0);
  const covered = files.reduce((sum, file) => sum + file.covered, 0);
  return { path, lines, covered, percent: percentOf(covered, lines) };
}

function folderTotals(byPath: ReadonlyMap<string, FileCoverage>): CoverageReport['folders'] {
  const byFolder = new Map<string, FileCoverage[]>();
  for (const [path, coverage] of byPath) {
    const parts = path.split('/').slice(0, -1);
    for (let depth = 0; depth <= parts.length; depth++) {
      const folder = parts.slice(0, depth).join('/');
      const files = byFolder.get(folder);
      if (files) files.push(coverage);
      else byFolder.set(folder, [coverage]);
    }
  }
  return [...byFolder].map(([folder, files]) => totals(folder, files)).sort((a, b) => (a.path === '' ? -1 : b.path === '' ? 1 : a.path.localeCompare(b.path)));
}

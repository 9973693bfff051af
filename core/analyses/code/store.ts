import type { CodeReport, ComplexityTotals } from '../../api/code.js';
import type { Database } from '../../store/database.js';

/** Saves a snapshot's code report; runs inside the snapshot's transaction. */
export function insertCodeReport(db: Database, snapshotId: number, report: CodeReport): void {
  db.prepare('INSERT INTO snapshot_code (snapshot_id, cognitive_threshold, cyclomatic_threshold) VALUES (?, ?, ?)').run(
    snapshotId,
    report.thresholds.cognitive,
    report.thresholds.cyclomatic,
  );
  const insertFunction = db.prepare(
    `INSERT INTO snapshot_functions (snapshot_id, path, line, column_number, end_line, name, ordinal, kind, parameters, cyclomatic, cognitive, max_nesting)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  for (const fn of report.functions) {
    insertFunction.run(snapshotId, fn.path, fn.line, fn.column, fn.endLine, fn.name, fn.ordinal, fn.kind, fn.parameters, fn.cyclomatic, fn.cognitive, fn.maxNesting);
  }
  const insertTotals = db.prepare(
    `INSERT INTO snapshot_complexity (snapshot_id, scope, path, files, functions, lines_of_code, cyclomatic_sum, cyclomatic_max,
       cognitive_sum, cognitive_max, cognitive_p90, over_threshold, maintainability)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const saveTotals = (scope: 'file' | 'folder', rows: readonly ComplexityTotals[]): void => {
    for (const t of rows) {
      insertTotals.run(snapshotId, scope, t.path, t.files, t.functions, t.linesOfCode, t.cyclomaticSum, t.cyclomaticMax, t.cognitiveSum, t.cognitiveMax, t.cognitiveP90, t.overThreshold, t.maintainability);
    }
  };
  saveTotals('file', report.files);
  saveTotals('folder', report.folders);
  const insertIssue = db.prepare('INSERT INTO snapshot_code_issues (snapshot_id, path, kind, line, message) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING');
  for (const file of report.excluded) insertIssue.run(snapshotId, file.path, 'excluded', null, file.reason);
  for (const error of report.parseErrors) insertIssue.run(snapshotId, error.path, 'parse-error', error.line, error.message);
  const insertUse = db.prepare(
    'INSERT INTO snapshot_deprecated_uses (snapshot_id, path, line, symbol, declared_in, message) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  for (const use of report.deprecatedUses) insertUse.run(snapshotId, use.path, use.line, use.symbol, use.declaredIn, use.message);
  const insertCycle = db.prepare('INSERT INTO snapshot_import_cycles (snapshot_id, cycle, edges) VALUES (?, ?, ?)');
  report.cycles.forEach((cycle, index) => insertCycle.run(snapshotId, index, JSON.stringify(cycle.edges)));
  const insertViolation = db.prepare(
    'INSERT INTO snapshot_boundary_violations (snapshot_id, path, line, specifier, target, rule) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  for (const v of report.boundaryViolations) insertViolation.run(snapshotId, v.path, v.line, v.specifier, v.target, v.rule);
}

interface TotalsRow {
  path: string;
  files: number;
  functions: number;
  lines_of_code: number;
  cyclomatic_sum: number;
  cyclomatic_max: number;
  cognitive_sum: number;
  cognitive_max: number;
  cognitive_p90: number;
  over_threshold: number;
  maintainability: number | null;
}

/** A snapshot's code report, or undefined when the snapshot was taken without the code engine. */
export function getCodeReport(db: Database, snapshotId: number): CodeReport | undefined {
  const head = db
    .prepare<[number], { commit_sha: string; cognitive_threshold: number; cyclomatic_threshold: number }>(
      `SELECT s.commit_sha, c.cognitive_threshold, c.cyclomatic_threshold
       FROM snapshot_code c JOIN snapshots s ON s.id = c.snapshot_id WHERE c.snapshot_id = ?`,
    )
    .get(snapshotId);
  if (!head) return undefined;
  const all = <T>(sql: string, ...params: unknown[]): T[] => db.prepare<unknown[], T>(sql).all(snapshotId, ...params);
  const totals = (scope: 'file' | 'folder'): ComplexityTotals[] =>
    all<TotalsRow>(`SELECT * FROM snapshot_complexity WHERE snapshot_id = ? AND scope = ? ORDER BY ${scope === 'file' ? 'cognitive_sum DESC, path' : 'path'}`, scope).map(
      (row) => ({
        path: row.path,
        files: row.files,
        functions: row.functions,
        linesOfCode: row.lines_of_code,
        cyclomaticSum: row.cyclomatic_sum,
        cyclomaticMax: row.cyclomatic_max,
        cognitiveSum: row.cognitive_sum,
        cognitiveMax: row.cognitive_max,
        cognitiveP90: row.cognitive_p90,
        overThreshold: row.over_threshold,
        maintainability: row.maintainability,
      }),
    );
  const issues = (kind: string) =>
    all<{ path: string; line: number | null; message: string }>('SELECT path, line, message FROM snapshot_code_issues WHERE snapshot_id = ? AND kind = ? ORDER BY path', kind);
  return {
    commit: head.commit_sha,
    thresholds: { cognitive: head.cognitive_threshold, cyclomatic: head.cyclomatic_threshold },
    functions: all(
      `SELECT path, line, column_number AS "column", end_line AS "endLine", name, ordinal, kind, parameters, cyclomatic, cognitive, max_nesting AS "maxNesting"
       FROM snapshot_functions WHERE snapshot_id = ? ORDER BY cognitive DESC, cyclomatic DESC, path, line`,
    ),
    files: totals('file'),
    folders: totals('folder'),
    deprecatedUses: all(
      'SELECT path, line, symbol, declared_in AS "declaredIn", message FROM snapshot_deprecated_uses WHERE snapshot_id = ? ORDER BY path, line',
    ),
    cycles: all<{ edges: string }>('SELECT edges FROM snapshot_import_cycles WHERE snapshot_id = ? ORDER BY cycle').map((row) => {
      const edges = JSON.parse(row.edges) as CodeReport['cycles'][number]['edges'];
      return { files: [...new Set(edges.flatMap((edge) => [edge.from, edge.to]))].sort(), edges };
    }),
    boundaryViolations: all('SELECT path, line, specifier, target, rule FROM snapshot_boundary_violations WHERE snapshot_id = ? ORDER BY path, line'),
    excluded: issues('excluded').map(({ path, message }) => ({ path, reason: message })),
    parseErrors: issues('parse-error').map(({ path, line, message }) => ({ path, line: line ?? 1, message })),
  };
}

import { type DeadCodeFindingReport, type DeadCodeReport, deadCodeKinds } from '../../api/dead-code.js';
import type { Database } from '../../store/database.js';

/** Saves a snapshot's dead-code report; runs inside the snapshot's transaction. */
export function insertDeadCodeReport(db: Database, snapshotId: number, report: DeadCodeReport): void {
  db.prepare(
    'INSERT INTO snapshot_dead_code (snapshot_id, production, files, reachable, entries, possibly_used, workspaces, doubts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    snapshotId,
    report.production ? 1 : 0,
    report.stats.files,
    report.stats.reachable,
    JSON.stringify(report.entries),
    JSON.stringify(report.possiblyUsed),
    JSON.stringify(report.workspaces),
    report.doubts === null ? null : JSON.stringify(report.doubts),
  );
  const insert = db.prepare(
    `INSERT INTO snapshot_dead_code_findings
       (snapshot_id, kind, path, line, name, workspace, reason, importers, lines, last_commit, last_date, last_author, confidence, confidence_reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  for (const f of report.findings) {
    const touched = f.lastTouched;
    insert.run(
      snapshotId,
      f.kind,
      f.path,
      f.line,
      f.name,
      f.workspace,
      f.reason,
      JSON.stringify(f.importers),
      f.lines,
      touched?.commit ?? null,
      touched?.date ?? null,
      touched?.author ?? null,
      f.confidence,
      f.confidenceReason,
    );
  }
}

interface FindingRow {
  kind: DeadCodeFindingReport['kind'];
  path: string;
  line: number;
  name: string;
  workspace: string;
  reason: string;
  importers: string;
  lines: number | null;
  last_commit: string | null;
  last_date: string | null;
  last_author: string | null;
  confidence: DeadCodeFindingReport['confidence'] | null;
  confidence_reason: string | null;
}

/** What a finding saved before Steward judged confidence says of it: not "high", and why. */
const unjudged = { confidence: 'medium', confidenceReason: 'Saved before Steward judged how sure each finding is: scan again to judge it.' } as const;

/** A snapshot's dead-code report, or undefined when the snapshot was taken without the analysis. */
export function getDeadCodeReport(db: Database, snapshotId: number): DeadCodeReport | undefined {
  const head = db
    .prepare<[number], { commit_sha: string; production: number; files: number; reachable: number; entries: string; possibly_used: string; workspaces: string; doubts: string | null }>(
      `SELECT s.commit_sha, d.production, d.files, d.reachable, d.entries, d.possibly_used, d.workspaces, d.doubts
       FROM snapshot_dead_code d JOIN snapshots s ON s.id = d.snapshot_id WHERE d.snapshot_id = ?`,
    )
    .get(snapshotId);
  if (!head) return undefined;
  const rows = db
    .prepare<[number], FindingRow>('SELECT * FROM snapshot_dead_code_findings WHERE snapshot_id = ? ORDER BY path, line, name')
    .all(snapshotId)
    .sort((a, b) => deadCodeKinds.indexOf(a.kind) - deadCodeKinds.indexOf(b.kind));
  const entries = JSON.parse(head.entries) as DeadCodeReport['entries'];
  return {
    commit: head.commit_sha,
    production: head.production === 1,
    findings: rows.map((row) => ({
      kind: row.kind,
      path: row.path,
      line: row.line,
      name: row.name,
      workspace: row.workspace,
      reason: row.reason,
      importers: JSON.parse(row.importers) as string[],
      lines: row.lines,
      lastTouched: row.last_commit === null ? null : { commit: row.last_commit, date: row.last_date!, author: row.last_author! },
      ...(row.confidence === null ? unjudged : { confidence: row.confidence, confidenceReason: row.confidence_reason ?? '' }),
    })),
    entries,
    possiblyUsed: JSON.parse(head.possibly_used) as DeadCodeReport['possiblyUsed'],
    stats: { files: head.files, reachable: head.reachable, entries: entries.length },
    workspaces: JSON.parse(head.workspaces) as DeadCodeReport['workspaces'],
    doubts: head.doubts === null ? null : (JSON.parse(head.doubts) as DeadCodeReport['doubts']),
  };
}

import type { z } from 'zod';
import type { Database } from './database.js';

/** Saves an analysis's report as one document with its snapshot (for analyses without tables of their own). */
export function insertReportDocument(db: Database, snapshotId: number, analysis: string, report: unknown): void {
  db.prepare('INSERT INTO snapshot_reports (snapshot_id, analysis, report) VALUES (?, ?, ?)').run(snapshotId, analysis, JSON.stringify(report));
}

/** The report saved with the snapshot, checked against its schema; undefined when the snapshot has none. */
export function getReportDocument<Schema extends z.ZodType>(db: Database, snapshotId: number, analysis: string, schema: Schema): z.infer<Schema> | undefined {
  const row = db.prepare<[number, string], { report: string }>('SELECT report FROM snapshot_reports WHERE snapshot_id = ? AND analysis = ?').get(snapshotId, analysis);
  return row ? schema.parse(JSON.parse(row.report)) : undefined;
}

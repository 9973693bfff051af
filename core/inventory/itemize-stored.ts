import { analyses } from '../analyses/registry.js';
import type { AnalysisId } from '../api/analyses.js';
import type { Database } from '../store/database.js';
import { defaultCostModel } from './cost-model.js';
import { prepareItems } from './prepare-items.js';
import { updateInventory } from './update-inventory.js';

/**
 * Snapshots saved before the inventory existed get their items from their stored reports, oldest
 * first, so that every repository's history is in the inventory and nothing stored is lost. What a
 * scan reads from the commit itself (CODEOWNERS, cost settings, renames) is not there: default costs,
 * owners by history, no renames. Runs once per snapshot; each in its own transaction.
 */
export function itemizeStoredSnapshots(db: Database, now: Date): number {
  const pending = db
    .prepare<[], { id: number; repository_id: number }>(
      `SELECT s.id, s.repository_id FROM snapshots s WHERE s.kind = 'head' AND NOT EXISTS (SELECT 1 FROM snapshot_inventory i WHERE i.snapshot_id = s.id)
       ORDER BY s.finished_at, s.id`,
    )
    .all();
  for (const snapshot of pending) {
    db.transaction(() => {
      const reports: Partial<Record<AnalysisId, unknown>> = {};
      for (const analysis of Object.values(analyses)) {
        const report = analysis.load(db, snapshot.id);
        if (report !== undefined) reports[analysis.descriptor.id] = report;
      }
      const files = db.prepare<[number], { path: string; blob_sha: string; code_lines: number }>('SELECT path, blob_sha, code_lines FROM snapshot_files WHERE snapshot_id = ?').all(snapshot.id);
      const blobs = new Map(files.map((file) => [file.path, file.blob_sha]));
      const items = prepareItems({ reports, costModel: defaultCostModel, codeowners: undefined, warn: () => {}, blobOf: (path) => blobs.get(path), importersOf: () => null });
      updateInventory(db, {
        repositoryId: snapshot.repository_id,
        snapshotId: snapshot.id,
        analyses: Object.keys(reports) as AnalysisId[],
        items,
        renames: new Map(),
        linesOfCode: files.reduce((sum, file) => sum + file.code_lines, 0),
        minutesPerLine: defaultCostModel.minutesPerLine,
        team: null,
        now,
      });
    }).immediate();
  }
  return pending.length;
}

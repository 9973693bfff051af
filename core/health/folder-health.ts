import { type HealthCategory, healthScore } from '../../analyzers/health/health-score.js';
import { holdsCode } from '../../analyzers/languages/language-table.js';
import type { HealthFoldersReport, HealthScoreReport } from '../api/health.js';
import type { Confidence } from '../api/inventory.js';
import { StewardError } from '../api/errors.js';
import type { Database } from '../store/database.js';

/** Folders with less code than this are left out of the map (too small to see, too small to matter). */
const minimumLines = 50;

/**
 * The health of every top-level folder and of the folders one level below, from the latest scan's
 * stored breakdown (the items that cost points, with their place and effort) against each folder's
 * own lines of code: the same formula as the repository's score, folder by folder.
 */
export function folderHealth(db: Database, repositoryId: number): HealthFoldersReport {
  const latest = db
    .prepare<[number], { id: number; breakdown: string }>(
      `SELECT s.id, h.breakdown FROM snapshots s JOIN health_scores h ON h.snapshot_id = s.id
       WHERE s.repository_id = ? AND s.kind = 'head' ORDER BY s.finished_at DESC, s.id DESC LIMIT 1`,
    )
    .get(repositoryId);
  if (!latest) throw new StewardError('not-found', 'This repository has no health score yet: scan it first');
  const items = (JSON.parse(latest.breakdown) as HealthScoreReport['categories']).flatMap((part) =>
    part.items.map((item) => ({ fingerprint: item.fingerprint, category: part.category as HealthCategory, confidence: item.confidence as Confidence, effortMinutes: item.effortMinutes, path: item.path })),
  );
  const lines = new Map<string, number>();
  for (const file of db.prepare<[number], { path: string; code_lines: number }>('SELECT path, code_lines FROM snapshot_files WHERE snapshot_id = ?').all(latest.id)) {
    if (!holdsCode(file.path)) continue;
    const parts = file.path.split('/');
    for (let depth = 1; depth <= Math.min(2, parts.length - 1); depth++) {
      const folder = parts.slice(0, depth).join('/');
      lines.set(folder, (lines.get(folder) ?? 0) + file.code_lines);
    }
  }
  const folders = [...lines]
    .filter(([, count]) => count >= minimumLines)
    .map(([folder, linesOfCode]) => {
      const result = healthScore(
        items.filter((item) => item.path?.startsWith(`${folder}/`)),
        linesOfCode,
      );
      return { folder, linesOfCode, score: result.score, rating: result.score === null ? null : result.rating };
    })
    .sort((a, b) => a.folder.localeCompare(b.folder));
  return { snapshotId: latest.id, folders };
}

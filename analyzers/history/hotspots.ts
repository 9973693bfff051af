import type { FileRevisions } from './revisions.js';

/** What the code engine says of a file at the scanned commit. */
export interface FileComplexity {
  /** Sum of cognitive complexity over the file's functions; null where the parser could not read the file whole. */
  cognitive: number | null;
  /** Lines of code. */
  lines: number;
}

export interface Hotspot {
  path: string;
  rank: number;
  /** Commits that changed the file in the window. */
  revisions: number;
  /** Sum of cognitive complexity, or lines of code for a file the parser could not read whole (see `measure`). */
  complexity: number;
  measure: 'cognitive' | 'lines';
  /** revisions × complexity. */
  score: number;
  added: number;
  deleted: number;
  authors: number;
  lastChanged: string;
}

/**
 * Hotspots (code-maat `revisions` × complexity): every file of the scanned commit that changed in the
 * window, ranked by change frequency times complexity, biggest first; ties by path. Complexity is the
 * sum of cognitive complexity (0 for data and straight-line code, which is not where debt hides), or
 * lines where the parser stumbled and the complexity would be understated.
 */
export function rankHotspots(revisions: ReadonlyMap<string, FileRevisions>, complexity: ReadonlyMap<string, FileComplexity>): Hotspot[] {
  const hotspots: Omit<Hotspot, 'rank'>[] = [];
  for (const [path, file] of revisions) {
    const measured = complexity.get(path);
    if (!measured) continue;
    const measure = measured.cognitive === null ? 'lines' : 'cognitive';
    const value = measured.cognitive ?? measured.lines;
    const { revisions: count, added, deleted, authors, lastChanged } = file;
    hotspots.push({ path, revisions: count, complexity: value, measure, score: count * value, added, deleted, authors, lastChanged });
  }
  return hotspots
    .sort((a, b) => b.score - a.score || b.revisions - a.revisions || a.path.localeCompare(b.path))
    .map((hotspot, index) => ({ ...hotspot, rank: index + 1 }));
}

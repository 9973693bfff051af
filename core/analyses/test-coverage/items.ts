import type { CoverageReport } from '../../api/coverage.js';
import type { HistoryReport } from '../../api/history.js';
import type { Confidence } from '../../api/inventory.js';
import type { ItemContext, ItemDraft } from '../../inventory/item-draft.js';
import { hotspotItems } from '../history/items.js';

/** Below this share of its lines run by the tests, a complex function or a hotspot is uncovered. */
const uncoveredBelow = 50;

/**
 * Complex functions and hotspots the tests leave mostly unrun: the code most likely to break on the
 * next change, with the least warning. As sure as the coverage is of the scanned commit.
 */
export function coverageItems(report: CoverageReport, context: ItemContext): ItemDraft[] {
  if (report.status !== 'read') return [];
  const { confidence, confidenceReason } = sureness(report.sources);
  const functions = report.complexFunctions
    .filter((fn) => fn.percent !== null && fn.percent < uncoveredBelow)
    .map((fn): ItemDraft => ({
      kind: 'uncovered-complex-function',
      title: `${fn.name} is complex (cognitive ${fn.cognitive}) and its tests run ${fn.percent}% of its lines`,
      path: fn.path,
      line: fn.line,
      symbol: fn.ordinal === 0 ? fn.name : `${fn.name} #${fn.ordinal + 1}`,
      evidence: { cognitive: fn.cognitive, cyclomatic: fn.cyclomatic, lines: fn.lines, covered: fn.covered, percent: fn.percent },
      severity: fn.percent === 0 ? 'high' : 'medium',
      confidence,
      confidenceReason,
      size: fn.lines - fn.covered,
      material: `${Math.floor(fn.percent! / 10)}`,
      fix: { text: `Write tests that run ${fn.name}'s branches before changing it (${fn.lines - fn.covered} of its ${fn.lines} lines never run).`, draft: null },
    }));
  const history = context.reportOf('history') as HistoryReport | undefined;
  const byPath = new Map(report.files.map((file) => [file.path, file]));
  const hotspots = (history?.hotspots ?? [])
    .filter((spot) => spot.rank <= hotspotItems.topRanks && spot.revisions >= hotspotItems.minRevisions)
    .flatMap((spot): ItemDraft[] => {
      const file = byPath.get(spot.path);
      if (!file || file.percent === null || file.percent >= uncoveredBelow) return [];
      return [
        {
          kind: 'uncovered-hotspot',
          title: `${spot.path} changes often (${spot.revisions} times in ${history!.windowMonths} months) and its tests run ${file.percent}% of its lines`,
          path: spot.path,
          line: null,
          symbol: null,
          evidence: { revisions: spot.revisions, rank: spot.rank, lines: file.lines, covered: file.covered, percent: file.percent },
          severity: file.percent < 20 ? 'high' : 'medium',
          confidence,
          confidenceReason,
          size: file.lines - file.covered,
          material: `${Math.floor(file.percent / 10)}`,
          fix: { text: `Cover ${spot.path} with tests first: it is changed most and guarded least (${file.lines - file.covered} of ${file.lines} lines never run).`, draft: null },
        },
      ];
    });
  return [...functions, ...hotspots];
}

function sureness(sources: CoverageReport['sources']): { confidence: Confidence; confidenceReason: string } {
  const read = sources.filter((source) => source.error === null);
  const names = read.map((source) => source.file).join(', ');
  if (read.some((source) => source.matchesCommit === 'no')) {
    return { confidence: 'low', confidenceReason: `Coverage from ${names}, written before the scanned commit: it may describe older code. Run the tests again.` };
  }
  if (read.some((source) => source.matchesCommit === 'unknown')) {
    return { confidence: 'medium', confidenceReason: `Coverage from ${names}; whether it describes exactly the scanned commit is unknown (${read.find((source) => source.matchesCommit === 'unknown')!.reason}).` };
  }
  return { confidence: 'high', confidenceReason: `Coverage from ${names}, written by the tests after the scanned commit was checked out.` };
}

import type { HistoryReport } from '../../api/history.js';
import type { ItemDraft } from '../../inventory/item-draft.js';

/** Hotspots that become items: the top of the ranking, changed often enough to matter. */
/** The hotspots that are items (and whose coverage is checked): the top ranks, changed often enough to matter. */
export const hotspotItems = { topRanks: 10, minRevisions: 5 };

/** Hotspots, knowledge islands and files whose owners have gone quiet. */
export function historyItems(report: HistoryReport): ItemDraft[] {
  const shallowNote = report.degraded.length > 0 ? ` ${report.degraded.length} commits were read without line counts.` : '';
  const hotspots = report.hotspots
    .filter((spot) => spot.rank <= hotspotItems.topRanks && spot.revisions >= hotspotItems.minRevisions)
    .map((spot): ItemDraft => ({
      kind: 'hotspot',
      title: `${spot.path} is a hotspot: changed ${spot.revisions} times in ${report.windowMonths} months at ${spot.measure === 'lines' ? `${spot.complexity} lines` : `cognitive complexity ${spot.complexity}`} (rank ${spot.rank})`,
      path: spot.path,
      line: null,
      symbol: null,
      evidence: { rank: spot.rank, revisions: spot.revisions, complexity: spot.complexity, measure: spot.measure, score: spot.score, authors: spot.authors, windowMonths: report.windowMonths },
      severity: spot.rank <= 3 ? 'high' : 'medium',
      confidence: report.degraded.length > 0 ? 'medium' : 'high',
      confidenceReason: `Counted from git history (${report.read.stored} commits) and the file's measured complexity.${shallowNote}`,
      size: 1,
      // Reopened when its complexity doubles, not at every change.
      material: String(Math.floor(Math.log2(spot.complexity + 1))),
      fix: { text: `Refactor ${spot.path} where it changes most: it is both complex and changed often, so every simplification pays back at each change.`, draft: null },
    }));
  const owned = report.files.flatMap((file): ItemDraft[] => {
    const items: ItemDraft[] = [];
    const evidence = { mainDeveloper: file.mainDeveloper, share: file.mainDeveloperShare, authors: file.authors, revisions: file.revisions, ageMonths: file.ageMonths };
    const sharePercent = Math.round((file.mainDeveloperShare ?? 0) * 100);
    const reason = 'By added lines over the whole history, each person once after .mailmap and the identity map (People tab), bots left out; a person under an email neither joins counts as someone else.';
    if (file.knowledgeIsland) {
      items.push({
        kind: 'knowledge-island',
        title: `Only ${file.mainDeveloper} knows ${file.path} (${sharePercent} % of its lines)`,
        path: file.path,
        line: null,
        symbol: null,
        evidence,
        severity: 'low',
        confidence: 'medium',
        confidenceReason: reason,
        size: 1,
        material: file.mainDeveloper ?? '',
        fix: { text: `Have someone else review or pair on the next change to ${file.path}.`, draft: null },
      });
    }
    if (file.ownersInactive) {
      items.push({
        kind: 'owners-inactive',
        title: `The main authors of ${file.path} have not committed to the repository in 6 months (main developer: ${file.mainDeveloper}, ${sharePercent} % of its lines)`,
        path: file.path,
        line: null,
        symbol: null,
        evidence,
        severity: 'medium',
        confidence: 'medium',
        confidenceReason: reason,
        size: 1,
        material: file.mainDeveloper ?? '',
        fix: { text: `Name a new owner for ${file.path} (CODEOWNERS) before it next needs a change.`, draft: null },
      });
    }
    return items;
  });
  return [...hotspots, ...owned];
}

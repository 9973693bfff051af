import type { HistoryReport } from '../../api/history.js';
import type { RepositoryHistory } from './analyze-repository-history.js';

/** The history analysis as the API, the CLI's JSON and the store carry it. */
export function toHistoryReport(history: RepositoryHistory, commit: string): HistoryReport {
  const { analysis, read } = history;
  const owners = new Map(analysis.ownership.map((file) => [file.path, file]));
  const ages = new Map(analysis.age.map((file) => [file.path, file.ageMonths]));
  const folderChurn = new Map(analysis.folders.map((folder) => [folder.folder, folder]));
  return {
    commit,
    asOf: history.asOf,
    windowMonths: history.windowMonths,
    couplingThresholds: history.couplingThresholds,
    read: { mode: read.mode, read: read.read, dropped: read.dropped, stored: read.stored, durationMs: read.durationMs },
    degraded: read.degraded,
    hotspots: analysis.hotspots.map((hotspot) => ({ ...hotspot, trend: history.trends.points.get(hotspot.path) ?? null })),
    trendPointsPending: history.trends.pending,
    coupling: analysis.coupling,
    files: analysis.files.map((file) => {
      const owner = owners.get(file.path);
      return {
        ...file,
        ageMonths: ages.get(file.path) ?? 0,
        mainDeveloper: owner?.mainDeveloper.name ?? null,
        mainDeveloperShare: owner?.mainDeveloper.share ?? null,
        fragmentation: owner?.fragmentation ?? null,
        knowledgeIsland: owner?.knowledgeIsland ?? false,
        ownersInactive: owner?.ownersInactive ?? false,
      };
    }),
    folders: analysis.folderOwnership.map((folder) => {
      const churn = folderChurn.get(folder.folder);
      return { ...folder, revisions: churn?.revisions ?? 0, added: churn?.added ?? 0, deleted: churn?.deleted ?? 0 };
    }),
    authors: analysis.authors,
    bots: analysis.bots,
    weeks: analysis.weeks,
  };
}

import { z } from 'zod';
import { factsEngineVersion } from '../../../analyzers/facts/file-facts.js';
import type { HistoryReport } from '../../api/history.js';
import { analysisDescriptor } from '../../api/analyses.js';
import { ProjectContextCache } from '../../store/project-context-cache.js';
import type { Analysis } from '../analysis.js';
import { historyItems } from './items.js';
import { analyzeRepositoryHistory } from './analyze-repository-history.js';
import { toHistoryReport } from './history-report.js';
import { getHistoryReport, insertHistoryReport } from './store.js';

/** A report kept for a re-scan of the same commit, with the warnings its run gave. */
interface KeptReport {
  report: HistoryReport;
  warnings: { message: string; partial: boolean }[];
}

/** Hotspots, change coupling, ownership, code age and activity from git history (only the commits not read before). */
export const historyAnalysis: Analysis<'history'> = {
  descriptor: analysisDescriptor('history'),
  version: '5',
  weight: 0.6,
  options: z.object({}),
  async run({ cache, root, commit, asOf, treeFiles, codeAnalysis, historySummary, identities, parseWorkerUrl, signal, progress, warn }) {
    const summary = await historySummary();
    const { resolve, used } = await identities();
    // What a commit reaches never changes: a re-scan of HEAD with the same identity map makes the same
    // report (once its trends are whole), and would only analyse the whole stored log again for it.
    const contexts = new ProjectContextCache(cache);
    const key = JSON.stringify(['history-report', historyAnalysis.version, factsEngineVersion, commit, summary.commits, summary.shallow, used.mailmap, used.digest]);
    const kept = asOf === undefined ? contexts.get<KeptReport>(key) : undefined;
    if (kept) {
      for (const { message, partial } of kept.warnings) warn(message, { partial });
      const { stored } = kept.report.read;
      return { report: { ...kept.report, read: { mode: 'unchanged', read: 0, dropped: 0, stored, durationMs: 0 } } };
    }
    // Started only now (a kept report needs no code), the code engine parses while the log is read.
    const code = codeAnalysis();
    const warnings: KeptReport['warnings'] = [];
    const history = await analyzeRepositoryHistory({
      cache,
      root,
      commit,
      tree: await treeFiles(),
      code,
      summary,
      identify: resolve,
      past: asOf !== undefined,
      parseWorkerUrl,
      signal,
      progress,
      warn(message, options) {
        warnings.push({ message, partial: options?.partial === true });
        warn(message, options);
      },
    });
    const report = toHistoryReport(history, commit);
    // Not kept while trends fill in, nor from a partial clone (another clone of the commit may have every object).
    if (asOf === undefined && report.trendPointsPending === 0 && report.degraded.length === 0) contexts.put(key, { report, warnings } satisfies KeptReport);
    return { report };
  },
  save: insertHistoryReport,
  load: getHistoryReport,
  items: historyItems,
};

import { z } from 'zod';
import { analysisDescriptor } from '../../api/analyses.js';
import type { Analysis } from '../analysis.js';
import { historyItems } from './items.js';
import { analyzeRepositoryHistory } from './analyze-repository-history.js';
import { toHistoryReport } from './history-report.js';
import { getHistoryReport, insertHistoryReport } from './store.js';

/** Hotspots, change coupling, ownership, code age and activity from git history (only the commits not read before). */
export const historyAnalysis: Analysis<'history'> = {
  descriptor: analysisDescriptor('history'),
  version: '5',
  weight: 0.6,
  options: z.object({}),
  async run({ db, root, commit, asOf, treeFiles, codeAnalysis, historySummary, identities, parseWorkerUrl, signal, progress, warn }) {
    // The log is read while the code engine parses: only the analyses after it need the code.
    const code = codeAnalysis();
    const summary = await historySummary();
    const { resolve } = await identities();
    const history = await analyzeRepositoryHistory({ db, root, commit, tree: await treeFiles(), code, summary, identify: resolve, past: asOf !== undefined, parseWorkerUrl, signal, progress, warn });
    return { report: toHistoryReport(history, commit) };
  },
  save: insertHistoryReport,
  load: getHistoryReport,
  items: historyItems,
};

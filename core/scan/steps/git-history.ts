import { analyzeRepositoryHistory } from '../../history/analyze-repository-history.js';
import { toHistoryReport } from '../../history/history-report.js';
import { insertGitHistory } from '../../store/snapshot-git-history.js';
import { insertHistoryReport } from '../../store/snapshot-history.js';
import type { ScanStep } from '../scan-step.js';

/** Reads git history (only the commits not read before) and runs the history analyses on the code engine's complexity. */
export const gitHistoryStep: ScanStep = {
  id: 'history',
  title: 'Reading git history',
  version: '2',
  weight: 0.6,
  async run({ db, root, commit, treeFiles, codeAnalysis, parseWorkerUrl, signal, progress, warn }) {
    const code = await codeAnalysis();
    const history = await analyzeRepositoryHistory({ db, root, commit, tree: await treeFiles(), code, parseWorkerUrl, signal, progress, warn });
    const report = toHistoryReport(history, commit);
    return (target, snapshotId) => {
      insertGitHistory(target, snapshotId, history.summary);
      insertHistoryReport(target, snapshotId, report);
    };
  },
};

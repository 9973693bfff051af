import { readHistorySummary } from '../../git/history-summary.js';
import { insertGitHistory } from '../../store/snapshot-git-history.js';
import type { ScanStep } from '../scan-step.js';
import { plural } from '../../wording.js';

export const gitHistoryStep: ScanStep = {
  id: 'history',
  title: 'Reading git history',
  version: '1',
  weight: 0.15,
  async run({ root, commit, signal, progress, warn }) {
    progress(0, 1);
    const history = await readHistorySummary(root, commit, signal);
    if (history.shallow) {
      warn(`This is a shallow clone: only ${plural(history.commits, 'commit')} of history are visible, so counts and dates cover those only`);
    }
    progress(1, 1);
    return (db, snapshotId) => insertGitHistory(db, snapshotId, history);
  },
};

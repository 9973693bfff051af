import { toCodeReport } from '../../code/code-report.js';
import { toDeadCodeReport } from '../../code/dead-code-report.js';
import { insertCodeReport } from '../../store/snapshot-code.js';
import { insertDeadCodeReport } from '../../store/snapshot-dead-code.js';
import type { ScanStep } from '../scan-step.js';

/** Functions kept per snapshot: the worst ones, plus every other one over a threshold up to the limit. */
const storedFunctions = { top: 200, limit: 2000 };

export const codeEngineStep: ScanStep = {
  id: 'code',
  title: 'Analysing code',
  version: '2',
  weight: 1,
  async run({ db, root, commit, codeAnalysis, signal }) {
    const analysis = await codeAnalysis();
    const report = toCodeReport(analysis, commit, storedFunctions);
    const deadCode = await toDeadCodeReport(await analysis.deadCode(false), { db, root, commit, signal });
    return (target, snapshotId) => {
      insertCodeReport(target, snapshotId, report);
      insertDeadCodeReport(target, snapshotId, deadCode);
    };
  },
};

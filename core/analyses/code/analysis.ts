import { z } from 'zod';
import { analysisDescriptor } from '../../api/analyses.js';
import type { Analysis } from '../analysis.js';
import { codeItems } from './items.js';
import { toCodeReport } from './code-report.js';
import { getCodeReport, insertCodeReport } from './store.js';

/** Functions kept per report: the worst ones, plus every other one over a threshold up to the limit. */
const keptFunctions = { top: 200, limit: 2000 };

/** Complexity of functions, files and folders, import cycles, boundary violations, deprecated API use. */
export const codeAnalysis: Analysis<'code'> = {
  descriptor: analysisDescriptor('code'),
  version: '2',
  weight: 1,
  options: z.object({}),
  async run({ codeAnalysis, commit }) {
    const analysis = await codeAnalysis();
    return { report: toCodeReport(analysis, commit, keptFunctions), stats: { ...analysis.stats } };
  },
  save: insertCodeReport,
  load: getCodeReport,
  items: codeItems,
};

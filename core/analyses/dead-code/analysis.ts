import { z } from 'zod';
import { analysisDescriptor } from '../../api/analyses.js';
import type { Analysis } from '../analysis.js';
import { deadCodeItems } from './items.js';
import { toDeadCodeReport } from './dead-code-report.js';
import { getDeadCodeReport, insertDeadCodeReport } from './store.js';

const DeadCodeOptionsSchema = z.object({
  /** Search from production entries only (no tests or dev tooling) and leave devDependencies alone. */
  production: z.boolean().default(false),
});

/** Unused files, exports, types, enum members and dependencies; unlisted and unresolved imports. */
export const deadCodeAnalysis: Analysis<'deadCode', z.infer<typeof DeadCodeOptionsSchema>> = {
  descriptor: analysisDescriptor('deadCode'),
  version: '1',
  weight: 0.3,
  options: DeadCodeOptionsSchema,
  async run({ codeAnalysis, cache, root, commit, signal }, { production }) {
    const analysis = await codeAnalysis();
    return { report: await toDeadCodeReport(await analysis.deadCode(production), { cache, root, commit, signal }) };
  },
  save: insertDeadCodeReport,
  load: getDeadCodeReport,
  items: deadCodeItems,
};

import { analyzeDependencies } from '../../dependencies/analyze-dependencies.js';
import { insertDependencyReport } from '../../store/snapshot-dependencies.js';
import type { ScanStep } from '../scan-step.js';

/** Checks the commit's dependencies against their registries (cached metadata while fresh) and keeps the result, so staleness has a history. */
export const dependencyCheckStep: ScanStep = {
  id: 'dependencies',
  title: 'Checking dependencies',
  version: '1',
  weight: 0.2,
  async run({ db, root, commit, treeFiles, dependencies, now, signal, progress, warn }) {
    const report = await analyzeDependencies({
      db,
      root,
      commit,
      tree: await treeFiles(),
      options: { registry: dependencies.registry, offline: dependencies.offline === true },
      now,
      env: process.env,
      signal,
      progress,
    });
    for (const warning of report.warnings) warn(`Dependencies: ${warning}`);
    return (target, snapshotId) => insertDependencyReport(target, snapshotId, report);
  },
};

import { z } from 'zod';
import { analysisDescriptor } from '../../api/analyses.js';
import type { Analysis } from '../analysis.js';
import { dependencyItems } from './items.js';
import { readAdvisoryFile } from './advisory-file.js';
import { analyzeDependencies } from './analyze-dependencies.js';
import { getDependencyReport, insertDependencyReport } from './store.js';

const DependencyOptionsSchema = z.object({
  /** The registry for unscoped packages (default: from .npmrc), and who named it. */
  registry: z.url({ protocol: /^https?$/ }).optional(),
  registrySource: z.enum(['--registry', 'Steward settings']).default('--registry'),
  /** Cached metadata only, whatever its age. */
  offline: z.boolean().default(false),
  /** Advisories from an npm audit or OSV JSON file instead of asking a source. */
  advisories: z.string().optional(),
});

/** Drift, versions behind, pulse, deprecation, abandonment and advisories of every dependency, with a verdict on the registry's metadata. */
export const dependenciesAnalysis: Analysis<'dependencies', z.infer<typeof DependencyOptionsSchema>> = {
  descriptor: analysisDescriptor('dependencies'),
  version: '1',
  weight: 0.2,
  options: DependencyOptionsSchema,
  async run({ cache, root, commit, treeFiles, now, asOf, installed, signal, progress, warn }, options) {
    const advisoryFile = options.advisories === undefined ? undefined : await readAdvisoryFile(options.advisories);
    const report = await analyzeDependencies({
      cache,
      root,
      commit,
      tree: await treeFiles(),
      options: { registry: options.registry === undefined ? undefined : { url: options.registry, source: options.registrySource }, offline: options.offline, advisoryFile },
      now,
      asOf,
      installed,
      env: process.env,
      signal,
      progress,
    });
    for (const warning of report.warnings) warn(`Dependencies: ${warning}`);
    return { report };
  },
  save: insertDependencyReport,
  load: getDependencyReport,
  items: dependencyItems,
};

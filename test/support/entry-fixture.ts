/**
 * Entry detection on an in-memory commit: the files a test lists, of which only those a scan would
 * load as text (isEntryConfigFile, plus tsconfigs for discovery) can be read.
 */
import { findEntryPoints, isEntryConfigFile, type DeadCodeConfig, type EntryPoint, type EntryPoints } from '../../analyzers/deadcode/entry-points.js';
import { discoverProject } from '../../analyzers/discover/discover-project.js';
import type { ProjectTree } from '../../analyzers/discover/project-tree.js';

function projectTree(tracked: Record<string, string>): ProjectTree {
  const files = new Map(Object.entries(tracked));
  const readable = (path: string): boolean => isEntryConfigFile(path) || /(^|\/)tsconfig[^/]*\.json$/.test(path);
  return {
    paths: [...files.keys()],
    readFile: (path) => (readable(path) ? files.get(path) : undefined),
    readInstalledFile: () => undefined,
  };
}

export function entryPointsOf(tracked: Record<string, string>, config: DeadCodeConfig = {}): EntryPoints {
  const tree = projectTree(tracked);
  return findEntryPoints({ tree, discovery: discoverProject(tree), config });
}

export const json = (value: unknown): string => JSON.stringify(value, null, 2);
export const entry = (path: string, reason: string, production = true): EntryPoint => ({ path, reason, production });
/** Stands for the content of a code file, which entry detection never reads. */
export const code = 'export {};\n';

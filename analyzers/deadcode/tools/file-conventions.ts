import { joinPath } from '../../discover/repo-paths.js';
import type { EntryContext, WorkspaceInfo } from '../entry-context.js';
import type { ToolSpec } from './tool-spec.js';

/** Files a framework loads by their place in the tree, by a glob relative to the workspace folder. */
interface FileConvention {
  glob: string;
  reason: string;
  production: boolean;
}

/** Makes every file matching the conventions an entry. */
export function addConventionFiles(context: EntryContext, workspace: WorkspaceInfo, conventions: readonly FileConvention[]): void {
  for (const { glob, reason, production } of conventions) {
    for (const path of context.matchGlob(joinPath(workspace.dir, glob))) context.addEntry(path, reason, production);
  }
}

/** A `handle` that adds the conventions' files, once per config (or once, without one). */
export function conventionFiles(conventions: readonly FileConvention[]): NonNullable<ToolSpec['handle']> {
  return (context, workspace) => addConventionFiles(context, workspace, conventions);
}

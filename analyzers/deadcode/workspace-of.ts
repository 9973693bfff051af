import type { Workspace } from '../discover/workspaces.js';
import { isWithin } from '../discover/repo-paths.js';

/** Finds the workspace a file or folder belongs to: the deepest workspace folder holding it ('' for the root). */
export function workspaceLocator(workspaces: readonly Pick<Workspace, 'dir'>[]): (path: string) => string {
  const dirs = workspaces.map((workspace) => workspace.dir).sort((a, b) => b.length - a.length);
  // Asked again and again for the same paths, with a monorepo's dozens of workspaces to try.
  const known = new Map<string, string>();
  return (path) => {
    let workspace = known.get(path);
    if (workspace === undefined) {
      workspace = dirs.find((dir) => isWithin(path, dir)) ?? '';
      known.set(path, workspace);
    }
    return workspace;
  };
}

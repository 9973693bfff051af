import type { Workspace } from '../discover/workspaces.js';
import { dirname, isWithin } from '../discover/repo-paths.js';

/** Finds the workspace a file belongs to: the deepest workspace folder holding it ('' for the root). */
export function workspaceLocator(workspaces: readonly Pick<Workspace, 'dir'>[]): (path: string) => string {
  const dirs = workspaces.map((workspace) => workspace.dir).sort((a, b) => b.length - a.length);
  // Files of one folder share the answer, and a monorepo has many folders per workspace.
  const byFolder = new Map<string, string>();
  return (path) => {
    const folder = dirname(path);
    let workspace = byFolder.get(folder);
    if (workspace === undefined) {
      workspace = dirs.find((dir) => isWithin(path, dir)) ?? '';
      byFolder.set(folder, workspace);
    }
    return workspace;
  };
}

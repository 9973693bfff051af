import { classifyCodeFiles, type ExcludedFile } from './code-files.js';
import { excludedPathReason } from './excluded-paths.js';
import { readPackageJson } from './package-json.js';
import { detectPackageManager, type PackageManager } from './package-manager.js';
import type { ProjectTree } from './project-tree.js';
import { readTsConfigs, type TsConfig } from './tsconfigs.js';
import { findPackages, findWorkspaces, type Workspace } from './workspaces.js';

/** What a scan knows about a repository's layout before any source file is parsed; plain data. */
export interface Discovery {
  packageManager: PackageManager | null;
  /** The root package (dir '') first, then each workspace package in directory order. */
  workspaces: Workspace[];
  /** The workspaces, then every other folder with a package.json of its own (examples, demos), in directory order. */
  packages: Workspace[];
  tsconfigs: TsConfig[];
  /** Tracked TypeScript/JavaScript files, .d.ts included, minus `excluded`; sorted. */
  codeFiles: string[];
  excluded: ExcludedFile[];
  /** One sentence each, for the user: what could not be read and what was assumed instead. */
  warnings: string[];
}

/** Never throws on repository content: whatever is broken becomes a warning and a default. */
export function discoverProject(tree: ProjectTree): Discovery {
  const warnings: string[] = [];
  const trackedPaths = new Set(tree.paths);
  const rootPackageJson = trackedPaths.has('package.json') ? readPackageJson(tree, 'package.json', warnings) : null;
  const packageManager = detectPackageManager(trackedPaths, rootPackageJson, warnings);
  const workspaces = findWorkspaces(tree, rootPackageJson, warnings);
  const isOwnCode = (path: string): boolean => excludedPathReason(path) === null;
  const packages = findPackages(tree, workspaces, isOwnCode, warnings);
  // A tsconfig inside node_modules/ or dist/ belongs to someone else's build, not this project.
  const tsconfigs = readTsConfigs(tree, trackedPaths, isOwnCode, warnings);
  const { codeFiles, excluded } = classifyCodeFiles(tree.paths, tsconfigs);
  return { packageManager, workspaces, packages, tsconfigs, codeFiles, excluded, warnings: [...new Set(warnings)] };
}

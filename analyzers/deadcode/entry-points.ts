import type { Discovery } from '../discover/discover-project.js';
import { excludedPathReason } from '../discover/excluded-paths.js';
import type { ProjectTree } from '../discover/project-tree.js';
import { basename, dirname, joinPath } from '../discover/repo-paths.js';
import { addConfigFileEntries, addHtmlEntries } from './convention-entries.js';
import { stewardConfigPath } from './entry-config-files.js';
import { EntryContext, readWorkspaces, type WorkspaceInfo } from './entry-context.js';
import { addKnipHints } from './knip-hints.js';
import { addPackageEntries } from './package-entries.js';
import { addManifestReferences } from './package-references.js';
import { addScriptEntries, addWorkflowEntries } from './script-entries.js';
import { addStylesheetReferences } from './stylesheet-references.js';
import { addToolEntries } from './tool-entries.js';
import type { WorkspaceFiles } from './tools/tool-spec.js';
import { isGlob } from '../patterns/glob.js';

export { isEntryConfigFile } from './entry-config-files.js';

export interface EntryPoint {
  path: string;
  reason: string;
  production: boolean;
}

export interface ScriptBinary {
  workspaceDir: string;
  binary: string;
  /** The package.json script name, or the workflow file for a CI `run:` line. */
  script: string;
}

export interface ReferencedPackage {
  workspaceDir: string;
  name: string;
  reason: string;
}

export interface EntryPoints {
  /** Code files (members of discovery.codeFiles only) where the search for used code starts; one record per path (first reason wins; production true if any reason is production). Sorted by path. */
  entries: EntryPoint[];
  /** Binaries run by package.json scripts and CI `run:` lines (e.g. `tsc`, `vitest`, `eslint`), for the dependency check. */
  scriptBinaries: ScriptBinary[];
  /** Packages named as strings in configs (jest `preset: 'ts-jest'`, `testEnvironment: 'jsdom'` → jest-environment-jsdom, eslintrc `extends`/`plugins`/`parser` → eslint-config-x / eslint-plugin-x / @scope/eslint-plugin, babel presets/plugins, package.json `prettier`: "x", `eslintConfig`, `jest` fields, vitest `environment: 'jsdom'` → jsdom, `happy-dom`), for the dependency check. */
  referencedPackages: ReferencedPackage[];
  /** Globs of files whose findings the repository's own settings (knip's) say to leave out. */
  ignore: string[];
  /** Packages with a config naming entries computed at run time (`path.join(paths.src, 'main.ts')`), the first such setting each. */
  unreadableEntries: { workspaceDir: string; origin: string }[];
  /** Published packages without an `exports` map: their users may import any of their files (`ajv/dist/jtd`), which no repository shows. */
  openPackages: { workspaceDir: string; name: string }[];
  /** One sentence each: a config that could not be parsed, an entry naming a missing file. */
  warnings: string[];
}

/** steward.config.json `deadCode`: `entry` globs add entries; `ignore` globs are applied by the caller. */
export interface DeadCodeConfig {
  entry?: string[];
  ignore?: string[];
}

/**
 * Where the search for used code starts, read statically from package.json files, scripts, CI
 * workflows, tool and framework configs and html pages; nothing is executed and node_modules is not
 * needed. Never throws on repository content: what cannot be read becomes a warning.
 *
 * `config` is the `deadCode` section of steward.config.json, as the caller validated it.
 */
export function findEntryPoints(input: { tree: ProjectTree; discovery: Discovery; config: DeadCodeConfig }): EntryPoints {
  const context = new EntryContext(input.tree, input.discovery);
  const workspaces = readWorkspaces(context);
  const filesOf = indexWorkspaceFiles(context, workspaces);
  // Order matters only for wording: the first reason found for a file is the one shown.
  for (const workspace of workspaces) {
    addPackageEntries(context, workspace);
    addManifestReferences(context, workspace);
  }
  for (const workspace of workspaces) addScriptEntries(context, workspace);
  addWorkflowEntries(context, workspaces);
  for (const workspace of workspaces) addToolEntries(context, workspace, filesOf(workspace));
  addHtmlEntries(context, workspaces);
  addStylesheetReferences(context, workspaces);
  addConfigFileEntries(context, workspaces);
  addKnipHints(context, workspaces);
  addConfiguredEntries(context, input.config);
  return context.result();
}

/** Each workspace's tracked files (not those of a workspace nested in it), grouped once; vendored and build output files never count. */
function indexWorkspaceFiles(context: EntryContext, workspaces: readonly WorkspaceInfo[]): (workspace: WorkspaceInfo) => WorkspaceFiles {
  const byWorkspace = new Map<string, { path: string; name: string }[]>(workspaces.map(({ dir }) => [dir, []]));
  const ownerOfFolder = new Map<string, string>();
  const ownerOf = (folder: string): string => {
    let owner = ownerOfFolder.get(folder);
    if (owner === undefined) {
      owner = byWorkspace.has(folder) || folder === '' ? folder : ownerOf(dirname(folder));
      ownerOfFolder.set(folder, owner);
    }
    return owner;
  };
  for (const path of context.tree.paths) byWorkspace.get(ownerOf(dirname(path)))?.push({ path, name: basename(path) });
  const named = (files: readonly { path: string; name: string }[], pattern: RegExp): string[] =>
    files.flatMap(({ path, name }) => (pattern.test(name) && excludedPathReason(path) === null ? [path] : [])).sort();
  return ({ dir }) => {
    const files = byWorkspace.get(dir) ?? [];
    return {
      atRoot: (pattern) => named(files, pattern).filter((path) => dirname(path) === dir),
      anywhere: (pattern) => named(files, pattern),
    };
  };
}

/** `deadCode.entry` globs (repo-relative): what the user says is used, whatever the tools say. */
function addConfiguredEntries(context: EntryContext, config: DeadCodeConfig): void {
  for (const pattern of config.entry ?? []) {
    const path = joinPath('', pattern);
    const files = isGlob(path) ? context.matchGlob(path) : [context.findCodeFile(path)].filter((file) => file !== null);
    if (files.length === 0) context.warn(`${stewardConfigPath} deadCode.entry "${pattern}" matches no code file.`);
    for (const file of files) context.addEntry(file, `${stewardConfigPath} entry`, true);
  }
}

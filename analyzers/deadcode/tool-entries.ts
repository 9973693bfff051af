import { dirname, joinPath } from '../discover/repo-paths.js';
import type { EntryContext, LoadedConfig, ToolRun, WorkspaceInfo } from './entry-context.js';
import { configFlagValue } from './tools/command-args.js';
import { registry } from './tools/registry.js';
import type { ToolSpec, WorkspaceFiles } from './tools/tool-spec.js';

/**
 * Every tool a workspace uses: each command line running it, and each of its configs (those the
 * commands name with `--config`, the tool's default files, its package.json field), or its defaults
 * when it has none. Each config is an entry itself (the tool loads it) and is handled once per folder
 * it runs in.
 */
export function addToolEntries(context: EntryContext, workspace: WorkspaceInfo, files: WorkspaceFiles): void {
  for (const [tool, spec] of Object.entries(registry)) {
    const runs = workspace.tools.get(tool) ?? [];
    const isUsed = runs.length > 0 || (spec.packages ?? []).some((name) => workspace.dependencies.has(name));
    const configs = [...requestedConfigs(context, tool, spec, runs), ...(spec.configs?.(files, isUsed) ?? []).map((path) => loadConfig(context, tool, path, dirname(path)))];
    const field = spec.packageField === undefined ? undefined : workspace.packageJson?.[spec.packageField];
    if (field !== undefined && workspace.packageJsonPath) {
      configs.push({ path: workspace.packageJsonPath, label: `${workspace.packageJsonPath} "${spec.packageField}"`, cwd: workspace.dir, value: field });
    }
    // Command lines first: what a script names is the most telling reason for a file.
    for (const run of runs) spec.run?.(context, workspace, run);
    if (configs.length === 0 && isUsed && context.firstVisit(`${tool}\0defaults\0${workspace.dir}`)) spec.handle?.(context, workspace, null);
    for (const config of configs) handleConfig(context, workspace, tool, spec, config);
  }
}

/** Hands a config to its tool once per folder it runs in, however many times it is found or named. */
export function handleConfig(context: EntryContext, workspace: WorkspaceInfo, tool: string, spec: ToolSpec, config: LoadedConfig): void {
  if (context.firstVisit(`${tool}\0${config.label}\0${config.cwd}`)) spec.handle?.(context, workspace, config);
}

/** The configs command lines name (`vitest --config ../../.config/vitest.config.mts`), read from the folder each runs in. */
function requestedConfigs(context: EntryContext, tool: string, spec: ToolSpec, runs: readonly ToolRun[]): LoadedConfig[] {
  return runs.flatMap(({ cwd, args, origin }) => {
    const written = configFlagValue(args, spec.configFlags);
    if (written === undefined) return [];
    const path = joinPath(cwd, written);
    const inFolder = spec.configInFolder;
    const found = context.tracked.has(path) ? path : inFolder && context.tree.paths.find((tracked) => tracked.startsWith(`${path}/`) && inFolder.test(tracked.slice(path.length + 1)));
    if (found) return [loadConfig(context, tool, found, cwd)];
    context.warn(`${origin} names ${path}, which is not in the repository.`);
    return [];
  });
}

function loadConfig(context: EntryContext, tool: string, path: string, cwd: string): LoadedConfig {
  context.addEntry(path, `config file (${tool})`, false);
  return { path, label: path, cwd, value: context.readConfig(path) };
}

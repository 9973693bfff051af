import { isObject } from '../../discover/package-json.js';
import { basename, dirname, foldersOf, joinPath } from '../../discover/repo-paths.js';
import { addPathEntries, packageNameOf, type EntryContext, type LoadedConfig, type WorkspaceInfo } from '../entry-context.js';
import { addModule } from './run-targets.js';
import { named, type ToolSpec } from './tool-spec.js';

/** Executor options naming modules a target bundles or runs (`polyfills` may also name a package: `zone.js`). */
const moduleOptions = ['main', 'browser', 'server', 'entryFile', 'polyfills', 'additionalEntryPoints', 'scripts', 'fileReplacements'];
/** Executor options naming a config file the target hands to its tool (tsconfig, jest, webpack, vite…). */
const configOptions = ['tsConfig', 'jestConfig', 'webpackConfig', 'rollupConfig', 'esbuildConfig', 'rspackConfig', 'customWebpackConfig', 'configFile', 'config', 'karmaConfig', 'cypressConfig', 'eslintConfig'];
const configFile = /\.(?:[cm]?[jt]sx?|json)$/;

/**
 * Nx: the executor options of each target in project.json files (and package.json `nx`) that name
 * files, `main`, `polyfills`, `tsConfig`, `jestConfig`, `webpackConfig`…, from the workspace root
 * (nx.json's folder) with `{workspaceRoot}`/`{projectRoot}` tokens; the executors' packages; nx.json `plugins`.
 */
export const nx: ToolSpec = {
  configFiles: [named(/^(?:nx|project)\.json$/)],
  binaries: ['nx'],
  packages: ['nx'],
  configs: (files) => [...files.atRoot(/^nx\.json$/), ...files.anywhere(/^project\.json$/)],
  packageField: 'nx',
  handle(context, workspace, config) {
    if (!config || !isObject(config.value)) return;
    const root = foldersOf(config.path).reverse().find((folder) => context.tracked.has(joinPath(folder, 'nx.json'))) ?? '';
    if (basename(config.path) === 'nx.json') {
      for (const plugin of [config.value['plugins'] ?? []].flat()) {
        const name = isObject(plugin) ? plugin['plugin'] : plugin;
        if (typeof name === 'string') addModule(context, workspace, root, name, `${config.label} plugins`);
      }
      return;
    }
    if (isObject(config.value['targets'])) addTargets(context, workspace, config, config.value, root);
  },
};

/** Each target's executor package, and the files its options (and each configuration's) name. */
function addTargets(context: EntryContext, workspace: WorkspaceInfo, config: LoadedConfig, project: Record<string, unknown>, root: string): void {
  const projectDir = dirname(config.path);
  const tokens: Record<string, string> = { projectRoot: projectDir === root ? '.' : projectDir.slice(root === '' ? 0 : root.length + 1) };
  if (typeof project['name'] === 'string') tokens['projectName'] = project['name'];
  // Nx replaces its tokens in every option; `{workspaceRoot}` may only start one.
  const resolve = (value: string): string => joinPath(root, value.replace(/^\{workspaceRoot\}\/?/, '').replace(/\{(projectRoot|projectName)\}/g, (token, name: string) => tokens[name] ?? token));
  for (const [name, target] of Object.entries(isObject(project['targets']) ? project['targets'] : {})) {
    if (!isObject(target)) continue;
    const executor = typeof target['executor'] === 'string' ? target['executor'] : '';
    const executorPackage = executor.includes(':') ? packageNameOf(executor.slice(0, executor.indexOf(':'))) : null;
    if (executorPackage) context.addPackage(workspace.dir, executorPackage, `${config.label} ${name}.executor`);
    const production = !/test|e2e/i.test(`${name} ${executor}`);
    const configurations = isObject(target['configurations']) ? Object.values(target['configurations']) : [];
    for (const options of [target['options'], ...configurations].filter(isObject)) {
      for (const key of [...moduleOptions, ...configOptions]) {
        const reason = `${config.label} ${name}.${key}`;
        const isModule = moduleOptions.includes(key);
        for (const item of [options[key]].flat()) {
          // Items are paths, or `{ entryPath }`, `{ input }`, `{ with }` (a file replacement), `{ path }` (a custom webpack config).
          const value = isObject(item) ? [item['entryPath'], item['input'], item['with'], item['path']].find((field) => typeof field === 'string') : item;
          if (typeof value !== 'string' || (!isModule && !configFile.test(value))) continue;
          const path = resolve(value);
          if (key === 'polyfills' && context.findCodeFile(path) === null && !(value.includes('/') && configFile.test(value))) addModule(context, workspace, root, value, reason);
          else addPathEntries(context, [path], { base: '', reason, production: isModule && production, origin: reason });
        }
      }
    }
  }
}

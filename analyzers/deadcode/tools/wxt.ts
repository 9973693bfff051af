import { isObject } from '../../discover/package-json.js';
import { dirname, joinPath } from '../../discover/repo-paths.js';
import { addPathEntries, isPathValue, locate, packageNameOf } from '../entry-context.js';
import { configName, namedAfter, stringList, type ToolSpec } from './tool-spec.js';

/**
 * WXT (browser extensions): each script directly in the entrypoints folder (wxt.config's
 * `entrypointsDir`, from `srcDir`; `entrypoints` by default), and each folder's index script
 * unless the folder's index.html loads the scripts; the folders WXT auto-imports from (components,
 * composables, hooks, utils, and `imports.dirs`) unless `imports` is false; `<srcDir>/app.config`;
 * the local modules in `modulesDir` (`modules`), and the module packages its `modules` name.
 */
export const wxt: ToolSpec = {
  configFiles: [namedAfter('wxt')],
  binaries: ['wxt'],
  packages: ['wxt'],
  configs: (files) => files.atRoot(configName('wxt')),
  handle(context, workspace, config) {
    const root = config?.cwd ?? workspace.dir;
    const options = isObject(config?.value) ? config.value : {};
    const srcDir = isPathValue(options['srcDir']) ? locate(root, options['srcDir']) : root;
    const entrypoints = isPathValue(options['entrypointsDir']) ? locate(srcDir, options['entrypointsDir']) : joinPath(srcDir, 'entrypoints');
    for (const path of context.matchGlob(joinPath(entrypoints, '{*,*/index}.{js,jsx,ts,tsx}'))) {
      const folder = dirname(path);
      if (folder === entrypoints || !context.tracked.has(joinPath(folder, 'index.html'))) context.addEntry(path, `WXT entrypoint (${entrypoints}/)`, true);
    }
    const imports = options['imports'];
    if (imports !== false) {
      const dirs = ['components', 'composables', 'hooks', 'utils', ...stringList(isObject(imports) ? imports['dirs'] : undefined)];
      const globs = dirs.map((dir) => `${dir}/*.{ts,js,mjs,cjs,mts,cts}`);
      addPathEntries(context, globs, { base: srcDir, reason: 'auto-imported by WXT', production: true, origin: 'WXT auto-imports' });
    }
    context.addEntry(joinPath(srcDir, 'app.config.ts'), 'WXT app config', true);
    const modulesDir = isPathValue(options['modulesDir']) ? locate(root, options['modulesDir']) : joinPath(root, 'modules');
    addPathEntries(context, ['{*,*/index}.{js,ts}'], { base: modulesDir, reason: 'WXT local module', production: false, origin: 'WXT modules' });
    if (!config) return;
    for (const name of stringList(options['modules'])) {
      const packageName = packageNameOf(name);
      if (packageName) context.addPackage(workspace.dir, packageName, `${config.label} modules`);
    }
  },
};

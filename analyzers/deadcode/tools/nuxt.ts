import { isObject } from '../../discover/package-json.js';
import type { EntryContext, LoadedConfig, WorkspaceInfo } from '../entry-context.js';
import { addConventionFiles } from './file-conventions.js';
import { addModule } from './run-targets.js';
import { namedAfter, type ToolSpec } from './tool-spec.js';

const conventions = [
  // Nuxt 4 keeps the app's folders in app/.
  ...['', 'app/'].flatMap((folder) => [
    { glob: `${folder}{pages,layouts,middleware,plugins,components,composables,utils}/**`, reason: 'Nuxt auto-imported folder', production: true },
    { glob: `${folder}app.config.*`, reason: 'Nuxt app config', production: true },
  ]),
  { glob: 'server/**', reason: 'Nuxt server folder', production: true },
  { glob: 'shared/{utils,types}/*', reason: 'Nuxt auto-imported folder', production: true },
  { glob: 'modules/{*,*/index}.*', reason: 'Nuxt local module (modules/)', production: true },
];

/**
 * Nuxt: its auto-imported folders, app config, server folder and local modules by their place;
 * nuxt.config's `modules` (and Nuxt 2's `buildModules`), the layers it `extends`, its `plugins` and
 * `serverHandlers`' files, and the packages its `css` names — all loaded by name.
 */
export const nuxt: ToolSpec = {
  configFiles: [namedAfter('nuxt')],
  binaries: ['nuxt', 'nuxi'],
  packages: ['nuxt'],
  configs: (files) => files.atRoot(/^nuxt\.config\.[cm]?[jt]s$/),
  handle(context, workspace, config) {
    // What the config names first: it says more than the folder a file is in.
    if (config) addConfigModules(context, workspace, config);
    addConventionFiles(context, workspace, conventions);
  },
};

function addConfigModules(context: EntryContext, workspace: WorkspaceInfo, config: LoadedConfig): void {
  if (!isObject(config.value)) return;
  const options = config.value;
  for (const key of ['modules', 'buildModules', 'extends', 'plugins', 'css']) {
    for (const item of [options[key]].flat()) {
      // An item is a name or path, `[name, options]`, or `{ src }` (plugins).
      const name = Array.isArray(item) ? item[0] : isObject(item) ? item['src'] : item;
      if (typeof name !== 'string' || /^[~@]{1,2}\//.test(name) || name.startsWith('#')) continue;
      addModule(context, workspace, config.cwd, name, `${config.label} ${key}`, true);
    }
  }
  const handlers = options['serverHandlers'];
  for (const handler of Array.isArray(handlers) ? handlers : []) {
    if (isObject(handler) && typeof handler['handler'] === 'string') addModule(context, workspace, config.cwd, handler['handler'], `${config.label} serverHandlers`, true);
  }
}

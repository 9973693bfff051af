import { isObject } from '../../discover/package-json.js';
import { joinPath } from '../../discover/repo-paths.js';
import { configDir, isPathValue, locate } from '../entry-context.js';
import { configName, namedAfter, type ToolSpec } from './tool-spec.js';

/**
 * Nitro: file-based routes and handlers (routes/, api/, middleware/, plugins/, tasks/) at the package
 * root, under server/, and under the folders its config scans instead (`srcDir`, Nitro 3's
 * `serverDir`, `scanDirs`), where `routesDir` and `apiDir` may rename the first two.
 */
export const nitro: ToolSpec = {
  configFiles: [namedAfter('nitro')],
  binaries: ['nitro', 'nitropack'],
  packages: ['nitropack', 'nitro'],
  configs: (files) => files.atRoot(configName('nitro')),
  handle(context, workspace, config) {
    const options = isObject(config?.value) ? config.value : {};
    const root = config ? configDir(config) : workspace.dir;
    const configured = [options['srcDir'], options['serverDir'], ...[options['scanDirs']].flat()].filter(isPathValue).map((dir) => locate(root, dir));
    const names = ['routes', 'api', 'middleware', 'plugins', 'tasks', ...[options['routesDir'], options['apiDir']].filter((name) => typeof name === 'string')];
    for (const folder of new Set([workspace.dir, joinPath(workspace.dir, 'server'), ...configured])) {
      for (const path of context.matchGlob(joinPath(folder, `{${names.join(',')}}/**`))) context.addEntry(path, 'Nitro route or handler (file-based)', true);
    }
  },
};

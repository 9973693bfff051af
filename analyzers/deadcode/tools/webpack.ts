import { isObject } from '../../discover/package-json.js';
import { joinPath } from '../../discover/repo-paths.js';
import { addPathEntries, configsIn, isPathValue, locate, pathValues } from '../entry-context.js';
import { hasUnreadableAliases } from '../../resolve/bundler-aliases.js';
import { addModule } from './run-targets.js';
import { configName, namedAfter, type ToolSpec } from './tool-spec.js';

const configFile = configName('webpack');

/**
 * webpack: `entry` (string, array, object, `{ import }` descriptors) against `context`, which is the
 * folder webpack runs in unless set (not the config's folder: `webpack --config config/webpack.prod.js`);
 * `./src` when unset; and the loaders of `module.rules`.
 */
export const webpack: ToolSpec = {
  configFiles: [namedAfter('webpack')],
  binaries: ['webpack', 'webpack-cli', 'webpack-dev-server'],
  configs: (files) => files.atRoot(configFile),
  packages: ['webpack'],
  handle(context, workspace, config) {
    const dir = config ? config.cwd : workspace.dir;
    const options = config ? configsIn(config.value) : [{}];
    for (const option of options) {
      const base = isPathValue(option['context']) ? locate(dir, option['context']) : dir;
      if (!('entry' in option)) {
        const file = context.findCodeFile(joinPath(base, 'src/index'));
        if (file) context.addEntry(file, 'webpack default entry (src/index)', true);
        continue;
      }
      const entry = option['entry'];
      // An entry is a path (a string, or a path.resolve(...) result), a list of them, or a descriptor `{ import }`.
      const values = isObject(entry) && !isPathValue(entry) ? Object.values(entry).flatMap((value) => pathValues(isObject(value) && !isPathValue(value) ? value['import'] : value)) : pathValues(entry);
      const label = `${config?.label ?? 'webpack'} entry`;
      if (values.length === 0) context.entriesUnreadable(workspace.dir, label);
      // A request that is no file (`webpack/hot/only-dev-server`, `core-js/stable`) names a package webpack bundles first.
      const [files, packages] = partition(values, (value) => typeof value !== 'string' || /^[./]/.test(value) || context.findCodeFile(joinPath(base, value)) !== null);
      addPathEntries(context, files, { base, reason: label, production: true, origin: label });
      for (const request of packages) addModule(context, workspace, base, request as string, label, true);
    }
    for (const option of options) for (const loader of loadersIn(option['module'])) addModule(context, workspace, dir, loader, `${config?.label ?? 'webpack'} module.rules loader`);
    // Readable aliases resolve imports (resolve/bundler-aliases.ts); others make what they reach uncertain.
    if (options.some((option) => hasUnreadableAliases(option['resolve']))) context.entriesUnreadable(workspace.dir, `${config?.label ?? 'webpack'} resolve.alias`);
  },
};

function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}

/** The loaders of webpack's `module.rules` (through `oneOf`, `rules` and `use`), as named: `'sass-loader'`, `{ loader: 'css-loader' }`, `'style-loader!css-loader'`. */
function loadersIn(value: unknown, depth = 0): string[] {
  if (depth > 16) return [];
  if (Array.isArray(value)) return value.flatMap((item) => loadersIn(item, depth + 1));
  if (!isObject(value)) return [];
  const named = [value['loader'], ...[value['use']].flat()].flatMap((item) => (typeof item === 'string' ? item.split('!') : isObject(item) && typeof item['loader'] === 'string' ? [item['loader']] : []));
  const nested = ['rules', 'oneOf', 'use'].flatMap((key) => (Array.isArray(value[key]) || isObject(value[key]) ? loadersIn(value[key], depth + 1) : []));
  return [...named.map((loader) => loader.replace(/\?.*$/, '')).filter((loader) => loader !== ''), ...nested];
}

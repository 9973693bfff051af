import { isObject } from '../../discover/package-json.js';
import { basename, dirname, joinPath } from '../../discover/repo-paths.js';
import { addPathEntries, configDir, isPathValue, locate, pathValues, type LoadedConfig } from '../entry-context.js';
import { addReference, type ReferenceTarget } from './config-references.js';
import { namedAfter, type ToolSpec } from './tool-spec.js';
import { vite } from './vite.js';
import { webpack } from './webpack.js';

const forgeConfig = /^forge\.config\.[cm]?[jt]s$/;

/** Where a Forge config's paths start (the project folder), and the file it is in. */
interface ForgeTarget extends ReferenceTarget {
  path: string;
}

/**
 * Electron Forge (forge.config.* or package.json `config.forge`, an object or the path of a config
 * file): its makers, publishers and plugins are modules it loads by name; the webpack plugin bundles
 * the entry of `mainConfig` and each renderer entry point's `js` and `preload.js`, the vite plugin
 * each `build[].entry` and the renderers' vite configs; `"require:./x"` strings load modules.
 */
export const electronForge: ToolSpec = {
  // `namedAfter` also covers the file package.json `config.forge` names (`./forge.js`, `config/forge.prod.js`).
  configFiles: [namedAfter('forge')],
  binaries: ['electron-forge'],
  packages: ['@electron-forge/cli'],
  configs: (files) => files.atRoot(forgeConfig),
  packageField: 'config',
  handle(context, workspace, config) {
    if (!config) return;
    const dir = configDir(config);
    if (config.path !== workspace.packageJsonPath) return addForgeConfig({ context, workspace, dir, label: config.label, path: config.path }, config.value);
    const forge = isObject(config.value) ? config.value['forge'] : undefined;
    if (typeof forge !== 'string') return addForgeConfig({ context, workspace, dir, label: `${config.path} "config.forge"`, path: config.path }, forge);
    // A path, which Forge also tries with `.js`; a forge.config.* beside it wins (and is read as a config of its own).
    if (context.tree.paths.some((path) => dirname(path) === dir && forgeConfig.test(basename(path)))) return;
    const path = [joinPath(dir, forge), joinPath(dir, `${forge}.js`)].find((candidate) => context.tracked.has(candidate));
    if (!path) return context.warn(`${config.path} "config.forge" names ${joinPath(dir, forge)}, which is not in the repository.`);
    context.addEntry(path, 'config file (electron-forge)', false);
    addForgeConfig({ context, workspace, dir, label: path, path }, context.readConfig(path));
  },
};

function addForgeConfig(target: ForgeTarget, value: unknown): void {
  if (!isObject(value)) return;
  for (const key of ['makers', 'publishers', 'plugins']) {
    for (const item of [value[key]].flat()) {
      if (!isObject(item)) continue;
      // `{ name, config }`; an instance (`new WebpackPlugin({…})`) is imported, so the import graph sees its
      // package, and a plugin's options are read when the static reader gives them.
      const name = item['name'];
      if (typeof name === 'string') addReference(target, name, `${target.label} ${key}`, (written) => written);
      const options = typeof name === 'string' ? item['config'] : item;
      if (key !== 'plugins' || !isObject(options)) continue;
      if ('mainConfig' in options) addWebpackPlugin(target, options);
      else if ('build' in options) addVitePlugin(target, options);
    }
  }
  // Forge renders every string of its config, and loads the module of one written `require:<path>`.
  for (const written of pathValues(value)) {
    if (typeof written === 'string' && written.startsWith('require:')) {
      const reason = `${target.label} "${written}"`;
      addPathEntries(target.context, [written.slice('require:'.length)], { base: target.dir, reason, production: false, origin: reason });
    }
  }
}

/** @electron-forge/plugin-webpack: `mainConfig` (a webpack config or its path), and `renderer` (one or a list) with its `entryPoints`. */
function addWebpackPlugin(target: ForgeTarget, options: Record<string, unknown>): void {
  const { context, workspace, dir, label } = target;
  const main = isObject(options['mainConfig']) ? { path: target.path, label: `${label} mainConfig`, cwd: dir, value: options['mainConfig'] } : loadConfig(target, options['mainConfig'], 'mainConfig');
  if (main) webpack.handle?.(context, workspace, main);
  for (const renderer of [options['renderer']].flat()) {
    if (!isObject(renderer)) continue;
    // The renderer's webpack config gets its entries from `entryPoints`, so only the file itself is used.
    configFile(target, renderer['config'], 'renderer.config');
    for (const point of [renderer['entryPoints']].flat()) {
      if (!isObject(point)) continue;
      const reason = `${label} renderer.entryPoints`;
      addPathEntries(context, pathValues(point['js']), { base: dir, reason, production: true, origin: reason });
      const preload = point['preload'];
      if (!isObject(preload)) continue;
      addPathEntries(context, pathValues(preload['js']), { base: dir, reason: `${reason} preload`, production: true, origin: `${reason} preload` });
      configFile(target, preload['config'], 'renderer.entryPoints preload.config');
    }
  }
}

/** @electron-forge/plugin-vite: `build[]` (an `entry` and its vite config) and `renderer[]` (a vite config each: its root and inputs). */
function addVitePlugin(target: ForgeTarget, options: Record<string, unknown>): void {
  const { context, workspace, dir, label } = target;
  for (const build of [options['build']].flat()) {
    if (!isObject(build)) continue;
    addPathEntries(context, pathValues(build['entry']), { base: dir, reason: `${label} build entry`, production: true, origin: `${label} build entry` });
    const loaded = loadConfig(target, build['config'], 'build config');
    if (loaded) vite.handle?.(context, workspace, loaded);
  }
  for (const renderer of [options['renderer']].flat()) {
    const loaded = isObject(renderer) ? loadConfig(target, renderer['config'], 'renderer config') : null;
    if (loaded) vite.handle?.(context, workspace, loaded);
  }
}

/** A bundler config file the plugin names (from the project folder), which is an entry itself. */
function configFile(target: ForgeTarget, value: unknown, key: string): string | null {
  if (!isPathValue(value)) return null;
  const path = locate(target.dir, value);
  if (target.context.tracked.has(path)) target.context.addEntry(path, 'config file (electron-forge)', false);
  else target.context.warn(`${target.label} ${key} names ${path}, which is not in the repository.`);
  return target.context.tracked.has(path) ? path : null;
}

/** Such a config file, read for what it bundles. */
function loadConfig(target: ForgeTarget, value: unknown, key: string): LoadedConfig | null {
  const path = configFile(target, value, key);
  return path === null ? null : { path, label: path, cwd: target.dir, value: target.context.readConfig(path) };
}

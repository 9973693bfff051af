import { isObject } from '../../discover/package-json.js';
import { basename, dirname, joinPath } from '../../discover/repo-paths.js';
import type { EntryContext } from '../entry-context.js';
import { addReference } from './config-references.js';
import { named, type ToolSpec } from './tool-spec.js';

/** Where each kind of function lives by default, and the extensions of its files in the order Netlify looks for a folder's main file. */
const kinds = [
  { key: 'functions', folder: 'netlify/functions', extensions: ['js', 'ts', 'mjs', 'cjs', 'tsx', 'mts', 'cts'], reason: 'Netlify function' },
  { key: 'edge_functions', folder: 'netlify/edge-functions', extensions: ['js', 'ts', 'jsx', 'tsx'], reason: 'Netlify edge function' },
] as const;

/**
 * Netlify: each function in the functions folder (`[functions] directory`, or `[build] functions`;
 * netlify/functions by default) and in the edge functions folder (`[build] edge_functions`;
 * netlify/edge-functions by default), from the base directory (`[build] base`): a file, or the
 * `<name>.*` or `index.*` file of a folder. Also the build plugins netlify.toml loads (`[[plugins]]
 * package`). Only with a netlify.toml, or @netlify/functions or @netlify/edge-functions as a dependency.
 */
export const netlify: ToolSpec = {
  configFiles: [named(/^netlify\.toml$/)],
  packages: ['@netlify/functions', '@netlify/edge-functions'],
  configs: (files) => files.atRoot(/^netlify\.toml$/),
  handle(context, workspace, config) {
    const options = isObject(config?.value) ? config.value : {};
    const build = isObject(options['build']) ? options['build'] : {};
    const functions = isObject(options['functions']) ? options['functions'] : {};
    const base = joinPath(config ? dirname(config.path) : workspace.dir, typeof build['base'] === 'string' ? build['base'] : '');
    const folders = { functions: functions['directory'] ?? build['functions'], edge_functions: build['edge_functions'] };
    for (const { key, folder, extensions, reason } of kinds) {
      const written = folders[key];
      addFunctions(context, joinPath(base, typeof written === 'string' ? written : folder), extensions, reason);
    }
    if (!config || !Array.isArray(options['plugins'])) return;
    const target = { context, workspace, dir: base, label: config.label };
    for (const plugin of options['plugins']) {
      const name = isObject(plugin) ? plugin['package'] : undefined;
      // A local plugin is written from the base directory, often with a leading slash (`/plugins/my-plugin`).
      if (typeof name === 'string') addReference(target, name.startsWith('/') ? `.${name}` : name, `${config.label} plugins`, (written) => written);
    }
  },
};

/** The functions of a folder: its files with the kind's extensions, and each subfolder's `<subfolder>.*` or else `index.*`. */
function addFunctions(context: EntryContext, folder: string, extensions: readonly string[], reason: string): void {
  const files = context.matchGlob(`${folder}/{*,*/*}.{${extensions.join(',')}}`);
  const found = new Set(files);
  for (const path of files) {
    const inner = path.slice(folder.length + 1);
    if (!inner.includes('/')) {
      context.addEntry(path, `${reason} (${folder})`, true);
      continue;
    }
    const name = basename(dirname(path));
    const main = extensions.flatMap((extension) => [`${name}.${extension}`, `index.${extension}`]).find((file) => found.has(`${folder}/${name}/${file}`));
    if (main === basename(path)) context.addEntry(path, `${reason} (${folder})`, true);
  }
}

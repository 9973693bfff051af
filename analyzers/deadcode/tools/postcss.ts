import { isObject } from '../../discover/package-json.js';
import { configDir } from '../entry-context.js';
import { addReference, type ReferenceTarget } from './config-references.js';
import { named, namedAfter, type ToolSpec } from './tool-spec.js';

/** postcss-load-config's file names (a bare `.postcssrc` is JSON or YAML), and postcss.config.json (Angular's). */
const configFile = /^(?:postcss\.config\.(?:[cm]?[jt]s|json)|\.postcssrc(?:\.(?:[cm]?[jt]s|json|ya?ml))?)$/;

/** PostCSS loads `plugins` by name: an object's keys, or an array of names and [name, options] pairs. */
export const postcss: ToolSpec = {
  configFiles: [namedAfter('postcss'), named(configFile)],
  configs: (files) => files.atRoot(configFile),
  packageField: 'postcss',
  handle(context, workspace, config) {
    if (!config || !isObject(config.value)) return;
    const target: ReferenceTarget = { context, workspace, dir: configDir(config), label: config.label };
    const plugins = config.value['plugins'];
    const names = Array.isArray(plugins) ? plugins.map((item: unknown) => (Array.isArray(item) ? item[0] : item)) : isObject(plugins) ? Object.keys(plugins) : [];
    for (const name of names) if (typeof name === 'string') addReference(target, name, `${config.label} plugins "${name}"`, (module) => module);
  },
};

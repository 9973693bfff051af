import { isObject } from '../../discover/package-json.js';
import { configDir } from '../entry-context.js';
import { addReference, type ReferenceTarget } from './config-references.js';
import { configName, namedAfter, type ToolSpec } from './tool-spec.js';

const configFile = configName('postcss');

/** PostCSS loads `plugins` by name: an object's keys, or an array of names and [name, options] pairs. */
export const postcss: ToolSpec = {
  configFiles: [namedAfter('postcss')],
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

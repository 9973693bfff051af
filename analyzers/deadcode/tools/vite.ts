import { isObject } from '../../discover/package-json.js';
import { configDir, isPathValue, locate } from '../entry-context.js';
import { addBuildInputs } from './build-inputs.js';
import { configName, namedAfter, type ToolSpec } from './tool-spec.js';

/** vite.config.*, which vitest falls back to. */
export const viteConfig = configName('vite');

/** vite: the `/x` script paths of its html resolve against `root`; `build.lib.entry` and the rollup inputs ship. */
export const vite: ToolSpec = {
  configFiles: [namedAfter('vite')],
  binaries: ['vite'],
  configs: (files) => files.atRoot(viteConfig),
  handle(context, _workspace, config) {
    if (!config || !isObject(config.value)) return;
    const { root, build } = config.value;
    const base = isPathValue(root) ? locate(configDir(config), root) : configDir(config);
    context.webRoots.add(base);
    addBuildInputs(context, build, base, `${config.label} build`);
  },
};

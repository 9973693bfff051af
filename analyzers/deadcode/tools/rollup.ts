import { addBundlerInputs } from './build-inputs.js';
import { configName, namedAfter, type ToolSpec } from './tool-spec.js';

const configFile = configName('rollup');

/** rollup: the `input` of each config it exports. */
export const rollup: ToolSpec = {
  configFiles: [namedAfter('rollup')],
  binaries: ['rollup'],
  configs: (files) => files.atRoot(configFile),
  handle(context, workspace, config) {
    addBundlerInputs(context, workspace, config, 'input');
  },
};

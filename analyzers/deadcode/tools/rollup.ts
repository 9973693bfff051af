import { addBundlerInputs } from './build-inputs.js';
import { configName, type ToolSpec } from './tool-spec.js';

const configFile = configName('rollup');

/** rollup: the `input` of each config it exports. */
export const rollup: ToolSpec = {
  binaries: ['rollup'],
  configs: (files) => files.atRoot(configFile),
  handle(context, workspace, config) {
    addBundlerInputs(context, workspace, config, 'input');
  },
};

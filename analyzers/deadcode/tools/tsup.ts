import type { EntryContext, LoadedConfig, WorkspaceInfo } from '../entry-context.js';
import { addBundlerInputs } from './build-inputs.js';
import { configName, namedAfter, scriptOrJson, type ToolSpec } from './tool-spec.js';

const tsupConfig = configName('tsup', scriptOrJson);
const tsdownConfig = configName('tsdown', scriptOrJson);

/** tsup: the `entry` of each config it exports (tsup.config.* or package.json `tsup`). */
export const tsup: ToolSpec = {
  configFiles: [namedAfter('tsup')],
  binaries: ['tsup'],
  configs: (files) => files.atRoot(tsupConfig),
  packageField: 'tsup',
  handle: handleTsup,
};

/** tsdown (tsup's successor) takes the same `entry` option. */
export const tsdown: ToolSpec = {
  configFiles: [namedAfter('tsdown')],
  binaries: ['tsdown'],
  configs: (files) => files.atRoot(tsdownConfig),
  handle: handleTsup,
};

function handleTsup(context: EntryContext, workspace: WorkspaceInfo, config: LoadedConfig | null): void {
  addBundlerInputs(context, workspace, config, 'entry');
}

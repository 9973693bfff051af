import { conventionFiles } from './file-conventions.js';
import { configName, namedAfter, type ToolSpec } from './tool-spec.js';

/** Nitro: file-based routes and handlers, at the package root or under server/. */
export const nitro: ToolSpec = {
  configFiles: [namedAfter('nitro')],
  binaries: ['nitro', 'nitropack'],
  packages: ['nitropack', 'nitro'],
  configs: (files) => files.atRoot(configName('nitro')),
  handle: conventionFiles(['', 'server/'].map((folder) => ({ glob: `${folder}{routes,api,middleware,plugins,tasks}/**`, reason: 'Nitro route or handler (file-based)', production: true }))),
};

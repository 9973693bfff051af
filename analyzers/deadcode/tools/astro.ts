import { conventionFiles } from './file-conventions.js';
import { configName, namedAfter, type ToolSpec } from './tool-spec.js';

/** Astro: its pages, and the special files it loads (middleware, content config, actions). */
export const astro: ToolSpec = {
  configFiles: [namedAfter('astro')],
  binaries: ['astro'],
  packages: ['astro'],
  configs: (files) => files.atRoot(configName('astro')),
  handle: conventionFiles([
    { glob: 'src/pages/**', reason: 'Astro page (src/pages/)', production: true },
    { glob: 'src/{middleware,content.config,content/config,actions/index}.*', reason: 'Astro special file', production: true },
  ]),
};

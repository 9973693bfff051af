import { conventionFiles } from './file-conventions.js';
import { configName, namedAfter, type ToolSpec } from './tool-spec.js';

/** SvelteKit: route files, hooks, the service worker and param matchers under src/. */
export const sveltekit: ToolSpec = {
  configFiles: [namedAfter('svelte')],
  packages: ['@sveltejs/kit'],
  configs: (files) => files.atRoot(configName('svelte')),
  handle: conventionFiles([
    { glob: 'src/routes/**/+*', reason: 'SvelteKit route file (src/routes/)', production: true },
    { glob: 'src/{hooks,service-worker}{,.*,/index.*}', reason: 'SvelteKit hooks or service worker', production: true },
    { glob: 'src/params/*', reason: 'SvelteKit param matcher', production: true },
  ]),
};

import { isObject } from '../../discover/package-json.js';
import { joinPath } from '../../discover/repo-paths.js';
import { addPathEntries, isPathValue, locate, type PathValue } from '../entry-context.js';
import { configName, namedAfter, type ToolSpec } from './tool-spec.js';

/** A module SvelteKit resolves from a path without extension (its `resolve_entry`): `path.js`, `path.ts` or `path/index.*`. */
const module = (path: string): string => `${path}{.js,.ts,/index.js,/index.ts}`;

/**
 * SvelteKit: route files, hooks, the service worker, param matchers and server instrumentation, at
 * svelte.config's `kit.files` (`src/routes`, `src/hooks.server`, `src/params`…, under `kit.files.src`).
 */
export const sveltekit: ToolSpec = {
  configFiles: [namedAfter('svelte')],
  packages: ['@sveltejs/kit'],
  configs: (files) => files.atRoot(configName('svelte')),
  handle(context, workspace, config) {
    const root = config?.cwd ?? workspace.dir;
    const kit = isObject(config?.value) ? config.value['kit'] : undefined;
    const files = isObject(kit) && isObject(kit['files']) ? kit['files'] : {};
    const hooks = isObject(files['hooks']) ? files['hooks'] : {};
    const src = isPathValue(files['src']) ? locate(root, files['src']) : joinPath(root, 'src');
    // A path kit.files sets, or its default under src.
    const at = (value: unknown, fallback: string): string => (isPathValue(value) ? locate(root, value) : joinPath(src, fallback));
    const add = (globs: PathValue[], reason: string): void => addPathEntries(context, globs, { base: root, reason, production: true, origin: reason });
    add([`${at(files['routes'], 'routes')}/**/+*`], 'SvelteKit route file');
    add([module(at(hooks['server'], 'hooks.server')), module(at(hooks['client'], 'hooks.client')), module(at(hooks['universal'], 'hooks'))], 'SvelteKit hooks');
    add([module(at(files['serviceWorker'], 'service-worker'))], 'SvelteKit service worker');
    // SvelteKit 2 matches params with each file of the folder; SvelteKit 3 with one module.
    const params = at(files['params'], 'params');
    add([`${params}/*.{js,ts}`, module(params)], 'SvelteKit param matcher');
    add([module(joinPath(src, 'instrumentation.server'))], 'SvelteKit server instrumentation');
  },
};

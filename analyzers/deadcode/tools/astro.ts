import { isObject } from '../../discover/package-json.js';
import { joinPath } from '../../discover/repo-paths.js';
import { addPathEntries, isPathValue, locate } from '../entry-context.js';
import { configName, namedAfter, type ToolSpec } from './tool-spec.js';

/** What Vite resolves `src/middleware` and the other special modules to. */
const script = '{js,mjs,ts,mts,jsx,tsx}';

/**
 * Astro: the endpoints in its pages folder (`.js`/`.ts` files; a name starting with `_` is left out
 * of routing, with everything below it), and the special files it loads — middleware, content and
 * live content config, actions — all under astro.config's `srcDir` (`src` by default).
 */
export const astro: ToolSpec = {
  configFiles: [namedAfter('astro')],
  binaries: ['astro'],
  packages: ['astro'],
  configs: (files) => files.atRoot(configName('astro')),
  handle(context, workspace, config) {
    const root = config?.cwd ?? workspace.dir;
    const srcDir = isObject(config?.value) && isPathValue(config.value['srcDir']) ? locate(root, config.value['srcDir']) : joinPath(root, 'src');
    const pages = joinPath(srcDir, 'pages');
    addPathEntries(context, ['**/*.{js,ts}'], { base: pages, reason: `Astro page (${pages}/)`, production: true, origin: 'Astro pages', exclude: ['**/_*', '**/_*/**'] });
    const special = `{middleware,middleware/index,content.config,content/config,live.config,actions/index}.${script}`;
    addPathEntries(context, [special], { base: srcDir, reason: 'Astro special file', production: true, origin: 'Astro special files' });
  },
};

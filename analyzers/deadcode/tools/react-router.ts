import { isObject } from '../../discover/package-json.js';
import { basename, joinPath } from '../../discover/repo-paths.js';
import { addPathEntries, isPathValue, locate, pathValues } from '../entry-context.js';
import { named, type ToolSpec } from './tool-spec.js';

/** The extensions @react-router/dev finds its entry files with. */
const entryExtensions = '{js,jsx,ts,tsx,mjs,mts}';

/**
 * React Router v7 framework mode and Remix: in the app directory (react-router.config's or
 * remix.config's `appDirectory`, `app` by default), the root route, the route config (routes.ts),
 * the client, server and RSC entries, and every file of routes/ (the file-based convention) but
 * dotfiles and those remix.config's `ignoredRouteFiles` leave out; remix.config's custom `server`
 * entry. Without an entry.server of its own, the app runs the framework's default, which loads
 * `isbot` and the Node adapter by name.
 */
export const reactRouter: ToolSpec = {
  configFiles: [named(/^(?:react-router|remix)\.config\.[cm]?[jt]sx?$/)],
  binaries: ['react-router', 'remix'],
  packages: ['@react-router/dev', '@remix-run/dev'],
  // `--config` names the Vite config.
  configFlags: [],
  configs: (files) => files.atRoot(/^(?:react-router\.config\.(?:[jt]sx?|m[jt]s)|remix\.config\.[cm]?js)$/),
  handle(context, workspace, config) {
    const remix = config ? basename(config.path).startsWith('remix.') : workspace.dependencies.has('@remix-run/dev') && !workspace.dependencies.has('@react-router/dev');
    const framework = remix ? 'Remix' : 'React Router';
    const root = config?.cwd ?? workspace.dir;
    const options = isObject(config?.value) ? config.value : {};
    const app = isPathValue(options['appDirectory']) ? locate(root, options['appDirectory']) : joinPath(root, 'app');
    const entries = `{root,routes,entry.client,entry.server,entry.rsc,entry.ssr}.${entryExtensions}`;
    addPathEntries(context, [entries], { base: app, reason: `${framework} root, route config or entry (${app}/)`, production: true, origin: framework });
    // Dotfiles are never routes.
    const ignored = ['**/.*', ...pathValues(options['ignoredRouteFiles'])];
    addPathEntries(context, ['routes/**'], { base: app, reason: `${framework} route module (${app}/routes/)`, production: true, origin: framework, exclude: ignored });
    const server = options['server'];
    if (config && isPathValue(server)) addPathEntries(context, [server], { base: root, reason: `${config.label} server`, production: true, origin: `${config.label} server` });
    // The routes a remix.config `routes` function defines are computed at run time.
    if (config && 'routes' in options) context.entriesUnreadable(workspace.dir, `${config.label} routes`);
    if (context.matchGlob(joinPath(app, `entry.server.${entryExtensions}`)).length === 0) {
      for (const name of ['isbot', remix ? '@remix-run/node' : '@react-router/node']) context.addPackage(workspace.dir, name, `${framework}'s default entry.server (${app}/ has none)`);
    }
  },
};

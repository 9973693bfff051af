import { isObject } from '../../discover/package-json.js';
import { dirname, joinPath } from '../../discover/repo-paths.js';
import { addPathEntries } from '../entry-context.js';
import { named, type ToolSpec } from './tool-spec.js';

/** Frameworks whose own build serves the package, so that Vercel does not turn api/ into functions (or the framework's module already reads it). */
const owningFrameworks = ['next', 'nuxt', 'nitropack', 'nitro'];

/**
 * Vercel: the serverless functions of a project with a vercel.json (or now.json) or the `vercel`
 * package: the files under api/ at the package root that its Node.js runtime builds (`.js`, `.mjs`,
 * `.ts`, `.tsx`; not `.d.ts`, nor a file or folder named with a leading `_` or `.`), unless a framework
 * that owns routing (Next.js, Nuxt, Nitro) is a dependency. A vercel.json with legacy `builds` builds
 * only those: the `src` of each that uses the Node.js runtime (`@vercel/node`).
 */
export const vercel: ToolSpec = {
  configFiles: [named(/^(?:vercel|now)\.json$/)],
  packages: ['vercel'],
  configs: (files) => files.atRoot(/^(?:vercel|now)\.json$/),
  handle(context, workspace, config) {
    const builds = isObject(config?.value) ? config.value['builds'] : undefined;
    if (config && Array.isArray(builds)) {
      const reason = `${config.label} builds`;
      for (const build of builds.filter(isObject)) {
        const { src, use } = build;
        if (typeof src === 'string' && typeof use === 'string' && /^@(?:vercel|now)\/node(?:@|$)/.test(use)) addPathEntries(context, [src], { base: dirname(config.path), reason, production: true, origin: reason });
      }
      return;
    }
    if (owningFrameworks.some((name) => workspace.dependencies.has(name))) return;
    const folder = joinPath(workspace.dir, 'api');
    for (const path of context.matchGlob(`${folder}/**/*.{js,mjs,ts,tsx}`)) {
      if (!path.endsWith('.d.ts') && !/\/[_.]/.test(path.slice(folder.length))) context.addEntry(path, 'Vercel function (api/)', true);
    }
  },
};

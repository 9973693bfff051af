import { conventionFiles } from './file-conventions.js';
import { configName, namedAfter, type ToolSpec } from './tool-spec.js';

const appFiles =
  'page,layout,route,loading,error,not-found,template,default,global-error,forbidden,unauthorized,icon,apple-icon,opengraph-image,twitter-image,sitemap,robots,manifest';

/** Next.js: pages/, app/'s special files, middleware and instrumentation, at the package root or under src/. */
export const next: ToolSpec = {
  configFiles: [namedAfter('next')],
  binaries: ['next'],
  packages: ['next'],
  configs: (files) => files.atRoot(configName('next', String.raw`\.(?:[cm]?[jt]s)`)),
  handle: conventionFiles(
    ['', 'src/'].flatMap((folder) => [
      { glob: `${folder}pages/**`, reason: 'Next.js page (pages/)', production: true },
      { glob: `${folder}app/**/{${appFiles}}.*`, reason: 'Next.js route file (app/)', production: true },
      { glob: `${folder}{middleware,proxy}.*`, reason: 'Next.js middleware', production: true },
      { glob: `${folder}instrumentation{,-client}.*`, reason: 'Next.js instrumentation', production: true },
    ]),
  ),
};

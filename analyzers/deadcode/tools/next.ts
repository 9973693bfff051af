import { isObject } from '../../discover/package-json.js';
import { addConventionFiles } from './file-conventions.js';
import { configName, namedAfter, stringList, type ToolSpec } from './tool-spec.js';

const appFiles =
  'page,layout,route,loading,error,not-found,template,default,global-error,global-not-found,forbidden,unauthorized,icon,apple-icon,opengraph-image,twitter-image,sitemap,robots,manifest';

/** Next.js's default `pageExtensions`. */
const defaultExtensions = ['tsx', 'ts', 'jsx', 'js'];

/**
 * Next.js: pages/, app/'s special files, middleware (proxy), instrumentation and @next/mdx's
 * mdx-components, at the package root or under src/ — the files whose extension is one of
 * next.config's `pageExtensions` (by default tsx, ts, jsx, js), so that other files colocated in
 * pages/ are not pages.
 */
export const next: ToolSpec = {
  configFiles: [namedAfter('next')],
  binaries: ['next'],
  packages: ['next'],
  configs: (files) => files.atRoot(configName('next', String.raw`\.(?:[cm]?[jt]s)`)),
  handle(context, workspace, config) {
    const configured = isObject(config?.value) ? stringList(config.value['pageExtensions']) : [];
    const extensions = configured.length > 0 ? configured : defaultExtensions;
    const extension = extensions.length === 1 ? extensions[0]! : `{${extensions.join(',')}}`;
    addConventionFiles(
      context,
      workspace,
      ['', 'src/'].flatMap((folder) => [
        { glob: `${folder}pages/**/*.${extension}`, reason: 'Next.js page (pages/)', production: true },
        { glob: `${folder}app/**/{${appFiles}}.${extension}`, reason: 'Next.js route file (app/)', production: true },
        { glob: `${folder}{middleware,proxy}.${extension}`, reason: 'Next.js middleware', production: true },
        { glob: `${folder}instrumentation{,-client}.${extension}`, reason: 'Next.js instrumentation', production: true },
        // @next/mdx resolves it by name, with any extension.
        { glob: `${folder}mdx-components.*`, reason: 'Next.js MDX components (@next/mdx)', production: true },
      ]),
    );
  },
};

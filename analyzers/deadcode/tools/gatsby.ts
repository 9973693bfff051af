import { isObject } from '../../discover/package-json.js';
import { joinPath } from '../../discover/repo-paths.js';
import { addConventionFiles } from './file-conventions.js';
import { addModule } from './run-targets.js';
import { namedAfter, type ToolSpec } from './tool-spec.js';

/** Files Gatsby loads by their place: the site's API files, pages, functions and templates, and the API files of local plugins (plugins/<name>/). */
const conventions = [
  { glob: 'gatsby-{node,browser,ssr}.*', reason: 'Gatsby API file', production: true },
  { glob: 'src/{pages,api,templates}/**', reason: 'Gatsby page, function or template (src/)', production: true },
  { glob: 'src/html.*', reason: 'Gatsby html component', production: true },
  { glob: 'plugins/*/gatsby-{node,browser,ssr,config}.*', reason: 'Gatsby local plugin (plugins/)', production: true },
];

/**
 * Gatsby: gatsby-node/-browser/-ssr, src/pages, src/api and src/templates, local plugins' API files,
 * and the `plugins` gatsby-config loads by name (`'gatsby-plugin-x'` or `{ resolve: 'gatsby-source-y' }`,
 * also nested in a plugin's options); a name with a folder in plugins/ is a local plugin, not a package.
 */
export const gatsby: ToolSpec = {
  configFiles: [namedAfter('gatsby')],
  binaries: ['gatsby'],
  packages: ['gatsby'],
  configs: (files) => files.atRoot(/^gatsby-config\.[cm]?[jt]s$/),
  handle(context, workspace, config) {
    addConventionFiles(context, workspace, conventions);
    if (!config || !isObject(config.value)) return;
    const isLocalPlugin = (name: string): boolean => context.tree.paths.some((path) => path.startsWith(`${joinPath(config.cwd, `plugins/${name}`)}/`));
    const visit = (plugins: unknown, depth: number): void => {
      if (!Array.isArray(plugins) || depth > 4) return;
      for (const plugin of plugins) {
        const name = typeof plugin === 'string' ? plugin : isObject(plugin) ? plugin['resolve'] : undefined;
        if (typeof name === 'string' && !isLocalPlugin(name)) addModule(context, workspace, config.cwd, name, `${config.label} plugins`);
        if (isObject(plugin) && isObject(plugin['options'])) visit(plugin['options']['plugins'] ?? plugin['options']['gatsbyRemarkPlugins'], depth + 1);
      }
    };
    visit(config.value['plugins'], 0);
  },
};

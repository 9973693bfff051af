import { isObject } from '../../discover/package-json.js';
import { addModule } from './run-targets.js';
import { namedAfter, type ToolSpec } from './tool-spec.js';

/** Gatsby loads its `plugins` by name from gatsby-config: `'gatsby-plugin-x'` or `{ resolve: 'gatsby-source-y' }`, also nested in a plugin's options. */
export const gatsby: ToolSpec = {
  configFiles: [namedAfter('gatsby')],
  binaries: ['gatsby'],
  packages: ['gatsby'],
  configs: (files) => files.atRoot(/^gatsby-config\.[cm]?[jt]s$/),
  handle(context, workspace, config) {
    if (!config || !isObject(config.value)) return;
    const visit = (plugins: unknown, depth: number): void => {
      if (!Array.isArray(plugins) || depth > 4) return;
      for (const plugin of plugins) {
        const name = typeof plugin === 'string' ? plugin : isObject(plugin) ? plugin['resolve'] : undefined;
        if (typeof name === 'string') addModule(context, workspace, config.cwd, name, `${config.label} plugins`);
        if (isObject(plugin) && isObject(plugin['options'])) visit(plugin['options']['plugins'] ?? plugin['options']['gatsbyRemarkPlugins'], depth + 1);
      }
    };
    visit(config.value['plugins'], 0);
  },
};

import { isObject } from '../../discover/package-json.js';
import { joinPath } from '../../discover/repo-paths.js';
import { configDir, packageNameOf } from '../entry-context.js';
import { addPackageReference, addReference, type ReferenceTarget } from './config-references.js';
import { addConventionFiles } from './file-conventions.js';
import { prefixedPackageName } from './package-names.js';
import { configName, namedAfter, type ToolSpec } from './tool-spec.js';

const configFile = configName('docusaurus');

const conventions = [
  { glob: 'src/theme/**', reason: 'Docusaurus theme component (src/theme/)', production: true },
  { glob: 'sidebars.*', reason: 'Docusaurus sidebars', production: true },
];

/** The pages plugin's default `exclude`: files and folders named `_*`, `__tests__` and `*.test.*` make no route. */
const notPage = /(?:^|\/)_|\.test\.[jt]sx?$/;

/**
 * Docusaurus: its pages, swizzled theme components and sidebars by their place, and the presets,
 * themes and plugins by name, with shorthands: `classic` is @docusaurus/preset-classic (or
 * docusaurus-preset-classic), `@org/x` is @org/docusaurus-plugin-x. Every candidate counts: only a
 * declared one can be the one loaded.
 */
export const docusaurus: ToolSpec = {
  configFiles: [namedAfter('docusaurus')],
  binaries: ['docusaurus'],
  packages: ['@docusaurus/core'],
  configs: (files) => files.atRoot(configFile),
  handle(context, workspace, config) {
    addConventionFiles(context, workspace, conventions);
    const pages = joinPath(workspace.dir, 'src/pages');
    for (const path of context.matchGlob(`${pages}/**`)) if (!notPage.test(path.slice(pages.length + 1))) context.addEntry(path, 'Docusaurus page (src/pages/)', true);
    if (!config || !isObject(config.value)) return;
    const target: ReferenceTarget = { context, workspace, dir: configDir(config), label: config.label };
    const future = config.value['future'];
    if (isObject(future) && future['experimental_faster']) addPackageReference(target, '@docusaurus/faster', `${config.label} future.experimental_faster`);
    for (const kind of ['preset', 'theme', 'plugin'] as const) {
      for (const item of [config.value[`${kind}s`]].flat()) {
        // An item is a name, or [name, options]; functions and inline objects are code the config imports.
        const name = Array.isArray(item) ? item[0] : item;
        if (typeof name !== 'string') continue;
        const reason = `${config.label} ${kind}s "${name}"`;
        if (packageNameOf(name) === null) addReference(target, name, reason, (module) => module);
        else for (const candidate of docusaurusPackageNames(name, kind)) addPackageReference(target, candidate, reason);
      }
    }
  },
};

function docusaurusPackageNames(name: string, kind: 'preset' | 'theme' | 'plugin'): string[] {
  const prefix = `docusaurus-${kind}`;
  const bare = name.startsWith('@') ? name.slice(name.indexOf('/') + 1) : name;
  // A full package name (`docusaurus-plugin-sass`, `@docusaurus/theme-live-codeblock`) is used as written.
  if (bare.startsWith('docusaurus') || bare.startsWith(`${kind}-`)) return [name];
  if (name.startsWith('@')) return [name, prefixedPackageName(name, prefix)];
  return [name, `${prefix}-${name}`, `@docusaurus/${kind}-${name}`];
}

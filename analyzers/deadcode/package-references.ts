import { isObject } from '../discover/package-json.js';
import { packageNameOf, type EntryContext, type WorkspaceInfo } from './entry-context.js';
import { stringList } from './tools/tool-spec.js';

/** package.json `prettier` names a shared config package when it is a string. */
export function addManifestReferences(context: EntryContext, workspace: WorkspaceInfo): void {
  const label = workspace.packageJsonPath ?? 'package.json';
  const prettier = workspace.packageJson?.['prettier'];
  const name = typeof prettier === 'string' ? packageNameOf(prettier) : null;
  if (name) context.addPackage(workspace.dir, name, `${label} "prettier"`);
  // Browserslist shares configs as packages: `"browserslist": ["extends browserslist-config-erb"]`.
  for (const query of stringList(workspace.packageJson?.['browserslist'])) {
    const shared = /^\s*extends\s+(\S+)/.exec(query)?.[1];
    const sharedName = shared === undefined ? null : packageNameOf(shared);
    if (sharedName) context.addPackage(workspace.dir, sharedName, `${label} "browserslist" "${query}"`);
  }
  addTsConfigReferences(context, workspace);
}

/**
 * Packages a workspace's own tsconfigs name: a shared config they `extend` (`@sindresorhus/tsconfig`),
 * and the `types` they load (`vite/client`, `node` for @types/node).
 */
function addTsConfigReferences(context: EntryContext, workspace: WorkspaceInfo): void {
  for (const { path } of context.discovery.tsconfigs) {
    if (context.workspaceOf(context.discovery.packages, path)?.dir !== workspace.dir) continue;
    const config = context.readConfig(path);
    if (!isObject(config)) continue;
    for (const specifier of stringList(config['extends'])) {
      const name = packageNameOf(specifier);
      if (name) context.addPackage(workspace.dir, name, `${path} extends "${specifier}"`);
    }
    const options = isObject(config['compilerOptions']) ? config['compilerOptions'] : {};
    // Language-service plugins (`compilerOptions.plugins[].name`) and Vue's `vueCompilerOptions.plugins`.
    const vue = isObject(config['vueCompilerOptions']) ? config['vueCompilerOptions'] : {};
    const plugins = [...(Array.isArray(options['plugins']) ? options['plugins'] : []).map((plugin) => (isObject(plugin) ? plugin['name'] : plugin)), ...stringList(vue['plugins'])];
    for (const plugin of plugins) {
      const name = typeof plugin === 'string' ? packageNameOf(plugin) : null;
      if (name) context.addPackage(workspace.dir, name, `${path} plugins "${String(plugin)}"`);
    }
    for (const type of stringList(options['types'])) {
      const name = packageNameOf(type);
      if (name === null) continue;
      context.addPackage(workspace.dir, name, `${path} compilerOptions.types "${type}"`);
      if (name === type && !name.startsWith('@')) context.addPackage(workspace.dir, `@types/${name}`, `${path} compilerOptions.types "${type}"`);
    }
  }
}

import { isObject } from '../discover/package-json.js';
import { stringList } from './tools/tool-spec.js';
import { basename } from '../discover/repo-paths.js';
import { addPathEntries, configDir, configsIn, packageNameOf, type EntryContext, type LoadedConfig, type WorkspaceInfo } from './entry-context.js';

/** Where a config names packages, and how to report them. */
interface ReferenceTarget {
  context: EntryContext;
  workspace: WorkspaceInfo;
  /** Folder that relative names (`./eslint/base.js`) start from. */
  dir: string;
  label: string;
}

/**
 * ESLint's package naming (its `normalizePackageName`), which Babel shares: with the prefix
 * eslint-plugin, `react` → eslint-plugin-react, `@scope` → @scope/eslint-plugin, `@scope/x` →
 * @scope/eslint-plugin-x; names already prefixed stay as they are.
 */
function prefixedPackageName(name: string, prefix: string): string {
  if (!name.startsWith('@')) return name.startsWith(`${prefix}-`) || name === prefix ? name : `${prefix}-${name}`;
  const [scope, rest] = name.split('/');
  if (rest === undefined || rest === '' || rest === prefix) return `${scope}/${prefix}`;
  return rest.startsWith(`${prefix}-`) ? name : `${scope}/${prefix}-${rest}`;
}

/**
 * Babel's naming: `env` → babel-preset-env, `@babel/env` → @babel/preset-env, `@scope` →
 * @scope/babel-preset, `@scope/x` → @scope/babel-preset-x; `module:x` is the package x as written.
 */
function babelPackageName(name: string, kind: 'preset' | 'plugin'): string {
  if (name.startsWith('module:')) return name.slice('module:'.length);
  const prefix = `babel-${kind}`;
  if (name.startsWith('@babel/')) {
    const rest = name.slice('@babel/'.length);
    return rest.startsWith(`${kind}-`) ? name : `@babel/${kind}-${rest}`;
  }
  return prefixedPackageName(name, prefix);
}

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

/** Legacy configs (.eslintrc*, package.json `eslintConfig`); flat configs import their plugins, which the import graph sees. */
export function handleEslint(context: EntryContext, workspace: WorkspaceInfo, config: LoadedConfig | null): void {
  if (!config) return;
  const target = { context, workspace, dir: configDir(config), label: config.label };
  // A flat config imports its plugins (the import graph sees them); only the resolvers its settings name are strings.
  if (basename(config.path).startsWith('eslint.config.')) for (const item of configsIn(config.value)) addImportResolvers(target, item);
  else addEslintrc(target, config.value);
}

function addEslintrc(target: ReferenceTarget, value: unknown): void {
  if (!isObject(value)) return;
  for (const name of [value['extends']].flat()) {
    if (typeof name !== 'string' || name.startsWith('eslint:')) continue;
    const reason = `${target.label} extends "${name}"`;
    if (name.startsWith('plugin:')) {
      // `plugin:react/recommended`, `plugin:@scope/x/recommended`: the plugin is all before the config name.
      const rest = name.slice('plugin:'.length);
      const plugin = rest.includes('/') ? rest.slice(0, rest.lastIndexOf('/')) : rest;
      addPackage(target, prefixedPackageName(plugin, 'eslint-plugin'), reason);
    } else {
      addModule(target, name, reason, (module) => prefixedPackageName(module, 'eslint-config'));
    }
  }
  for (const name of [value['plugins']].flat()) {
    if (typeof name === 'string') addModule(target, name, `${target.label} plugins "${name}"`, (module) => prefixedPackageName(module, 'eslint-plugin'));
  }
  const parserOptions = isObject(value['parserOptions']) ? value['parserOptions'] : {};
  for (const [key, parser] of [['parser', value['parser']], ['parserOptions.parser', parserOptions['parser']]] as const) {
    if (typeof parser === 'string') addModule(target, parser, `${target.label} ${key} "${parser}"`, (module) => module);
  }
  addImportResolvers(target, value);
  for (const override of [value['overrides']].flat()) addEslintrc(target, override);
}

/** eslint-plugin-import (and import-x) load each resolver named in settings: `typescript` is eslint-import-resolver-typescript. */
function addImportResolvers(target: ReferenceTarget, value: Record<string, unknown>): void {
  const settings = isObject(value['settings']) ? value['settings'] : {};
  for (const key of ['import/resolver', 'import-x/resolver']) {
    const resolvers = settings[key];
    for (const resolver of isObject(resolvers) ? Object.keys(resolvers) : stringList(resolvers)) {
      addModule(target, resolver, `${target.label} settings "${key}"`, (module) => prefixedPackageName(module, 'eslint-import-resolver'));
    }
  }
}

/** Babel configs anywhere: presets and plugins, in `env` and `overrides` too. */
export function handleBabel(context: EntryContext, workspace: WorkspaceInfo, config: LoadedConfig | null): void {
  if (config) addBabelConfig({ context, workspace, dir: configDir(config), label: config.label }, config.value);
}

function addBabelConfig(target: ReferenceTarget, value: unknown): void {
  if (!isObject(value)) return;
  for (const kind of ['preset', 'plugin'] as const) {
    for (const item of [value[`${kind}s`]].flat()) {
      // An item is a name, or [name, options] / [name, options, label].
      const name = Array.isArray(item) ? item[0] : item;
      if (typeof name === 'string') addModule(target, name, `${target.label} ${kind}s "${name}"`, (module) => babelPackageName(module, kind));
    }
  }
  const environments = isObject(value['env']) ? Object.values(value['env']) : [];
  for (const nested of [...environments, ...[value['overrides']].flat()]) addBabelConfig(target, nested);
}

/**
 * Docusaurus loads presets, themes and plugins by name, with shorthands: `classic` is
 * @docusaurus/preset-classic (or docusaurus-preset-classic), `@org/x` is @org/docusaurus-plugin-x.
 * Every candidate counts: only a declared one can be the one loaded.
 */
export function handleDocusaurus(context: EntryContext, workspace: WorkspaceInfo, config: LoadedConfig | null): void {
  if (!config || !isObject(config.value)) return;
  const target: ReferenceTarget = { context, workspace, dir: configDir(config), label: config.label };
  const future = config.value['future'];
  if (isObject(future) && future['experimental_faster']) addPackage(target, '@docusaurus/faster', `${config.label} future.experimental_faster`);
  for (const kind of ['preset', 'theme', 'plugin'] as const) {
    for (const item of [config.value[`${kind}s`]].flat()) {
      // An item is a name, or [name, options]; functions and inline objects are code the config imports.
      const name = Array.isArray(item) ? item[0] : item;
      if (typeof name !== 'string') continue;
      const reason = `${config.label} ${kind}s "${name}"`;
      if (packageNameOf(name) === null) addModule(target, name, reason, (module) => module);
      else for (const candidate of docusaurusPackageNames(name, kind)) addPackage(target, candidate, reason);
    }
  }
}

/** PostCSS loads `plugins` by name: an object's keys, or an array of names and [name, options] pairs. */
export function handlePostcss(context: EntryContext, workspace: WorkspaceInfo, config: LoadedConfig | null): void {
  if (!config || !isObject(config.value)) return;
  const target: ReferenceTarget = { context, workspace, dir: configDir(config), label: config.label };
  const plugins = config.value['plugins'];
  const names = Array.isArray(plugins) ? plugins.map((item: unknown) => (Array.isArray(item) ? item[0] : item)) : isObject(plugins) ? Object.keys(plugins) : [];
  for (const name of names) if (typeof name === 'string') addModule(target, name, `${config.label} plugins "${name}"`, (module) => module);
}

/** Changesets loads its `changelog` and `commit` generators by name: a name, or [name, options]. */
export function handleChangesets(context: EntryContext, workspace: WorkspaceInfo, config: LoadedConfig | null): void {
  if (!config || !isObject(config.value)) return;
  const target: ReferenceTarget = { context, workspace, dir: configDir(config), label: config.label };
  for (const key of ['changelog', 'commit']) {
    const value = config.value[key];
    const name = Array.isArray(value) ? value[0] : value;
    if (typeof name === 'string') addModule(target, name, `${config.label} ${key} "${name}"`, (module) => module);
  }
}

function docusaurusPackageNames(name: string, kind: 'preset' | 'theme' | 'plugin'): string[] {
  const prefix = `docusaurus-${kind}`;
  const bare = name.startsWith('@') ? name.slice(name.indexOf('/') + 1) : name;
  // A full package name (`docusaurus-plugin-sass`, `@docusaurus/theme-live-codeblock`) is used as written.
  if (bare.startsWith('docusaurus') || bare.startsWith(`${kind}-`)) return [name];
  if (name.startsWith('@')) return [name, prefixedPackageName(name, prefix)];
  return [name, `${prefix}-${name}`, `@docusaurus/${kind}-${name}`];
}

/** A relative name is a file of the repository; any other is a package, named by the tool's scheme. */
function addModule(target: ReferenceTarget, name: string, reason: string, packageFor: (name: string) => string): void {
  if (packageNameOf(name) === null) {
    addPathEntries(target.context, [name], { base: target.dir, reason, production: false, origin: reason });
    return;
  }
  addPackage(target, packageFor(name), reason);
}

function addPackage(target: ReferenceTarget, name: string, reason: string): void {
  const packageName = packageNameOf(name);
  if (packageName) target.context.addPackage(target.workspace.dir, packageName, reason);
}

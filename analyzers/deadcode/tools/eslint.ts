import { isObject } from '../../discover/package-json.js';
import { basename } from '../../discover/repo-paths.js';
import { configDir, configsIn } from '../entry-context.js';
import { addPackageReference, addReference, type ReferenceTarget } from './config-references.js';
import { prefixedPackageName } from './package-names.js';
import { configName, named, namedAfter, stringList, type ToolSpec } from './tool-spec.js';

const flatConfig = configName('eslint');
const eslintrc = /^\.eslintrc(?:\.(?:c?js|json|ya?ml))?$/;

/** Legacy configs (.eslintrc*, package.json `eslintConfig`); flat configs import their plugins, which the import graph sees. */
export const eslint: ToolSpec = {
  configFiles: [namedAfter('eslint'), named(eslintrc)],
  binaries: ['eslint'],
  configs: (files) => [...files.atRoot(flatConfig), ...files.anywhere(eslintrc)],
  packageField: 'eslintConfig',
  handle(context, workspace, config) {
    if (!config) return;
    const target = { context, workspace, dir: configDir(config), label: config.label };
    // A flat config (a script not named .eslintrc: eslint.config.js, or one `-c` names) imports its plugins,
    // which the import graph sees; only the resolvers its settings name are strings.
    if (isFlatConfig(config.path)) for (const item of configsIn(config.value)) addImportResolvers(target, item);
    else addEslintrc(target, config.value);
  },
};

function isFlatConfig(path: string): boolean {
  const name = basename(path);
  return /\.[cm]?[jt]s$/.test(name) && !name.startsWith('.eslintrc');
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
      addPackageReference(target, prefixedPackageName(plugin, 'eslint-plugin'), reason);
    } else {
      addReference(target, name, reason, (module) => prefixedPackageName(module, 'eslint-config'));
    }
  }
  for (const name of [value['plugins']].flat()) {
    if (typeof name === 'string') addReference(target, name, `${target.label} plugins "${name}"`, (module) => prefixedPackageName(module, 'eslint-plugin'));
  }
  const parserOptions = isObject(value['parserOptions']) ? value['parserOptions'] : {};
  for (const [key, parser] of [['parser', value['parser']], ['parserOptions.parser', parserOptions['parser']]] as const) {
    if (typeof parser === 'string') addReference(target, parser, `${target.label} ${key} "${parser}"`, (module) => module);
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
      addReference(target, resolver, `${target.label} settings "${key}"`, resolverPackageName);
    }
  }
}

/** eslint-module-utils tries `eslint-import-resolver-${name}`, then the name itself: a scoped name is its own package. */
function resolverPackageName(name: string): string {
  return name.startsWith('@') ? name : prefixedPackageName(name, 'eslint-import-resolver');
}

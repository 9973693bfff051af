import { isObject } from '../../discover/package-json.js';
import { configDir } from '../entry-context.js';
import { addReference, type ReferenceTarget } from './config-references.js';
import { configName, named, namedAfter, scriptOrJson, type ToolSpec } from './tool-spec.js';

const babelConfig = configName('babel', scriptOrJson);
const babelrc = /^\.babelrc(?:\.(?:json|[cm]?js|cts))?$/;

/** Babel configs (babel.config.*, .babelrc* anywhere, package.json `babel`, `--config-file`): presets and plugins, in `env` and `overrides` too. */
export const babel: ToolSpec = {
  configFiles: [namedAfter('babel'), named(babelrc)],
  binaries: ['babel'],
  configFlags: ['--config-file'],
  configs: (files) => [...files.atRoot(babelConfig), ...files.anywhere(babelrc)],
  packageField: 'babel',
  handle(context, workspace, config) {
    if (config) addBabelConfig({ context, workspace, dir: configDir(config), label: config.label }, config.value);
  },
};

function addBabelConfig(target: ReferenceTarget, value: unknown): void {
  if (!isObject(value)) return;
  for (const kind of ['preset', 'plugin'] as const) {
    for (const item of [value[`${kind}s`]].flat()) {
      // An item is a name, or [name, options] / [name, options, label].
      const name = Array.isArray(item) ? item[0] : item;
      if (typeof name === 'string') addReference(target, name, `${target.label} ${kind}s "${name}"`, (module) => babelPackageName(module, kind));
    }
  }
  const environments = isObject(value['env']) ? Object.values(value['env']) : [];
  for (const nested of [...environments, ...[value['overrides']].flat()]) addBabelConfig(target, nested);
}

/**
 * Babel's naming (its `standardizeName`): `env` → babel-preset-env, `@babel/env` → @babel/preset-env,
 * `@scope` → @scope/babel-preset, `@scope/x` → @scope/babel-preset-x (unless it already says
 * babel-preset, like @emotion/babel-preset-css-prop); a name with a path inside a package
 * (`react-refresh/babel`) and `module:x` are the package as written.
 */
function babelPackageName(name: string, kind: 'preset' | 'plugin'): string {
  if (name.startsWith('module:')) return name.slice('module:'.length);
  const prefix = `babel-${kind}`;
  const [scope, rest, subpath] = name.split('/');
  if (!name.startsWith('@')) return rest !== undefined || name.startsWith(`${prefix}-`) ? name : `${prefix}-${name}`;
  if (rest === undefined) return `${scope}/${prefix}`;
  if (subpath !== undefined) return name;
  if (scope === '@babel') return rest.startsWith(`${kind}-`) ? name : `@babel/${kind}-${rest}`;
  return new RegExp(`${prefix}(?:-|$)`).test(rest) ? name : `${scope}/${prefix}-${rest}`;
}

import { isObject } from '../../discover/package-json.js';
import { configDir, type EntryContext, type LoadedConfig, type WorkspaceInfo } from '../entry-context.js';
import { optionValues, readArgs } from './command-args.js';
import { addPackageReference, addReference, type ReferenceTarget } from './config-references.js';
import { named, namedAfter, type ToolSpec } from './tool-spec.js';

/** The names in `keys` of a config: strings, or `[name, options]` pairs (semantic-release's plugins). */
function namesIn(options: Record<string, unknown>, keys: readonly string[]): string[] {
  return keys.flatMap((key) => [options[key]].flat().map((item) => (Array.isArray(item) ? item[0] : item)).filter((item): item is string => typeof item === 'string'));
}

function targetOf(context: EntryContext, workspace: WorkspaceInfo, config: LoadedConfig): ReferenceTarget {
  return { context, workspace, dir: configDir(config), label: config.label };
}

/**
 * A `handle` adding the names under `keys` of the config's sections (the config itself, and the
 * overrides `sections` picks): a relative name is a file, any other a package. A config that is
 * one string names a shared config (Prettier's `"@company/prettier-config"`).
 */
function listedPlugins(keys: readonly string[], sections: (options: Record<string, unknown>) => unknown[] = (options) => [options]): NonNullable<ToolSpec['handle']> {
  return (context, workspace, config) => {
    if (!config) return;
    const target = targetOf(context, workspace, config);
    const { value } = config;
    const names = typeof value === 'string' ? [value] : isObject(value) ? sections(value).filter(isObject).flatMap((section) => namesIn(section, keys)) : [];
    for (const name of names) addReference(target, name, `${config.label} "${name}"`, (module) => module);
  };
}

/** The items of a config's `overrides` list. */
function overrides(options: Record<string, unknown>): unknown[] {
  return Array.isArray(options['overrides']) ? options['overrides'] : [];
}

/** Prettier loads its `plugins` (also those of an `overrides` entry's options) by name, and a config that is a string is a shared config. */
export const prettier: ToolSpec = {
  configFiles: [namedAfter('prettier'), named(/^\.prettierrc(?:\.\w+)?$/)],
  binaries: ['prettier'],
  configFlags: ['--config'],
  configs: (files) => files.atRoot(/^(?:\.prettierrc(?:\.(?:json5?|ya?ml|[cm]?[jt]s))?|prettier\.config\.[cm]?[jt]s)$/),
  packageField: 'prettier',
  handle: listedPlugins(['plugins'], (options) => [options, ...overrides(options).map((override) => (isObject(override) ? override['options'] : undefined))]),
};

/**
 * Stylelint loads what it `extends`, its `plugins` and its `customSyntax` by name, in the config and
 * in each of its `overrides`; a command line names a `--custom-syntax` and a `--custom-formatter`.
 */
export const stylelint: ToolSpec = {
  configFiles: [namedAfter('stylelint'), named(/^\.stylelintrc(?:\.\w+)?$/)],
  binaries: ['stylelint'],
  configs: (files) => files.atRoot(/^(?:\.stylelintrc(?:\.(?:json|ya?ml|[cm]?[jt]s))?|stylelint\.config\.[cm]?[jt]s)$/),
  packageField: 'stylelint',
  handle: listedPlugins(['extends', 'plugins', 'customSyntax'], (options) => [options, ...overrides(options)]),
  run(context, workspace, run) {
    const flags = ['--custom-syntax', '--custom-formatter'];
    const { options } = readArgs(run.args, flags);
    const target: ReferenceTarget = { context, workspace, dir: run.cwd, label: run.origin };
    for (const name of optionValues(options, flags)) addReference(target, name, `${run.origin} "${name}"`, (module) => module);
  },
};

const semanticReleasePlugins = listedPlugins(['plugins', 'extends']);

/**
 * semantic-release loads its `plugins` (names or `[name, options]`) and shared configs it `extends`;
 * a `preset` (in the config or a plugin's options) is the package conventional-changelog-<preset>,
 * and a `config` names a conventional-changelog preset package as written.
 */
export const semanticRelease: ToolSpec = {
  configFiles: [namedAfter('release'), named(/^\.releaserc(?:\.\w+)?$/)],
  binaries: ['semantic-release'],
  packages: ['semantic-release'],
  // cosmiconfig's places for `release`.
  configs: (files) => files.atRoot(/^(?:\.releaserc(?:\.(?:json|ya?ml|[cm]?js|ts))?|release\.config\.(?:[cm]?js|ts))$/),
  packageField: 'release',
  handle(context, workspace, config) {
    semanticReleasePlugins(context, workspace, config);
    if (!config || !isObject(config.value)) return;
    const target = targetOf(context, workspace, config);
    const plugins = [config.value['plugins']].flat().map((item) => (Array.isArray(item) ? item[1] : undefined));
    for (const options of [config.value, ...plugins].filter(isObject)) {
      const { preset, config: changelogConfig } = options;
      if (typeof preset === 'string') addPackageReference(target, `conventional-changelog-${preset.toLowerCase()}`, `${config.label} preset "${preset}"`);
      if (typeof changelogConfig === 'string') addReference(target, changelogConfig, `${config.label} config "${changelogConfig}"`, (module) => module);
    }
  },
};

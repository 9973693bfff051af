import { isObject } from '../../discover/package-json.js';
import { configDir } from '../entry-context.js';
import { addReference, type ReferenceTarget } from './config-references.js';
import { named, namedAfter, type ToolSpec } from './tool-spec.js';

/** The names in `keys` of a config: strings, or `[name, options]` pairs (semantic-release's plugins). */
function namesIn(options: Record<string, unknown>, keys: readonly string[]): string[] {
  return keys.flatMap((key) => [options[key]].flat().map((item) => (Array.isArray(item) ? item[0] : item)).filter((item): item is string => typeof item === 'string'));
}

function listedPlugins(keys: readonly string[]): ToolSpec['handle'] {
  return (context, workspace, config) => {
    if (!config || !isObject(config.value)) return;
    const target: ReferenceTarget = { context, workspace, dir: configDir(config), label: config.label };
    for (const name of namesIn(config.value, keys)) addReference(target, name, `${config.label} "${name}"`, (module) => module);
  };
}

/** Prettier loads its `plugins` (and an `overrides` parser's plugin) by name. */
export const prettier: ToolSpec = {
  configFiles: [namedAfter('prettier'), named(/^\.prettierrc(?:\.\w+)?$/)],
  binaries: ['prettier'],
  configFlags: ['--config'],
  configs: (files) => files.atRoot(/^(?:\.prettierrc(?:\.(?:json5?|ya?ml|[cm]?[jt]s))?|prettier\.config\.[cm]?[jt]s)$/),
  packageField: 'prettier',
  handle: listedPlugins(['plugins']),
};

/** Stylelint loads what it `extends`, its `plugins` and its `customSyntax` by name. */
export const stylelint: ToolSpec = {
  configFiles: [namedAfter('stylelint'), named(/^\.stylelintrc(?:\.\w+)?$/)],
  binaries: ['stylelint'],
  configs: (files) => files.atRoot(/^(?:\.stylelintrc(?:\.(?:json|ya?ml|[cm]?[jt]s))?|stylelint\.config\.[cm]?[jt]s)$/),
  packageField: 'stylelint',
  handle: listedPlugins(['extends', 'plugins', 'customSyntax']),
};

/** semantic-release loads its `plugins` (names or `[name, options]`) and shared configs it `extends`. */
export const semanticRelease: ToolSpec = {
  configFiles: [namedAfter('release'), named(/^\.releaserc(?:\.\w+)?$/)],
  binaries: ['semantic-release'],
  packages: ['semantic-release'],
  configs: (files) => files.atRoot(/^(?:\.releaserc(?:\.(?:json|ya?ml|[cm]?js))?|release\.config\.[cm]?js)$/),
  packageField: 'release',
  handle: listedPlugins(['plugins', 'extends']),
};

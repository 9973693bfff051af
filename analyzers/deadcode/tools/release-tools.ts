import { isObject } from '../../discover/package-json.js';
import { dirname } from '../../discover/repo-paths.js';
import type { EntryContext, LoadedConfig, WorkspaceInfo } from '../entry-context.js';
import { addReference, type ReferenceTarget } from './config-references.js';
import { prefixedPackageName } from './package-names.js';
import { named, namedAfter, stringList, type ToolSpec } from './tool-spec.js';

/** How a release tool's config names the modules it loads: relative names are files next to the config, others packages. */
function referenceIn(context: EntryContext, workspace: WorkspaceInfo, config: LoadedConfig): ReferenceTarget {
  return { context, workspace, dir: dirname(config.path), label: config.label };
}

const asWritten = (name: string): string => name;

/**
 * commitlint: the shared configs it `extends` (`@commitlint/config-conventional`; `conventional` is
 * commitlint-config-conventional, `@scope` is @scope/commitlint-config), its `parserPreset` and
 * `formatter` (as written), and its `plugins` (`x` is commitlint-plugin-x); relative names are files.
 */
export const commitlint: ToolSpec = {
  configFiles: [namedAfter('commitlint'), named(/^\.commitlintrc(?:\.\w+)?$/)],
  binaries: ['commitlint'],
  packages: ['@commitlint/cli'],
  configs: (files) => files.atRoot(/^(?:\.commitlintrc(?:\.(?:json|ya?ml|[cm]?[jt]s))?|commitlint\.config\.[cm]?[jt]s)$/),
  packageField: 'commitlint',
  // `-c` is `--color`.
  configFlags: ['-g', '--config'],
  handle(context, workspace, config) {
    if (!config || !isObject(config.value)) return;
    const target = referenceIn(context, workspace, config);
    const options = config.value;
    for (const name of stringList(options['extends'])) addReference(target, name, `${config.label} extends "${name}"`, sharedConfigName);
    for (const key of ['parserPreset', 'formatter']) {
      const name = options[key];
      if (typeof name === 'string') addReference(target, name, `${config.label} ${key}`, asWritten);
    }
    for (const name of stringList(options['plugins'])) addReference(target, name, `${config.label} plugins`, (written) => prefixedPackageName(written, 'commitlint-plugin'));
  },
};

/** commitlint's resolve-extends: `@scope` alone is @scope/commitlint-config; an unscoped name gets the commitlint-config- prefix. */
function sharedConfigName(name: string): string {
  if (name.startsWith('@')) return name.includes('/') ? name : `${name}/commitlint-config`;
  return name.startsWith('commitlint-config-') ? name : `commitlint-config-${name}`;
}

/** release-it: its `plugins`, by package name or relative path (package.json `release-it`, .release-it.json/.yaml/.toml/.js…). */
export const releaseIt: ToolSpec = {
  configFiles: [named(/^\.release-it(?:\.\w+)?$/)],
  binaries: ['release-it'],
  packages: ['release-it'],
  configs: (files) => files.atRoot(/^\.release-it\.(?:json|ya?ml|toml|[cm]?[jt]s)$/),
  packageField: 'release-it',
  handle(context, workspace, config) {
    if (!config || !isObject(config.value) || !isObject(config.value['plugins'])) return;
    const target = referenceIn(context, workspace, config);
    for (const name of Object.keys(config.value['plugins'])) addReference(target, name, `${config.label} plugins`, asWritten);
  },
};

/** commitizen: the adapter its config names (`path`: a package, `./node_modules/<package>` or a file), in package.json `config.commitizen`, .czrc or .cz.json. */
export const commitizen: ToolSpec = {
  configFiles: [named(/^\.(?:czrc|cz\.json)$/)],
  binaries: ['cz', 'git-cz', 'commitizen'],
  packages: ['commitizen'],
  configs: (files) => files.atRoot(/^(?:\.czrc|\.cz\.json)$/),
  packageField: 'config',
  handle(context, workspace, config) {
    if (!config) return;
    const inManifest = config.path === workspace.packageJsonPath;
    const settings = inManifest && isObject(config.value) ? config.value['commitizen'] : config.value;
    if (!isObject(settings) || typeof settings['path'] !== 'string') return;
    const adapter = settings['path'].replace(/^(?:\.\/)?node_modules\//, '');
    addReference(referenceIn(context, workspace, config), adapter, `${config.label} ${inManifest ? 'commitizen.path' : 'path'}`, asWritten);
  },
};

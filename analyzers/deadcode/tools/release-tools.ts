import { isObject } from '../../discover/package-json.js';
import { packageNameOf } from '../entry-context.js';
import { named, namedAfter, stringList, type ToolSpec } from './tool-spec.js';

/** commitlint: the shared configs it `extends` (`@commitlint/config-conventional`, or `conventional` for commitlint-config-conventional) and its `parserPreset`. */
export const commitlint: ToolSpec = {
  configFiles: [namedAfter('commitlint'), named(/^\.commitlintrc(?:\.\w+)?$/)],
  binaries: ['commitlint'],
  packages: ['@commitlint/cli'],
  configs: (files) => files.atRoot(/^(?:\.commitlintrc(?:\.(?:json|ya?ml|[cm]?[jt]s))?|commitlint\.config\.[cm]?[jt]s)$/),
  packageField: 'commitlint',
  handle(context, workspace, config) {
    if (!config || !isObject(config.value)) return;
    const names = [...stringList(config.value['extends']), ...stringList(config.value['parserPreset'])];
    for (const name of names) {
      const full = name.startsWith('.') || name.startsWith('@') || name.startsWith('commitlint-config-') ? name : `commitlint-config-${name}`;
      const packageName = packageNameOf(full);
      if (packageName) context.addPackage(workspace.dir, packageName, `${config.label} extends "${name}"`);
    }
  },
};

/** release-it: its `plugins`, by package name (package.json `release-it` or .release-it.json). */
export const releaseIt: ToolSpec = {
  configFiles: [named(/^\.release-it(?:\.\w+)?$/)],
  binaries: ['release-it'],
  packages: ['release-it'],
  configs: (files) => files.atRoot(/^\.release-it\.(?:json|ya?ml|[cm]?[jt]s)$/),
  packageField: 'release-it',
  handle(context, workspace, config) {
    if (!config || !isObject(config.value) || !isObject(config.value['plugins'])) return;
    for (const name of Object.keys(config.value['plugins'])) {
      const packageName = packageNameOf(name);
      if (packageName) context.addPackage(workspace.dir, packageName, `${config.label} plugins`);
    }
  },
};

/** commitizen: the adapter package.json `config.commitizen.path` names. */
export const commitizen: ToolSpec = {
  binaries: ['cz', 'git-cz', 'commitizen'],
  packages: ['commitizen'],
  packageField: 'config',
  handle(context, workspace, config) {
    const settings = isObject(config?.value) ? config.value['commitizen'] : undefined;
    if (!config || !isObject(settings)) return;
    const adapter = settings['path'];
    const packageName = typeof adapter === 'string' ? packageNameOf(adapter.replace(/^\.\/node_modules\//, '')) : null;
    if (packageName) context.addPackage(workspace.dir, packageName, `${config.label} commitizen.path`);
  },
};

import { isObject } from '../../discover/package-json.js';
import { configDir } from '../entry-context.js';
import { addReference, type ReferenceTarget } from './config-references.js';
import type { ToolSpec } from './tool-spec.js';

const configPath = /(?:^|\/)\.changeset\/config\.json$/;

/** Changesets loads its `changelog` and `commit` generators by name: a name, or [name, options]. */
export const changesets: ToolSpec = {
  configFiles: [configPath],
  configs: (files) => files.anywhere(/^config\.json$/).filter((path) => configPath.test(path)),
  handle(context, workspace, config) {
    if (!config || !isObject(config.value)) return;
    const target: ReferenceTarget = { context, workspace, dir: configDir(config), label: config.label };
    for (const key of ['changelog', 'commit']) {
      const value = config.value[key];
      const name = Array.isArray(value) ? value[0] : value;
      if (typeof name === 'string') addReference(target, name, `${config.label} ${key} "${name}"`, (module) => module);
    }
  },
};

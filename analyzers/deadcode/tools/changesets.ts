import { isObject } from '../../discover/package-json.js';
import { configDir } from '../entry-context.js';
import { addReference, type ReferenceTarget } from './config-references.js';
import type { ToolSpec } from './tool-spec.js';

const configFile = /^config\.json$/;

/** Changesets loads its `changelog` and `commit` generators by name: a name, or [name, options]. */
export const changesets: ToolSpec = {
  configFiles: [/(?:^|\/)\.changeset\/config\.json$/],
  configs: (files) => files.anywhere(configFile).filter((path) => path.endsWith('.changeset/config.json')),
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

import { isObject } from '../../discover/package-json.js';
import { addPathEntries, isPathValue, locate } from '../entry-context.js';
import { namedAfter, stringList, type ToolSpec } from './tool-spec.js';

const defaultTestFileMatch = ['**/*.tst.*', '**/__typetests__/*.test.*', '**/typetests/*.test.*'];

/** TSTyche (type tests): `testFileMatch` below `rootPath` (the config's folder), from tstyche.config.json or the defaults. */
export const tstyche: ToolSpec = {
  configFiles: [namedAfter('tstyche')],
  binaries: ['tstyche'],
  packages: ['tstyche'],
  configs: (files) => files.atRoot(/^tstyche(?:\.config)?\.json$/),
  handle(context, workspace, config) {
    const options = isObject(config?.value) ? config.value : {};
    const root = isPathValue(options['rootPath']) ? locate(config?.cwd ?? workspace.dir, options['rootPath']) : (config?.cwd ?? workspace.dir);
    const globs = stringList(options['testFileMatch']);
    const label = config?.label ?? 'tstyche';
    addPathEntries(context, globs.length > 0 ? globs : defaultTestFileMatch, { base: root, reason: 'type test (TSTyche)', production: false, origin: `${label} testFileMatch` });
  },
};

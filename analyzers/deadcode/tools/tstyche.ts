import { isObject } from '../../discover/package-json.js';
import { addPathEntries, configDir, isPathValue, locate } from '../entry-context.js';
import { addModule } from './run-targets.js';
import { namedAfter, stringList, type ToolSpec } from './tool-spec.js';

const defaultTestFileMatch = ['**/*.tst.*', '**/__typetests__/*.test.*', '**/typetests/*.test.*'];
const builtInReporters = new Set(['dot', 'list', 'summary']);

/**
 * TSTyche (type tests): `testFileMatch` (or the defaults) below the folder it runs in, or below
 * `rootPath` (TSTyche 6 and earlier; relative to the config), from tstyche.json or tstyche.config.json;
 * and the custom `reporters` it loads (a path from the config's folder, or a package).
 */
export const tstyche: ToolSpec = {
  configFiles: [namedAfter('tstyche')],
  binaries: ['tstyche'],
  packages: ['tstyche'],
  configs: (files) => files.atRoot(/^tstyche(?:\.config)?\.json$/),
  handle(context, workspace, config) {
    const options = isObject(config?.value) ? config.value : {};
    const dir = config ? configDir(config) : workspace.dir;
    const root = isPathValue(options['rootPath']) ? locate(dir, options['rootPath']) : (config?.cwd ?? workspace.dir);
    const globs = stringList(options['testFileMatch']);
    const label = config?.label ?? 'tstyche';
    addPathEntries(context, globs.length > 0 ? globs : defaultTestFileMatch, { base: root, reason: 'type test (TSTyche)', production: false, origin: `${label} testFileMatch` });
    for (const reporter of stringList(options['reporters'])) if (!builtInReporters.has(reporter)) addModule(context, workspace, dir, reporter, `${label} reporters`);
  },
};

import { isObject } from '../../discover/package-json.js';
import { joinPath } from '../../discover/repo-paths.js';
import { addPathEntries } from '../entry-context.js';
import { stringList, type ToolSpec } from './tool-spec.js';

/**
 * Preconstruct: each package's `preconstruct.entrypoints` (files or globs below its src/, `index`
 * by default) are what it publishes, under output names that do not mirror the sources
 * (dist/xstate-store-persist.esm.js), so they are read here rather than mapped back from `exports`.
 */
export const preconstruct: ToolSpec = {
  binaries: ['preconstruct'],
  packages: ['@preconstruct/cli'],
  packageField: 'preconstruct',
  handle(context, workspace, config) {
    const settings = isObject(config?.value) ? config.value : {};
    // The root's field lists the packages (`packages`); a package's own names its entrypoints.
    if (workspace.dir === '' && 'packages' in settings) return;
    const written = stringList(settings['entrypoints']);
    const entrypoints = written.length > 0 ? written : ['index.{js,jsx,ts,tsx}'];
    const origin = `${config?.label ?? 'preconstruct'} entrypoints`;
    addPathEntries(context, entrypoints, { base: joinPath(workspace.dir, 'src'), reason: origin, production: true, origin });
  },
};

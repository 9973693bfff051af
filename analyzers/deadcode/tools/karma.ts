import { isObject } from '../../discover/package-json.js';
import { dirname, joinPath } from '../../discover/repo-paths.js';
import { addPathEntries, packageNameOf } from '../entry-context.js';
import { addModule } from './run-targets.js';
import { namedAfter, stringList, type ToolSpec } from './tool-spec.js';

/** Karma's launchers by browser name (`ChromeHeadless` needs karma-chrome-launcher). */
const launcherOf = (browser: string): string => `karma-${browser.replace(/_.*$/, '').replace(/(?:Headless|Canary|Developer|Nightly|Aurora)+$/, '').toLowerCase()}-launcher`;

/**
 * Karma loads its plugins by name from karma.conf: each of `frameworks` (karma-<name>), the
 * `preprocessors` (karma-<name>-preprocessor), `reporters` (karma-<name>-reporter), the launcher of
 * each browser and custom launcher base, and whatever `plugins` lists.
 */
export const karma: ToolSpec = {
  configFiles: [namedAfter('karma')],
  binaries: ['karma'],
  packages: ['karma'],
  configs: (files) => files.atRoot(/^karma\.conf(?:ig)?\.[cm]?[jt]s$/),
  handle(context, workspace, config) {
    if (!config || !isObject(config.value)) return;
    const options = config.value;
    const add = (name: string, key: string) => {
      const packageName = packageNameOf(name);
      if (packageName) context.addPackage(workspace.dir, packageName, `${config.label} ${key} "${name}"`);
    };
    for (const name of stringList(options['frameworks'])) add(`karma-${name}`, 'frameworks');
    const preprocessors = isObject(options['preprocessors']) ? Object.values(options['preprocessors']).flatMap(stringList) : [];
    for (const name of preprocessors) if (name !== 'coverage') add(`karma-${name}-preprocessor`, 'preprocessors');
    if (preprocessors.includes('coverage')) add('karma-coverage', 'preprocessors');
    for (const name of stringList(options['reporters'])) if (!['progress', 'dots'].includes(name)) add(name === 'coverage' ? 'karma-coverage' : `karma-${name}-reporter`, 'reporters');
    const custom = isObject(options['customLaunchers']) ? options['customLaunchers'] : {};
    for (const launcher of Object.values(custom)) if (isObject(launcher) && typeof launcher['base'] === 'string') add(launcherOf(launcher['base']), 'customLaunchers');
    for (const browser of stringList(options['browsers'])) if (!(browser in custom)) add(launcherOf(browser), 'browsers');
    for (const plugin of stringList(options['plugins'])) addModule(context, workspace, config.cwd, plugin, `${config.label} plugins`);
    // The files Karma serves and runs: patterns, or `{ pattern }` objects, from basePath.
    const base = typeof options['basePath'] === 'string' ? joinPath(dirname(config.path), options['basePath']) : dirname(config.path);
    const files = (Array.isArray(options['files']) ? options['files'] : []).map((file) => (isObject(file) ? file['pattern'] : file)).filter((file): file is string => typeof file === 'string');
    addPathEntries(context, files, { base, reason: `test file (karma, ${config.label})`, production: false, origin: `${config.label} files` });
  },
};

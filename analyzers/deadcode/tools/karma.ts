import { isObject } from '../../discover/package-json.js';
import { dirname, joinPath } from '../../discover/repo-paths.js';
import { addPathEntries, packageNameOf } from '../entry-context.js';
import { readArgs } from './command-args.js';
import { handleNamedConfig } from './named-config.js';
import { addModule } from './run-targets.js';
import { namedAfter, stringList, type ToolSpec } from './tool-spec.js';

/** Karma's launchers by browser name (`ChromeHeadless` and `ChromiumHeadless` need karma-chrome-launcher). */
const launcherOf = (browser: string): string => `karma-${browser.replace(/_.*$/, '').replace(/(?:Headless|Canary|Developer|Nightly|Aurora)+$/, '').replace(/^Chromium$/, 'Chrome').toLowerCase()}-launcher`;

/** Plugins whose package is not karma-<name>-<kind>, by the name they register. */
const knownPlugins: Readonly<Record<string, string>> = { coverage: 'karma-coverage', kjhtml: 'karma-jasmine-html-reporter', sourcemap: 'karma-sourcemap-loader', webpack: 'karma-webpack', esbuild: 'karma-esbuild' };

/** A plugin named by what it registers (`jasmine` is karma-jasmine), or already by its package (`karma-typescript`, `@angular-devkit/build-angular`). */
const pluginOf = (name: string, packageFor: (name: string) => string): string => knownPlugins[name] ?? (name.startsWith('karma-') || name.startsWith('@') ? name : packageFor(name));

/** Options of `karma start` and `karma run` that take a value, so that it is not read as the config. */
const valueFlags = ['--port', '--log-level', '--reporters', '--browsers', '--capture-timeout', '--report-slower-than', '--format-error', '--grep', '--browser-no-activity-timeout', '--browser-disconnect-timeout'];

/**
 * Karma loads its plugins by name from karma.conf (karma.conf.*, or the config `karma start <config>`
 * names): each of `frameworks` (karma-<name>), the `preprocessors` (karma-<name>-preprocessor),
 * `reporters` (karma-<name>-reporter), the launcher of each browser and custom launcher base, and
 * whatever `plugins` lists (by default, or with `karma-*`: every karma-* dependency but karma-cli);
 * and it runs the `files` it serves.
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
    for (const name of stringList(options['frameworks'])) add(pluginOf(name, (framework) => `karma-${framework}`), 'frameworks');
    const preprocessors = isObject(options['preprocessors']) ? Object.values(options['preprocessors']).flatMap(stringList) : [];
    for (const name of preprocessors) add(pluginOf(name, (preprocessor) => `karma-${preprocessor}-preprocessor`), 'preprocessors');
    for (const name of stringList(options['reporters'])) if (!['progress', 'dots'].includes(name)) add(pluginOf(name, (reporter) => `karma-${reporter}-reporter`), 'reporters');
    const custom = isObject(options['customLaunchers']) ? options['customLaunchers'] : {};
    for (const launcher of Object.values(custom)) if (isObject(launcher) && typeof launcher['base'] === 'string') add(launcherOf(launcher['base']), 'customLaunchers');
    for (const browser of stringList(options['browsers'])) if (!(browser in custom)) add(launcherOf(browser), 'browsers');
    const plugins = options['plugins'] === undefined ? ['karma-*'] : stringList(options['plugins']);
    for (const plugin of plugins) {
      // `require('./plugin')` in the config evaluates to its path, from the config's folder.
      if (!plugin.includes('*')) addModule(context, workspace, dirname(config.path), plugin, `${config.label} plugins`);
      else for (const name of [...workspace.dependencies].filter(context.globMatcher(plugin))) if (name !== 'karma-cli') context.addPackage(workspace.dir, name, `${config.label} plugins "${plugin}"`);
    }
    // The files Karma serves and runs: patterns, or `{ pattern }` objects, from basePath.
    const base = typeof options['basePath'] === 'string' ? joinPath(dirname(config.path), options['basePath']) : dirname(config.path);
    const files = (Array.isArray(options['files']) ? options['files'] : []).map((file) => (isObject(file) ? file['pattern'] : file)).filter((file): file is string => typeof file === 'string');
    addPathEntries(context, files, { base, reason: `test file (karma, ${config.label})`, production: false, origin: `${config.label} files` });
  },
  run(context, workspace, run) {
    const [command, config] = readArgs(run.args, valueFlags).positional;
    if ((command === 'start' || command === 'run') && config !== undefined) handleNamedConfig(context, workspace, 'karma', karma, run, config);
  },
};

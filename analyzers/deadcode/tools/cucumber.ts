import { isObject } from '../../discover/package-json.js';
import { basename, dirname, joinPath } from '../../discover/repo-paths.js';
import { isGlob } from '../../patterns/glob.js';
import type { EntryContext, LoadedConfig, WorkspaceInfo } from '../entry-context.js';
import { optionValues, readArgs } from './command-args.js';
import { addModule, addRunTargets } from './run-targets.js';
import { named, namedAfter, stringList, type ToolSpec } from './tool-spec.js';

/** The files cucumber-js looks for in the folder it runs in, the first one found winning. */
const defaultConfigs = ['cucumber.js', 'cucumber.cjs', 'cucumber.mjs', 'cucumber.json', 'cucumber.yaml', 'cucumber.yml'];

/** Its options, which tell one profile (an ES module's default export) from an object of profiles. */
const optionKeys = new Set(['paths', 'backtrace', 'dryRun', 'forceExit', 'failFast', 'format', 'formatOptions', 'import', 'language', 'loader', 'name', 'order', 'parallel', 'plugin', 'pluginOptions', 'publish', 'publishQuiet', 'require', 'requireModule', 'retry', 'retryTagFilter', 'shard', 'strict', 'tags', 'worldParameters']);

const valueFlags = ['-c', '--config', '-f', '--format', '--format-options', '-i', '--import', '-l', '--loader', '--language', '--name', '--order', '-p', '--profile', '--parallel', '--plugin', '--plugin-options', '-r', '--require', '--require-module', '--retry', '--retry-tag-filter', '--shard', '-t', '--tags', '--world-parameters', '--i18n-keywords'];

/** Formatters built into @cucumber/cucumber, and those it loads from a package of their own. */
const builtInFormatters = new Set(['html', 'message', 'pretty', 'progress', 'progress-bar', 'summary', 'json', 'rerun', 'snippets', 'usage', 'usage-json']);
const formatterPackages: Readonly<Record<string, string>> = { junit: '@cucumber/junit-xml-formatter' };

const reason = 'step definitions or support code (cucumber)';

/**
 * Cucumber.js: the support code (step definitions, hooks) of every profile of its config (cucumber.*
 * or the file `--config` names, profiles as objects or CLI strings) and of `cucumber-js` command lines:
 * the `require` and `import` files, folders and globs, else the `.js` files beside the features; and the
 * modules it loads by name: `requireModule`, `loader`, `plugin` and custom `format`ters.
 */
export const cucumber: ToolSpec = {
  configFiles: [namedAfter('cucumber'), named(/^cucumber(?:[.-][\w.-]*)?\.ya?ml$/)],
  binaries: ['cucumber-js'],
  packages: ['@cucumber/cucumber', 'cucumber'],
  configs: (files, isUsed) => {
    if (!isUsed) return [];
    const found = files.atRoot(/^cucumber\.(?:[cm]?js|json|ya?ml)$/);
    const first = defaultConfigs.find((name) => found.some((path) => basename(path) === name));
    return found.filter((path) => basename(path) === first);
  },
  handle(context, workspace, config) {
    const cwd = config?.cwd ?? workspace.dir;
    for (const profile of profilesOf(config)) addProfile(context, workspace, cwd, profile, config?.label ?? 'cucumber', true);
  },
  run(context, workspace, run) {
    // Without feature paths the config's profiles (or the defaults) decide where support code is.
    const profile = fromArgs(run.args);
    addProfile(context, workspace, run.cwd, profile, run.origin, stringList(profile['paths']).length > 0);
  },
};

/** Each profile of a config: a JSON or YAML file and a CommonJS export are objects of profiles; an ES module's default export is the default profile. */
function profilesOf(config: LoadedConfig | null): Record<string, unknown>[] {
  const value = config?.value;
  if (!isObject(value)) return [{}];
  const isProfile = !/\.(?:json|ya?ml)$/.test(config!.path) && Object.keys(value).some((key) => optionKeys.has(key));
  const profiles = (isProfile ? [value] : Object.values(value)).flatMap((profile) => (typeof profile === 'string' ? [fromArgs(profile.split(/\s+/))] : isObject(profile) ? [profile] : []));
  return profiles.length > 0 ? profiles : [{}];
}

/** A profile written as command-line options (`--require features/**\/*.ts --format progress`, or a command line). */
function fromArgs(args: readonly string[]): Record<string, unknown> {
  const { positional, options } = readArgs(args, valueFlags);
  return {
    paths: positional,
    require: optionValues(options, ['-r', '--require']),
    import: optionValues(options, ['-i', '--import']),
    requireModule: optionValues(options, ['--require-module']),
    loader: optionValues(options, ['-l', '--loader']),
    plugin: optionValues(options, ['--plugin']),
    format: optionValues(options, ['-f', '--format']),
  };
}

function addProfile(context: EntryContext, workspace: WorkspaceInfo, cwd: string, profile: Record<string, unknown>, label: string, useDefaults: boolean): void {
  const required = stringList(profile['require']);
  const imported = stringList(profile['import']);
  // A folder holds its `.js` files for `require`, its `.js`, `.cjs` and `.mjs` files for `import`.
  addRunTargets(context, { cwd, origin: `${label} require` }, required, { reason, extensions: ['js'], recursive: true });
  addRunTargets(context, { cwd, origin: `${label} import` }, imported, { reason, extensions: ['js', 'cjs', 'mjs'], recursive: true });
  if (required.length === 0 && imported.length === 0 && useDefaults) addDefaultSupport(context, cwd, stringList(profile['paths']));
  for (const key of ['requireModule', 'loader', 'plugin']) for (const name of stringList(profile[key])) addModule(context, workspace, cwd, name, `${label} ${key}`);
  for (const item of [profile['format']].flat()) {
    const formatter = formatterName(Array.isArray(item) ? item[0] : item);
    if (formatter === undefined || builtInFormatters.has(formatter) || formatter.startsWith('file:')) continue;
    const name = formatterPackages[formatter];
    if (name) context.addPackage(workspace.dir, name, `${label} format "${formatter}"`);
    else addModule(context, workspace, cwd, formatter, `${label} format`);
  }
}

/** `html:reports/cucumber.html` → `html`; `"./formatter.js":"out.txt"` → `./formatter.js`. */
function formatterName(written: unknown): string | undefined {
  if (typeof written !== 'string') return undefined;
  return (written.startsWith('"') ? /^"([^"]*)"/.exec(written)?.[1] : written.split(':')[0]) || undefined;
}

/**
 * Without `require` or `import`, cucumber-js loads the `.js`, `.cjs` and `.mjs` files below each
 * folder holding the features it runs (default `features/**\/*.{feature,feature.md}`), or below the
 * nearest `features` folder above it.
 */
function addDefaultSupport(context: EntryContext, cwd: string, paths: readonly string[]): void {
  const folders = new Set<string>();
  for (const written of paths.length > 0 ? paths : ['features/**/*.{feature,feature.md}']) {
    const path = joinPath(cwd, written.replace(/(?::\d+)+$/, ''));
    const glob = isGlob(path) || /\.feature(?:\.md)?$/.test(path) ? path : `${path}/**/*.feature`;
    const matches = context.globMatcher(glob);
    for (const feature of context.tree.paths) if (matches(feature)) folders.add(supportFolder(dirname(feature)));
  }
  for (const folder of folders) for (const file of context.matchGlob(joinPath(folder, '**/*.{js,cjs,mjs}'))) context.addEntry(file, reason, false);
}

function supportFolder(dir: string): string {
  for (let child = dir, parent = dirname(dir); parent !== child; child = parent, parent = dirname(parent)) if (basename(parent) === 'features') return parent;
  return dir;
}

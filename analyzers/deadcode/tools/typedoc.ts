import { isObject } from '../../discover/package-json.js';
import { basename, dirname, joinPath } from '../../discover/repo-paths.js';
import { isGlob } from '../../patterns/glob.js';
import { addPathEntries, configDir, packageNameOf, type EntryContext } from '../entry-context.js';
import { optionValues, readArgs } from './command-args.js';
import { addReference, type ReferenceTarget } from './config-references.js';
import { named, namedAfter, stringList, type ToolSpec } from './tool-spec.js';

/** The options files TypeDoc looks for, in its order; the first found is the one it reads. */
const optionsFiles = ['typedoc.json', 'typedoc.jsonc', 'typedoc.config.js', 'typedoc.config.cjs', 'typedoc.config.mjs', 'typedoc.js', 'typedoc.cjs', 'typedoc.mjs'];
const optionsFile = /^typedoc(?:\.config)?\.(?:jsonc?|[cm]?js)$/;

/** Its command-line options that take a value (the others are switches), so that a value is not read as an entry point. */
const valueFlags = ['--options', '--tsconfig', '--entryPoints', '--entryPointStrategy', '--exclude', '--plugin', '--out', '--json', '--html', '--name', '--readme', '--theme', '--lang', '--logLevel', '--gitRevision', '--gitRemote', '--basePath', '--customCss', '--customJs', '--sort', '--emit', '--hostedBaseUrl', '--favicon', '--projectDocuments', '--sourceLinkTemplate', '--externalPattern'];

/**
 * TypeDoc: the `entryPoints` (files, globs, folders) it documents and the `plugin`s it loads, from
 * its options file (typedoc.json, typedoc.config.*, also in .config/; `--options`; their `extends`),
 * package.json or tsconfig.json `typedocOptions`, and its command line. Documenting a file is not
 * running it, so entry points are not production code.
 */
export const typedoc: ToolSpec = {
  configFiles: [namedAfter('typedoc'), named(/^typedoc(?:[.-][\w.-]*)?\.jsonc$/)],
  binaries: ['typedoc'],
  configFlags: ['--options'],
  configInFolder: optionsFile,
  configs: (files, isUsed) => {
    const first = (paths: string[]): string[] => paths.sort((a, b) => optionsFiles.indexOf(basename(a)) - optionsFiles.indexOf(basename(b))).slice(0, 1);
    const inDotConfig = files.anywhere(optionsFile).filter((path) => basename(dirname(path)) === '.config');
    const shallowest = inDotConfig.filter((path) => path.split('/').length === Math.min(...inDotConfig.map((other) => other.split('/').length)));
    const found = first(files.atRoot(optionsFile));
    return [...(found.length > 0 ? found : first(shallowest)), ...(isUsed ? files.atRoot(/^tsconfig\.json$/) : [])];
  },
  packageField: 'typedocOptions',
  handle(context, workspace, config) {
    if (!config) return;
    const fromTsconfig = basename(config.path) === 'tsconfig.json';
    const value = fromTsconfig ? (isObject(config.value) ? config.value['typedocOptions'] : undefined) : config.value;
    addOptions({ context, workspace, dir: configDir(config), label: fromTsconfig ? `${config.path} "typedocOptions"` : config.label }, value, new Set([config.path]));
  },
  run(context, workspace, run) {
    const { positional, options } = readArgs(run.args, valueFlags);
    const reason = `entry point (typedoc, ${run.origin})`;
    const expand = optionValues(options, ['--entryPointStrategy']).includes('expand');
    // Words that name no file or folder are left alone: they may be the values of a plugin's options.
    const words = [...positional, ...optionValues(options, ['--entryPoints'])].filter((word) => {
      const path = joinPath(run.cwd, word);
      return isGlob(path) || context.findCodeFile(path) !== null || isFolder(context, path);
    });
    addEntryPoints(context, words, run.cwd, reason, expand);
    const target = { context, workspace, dir: run.cwd, label: run.origin };
    for (const name of optionValues(options, ['--plugin'])) addPlugin(target, name, `${run.origin} --plugin`);
  },
};

/** One options object: its entry points and plugins, and those of the options files it `extends`. */
function addOptions(target: ReferenceTarget, value: unknown, seen: Set<string>): void {
  if (!isObject(value)) return;
  const { context, dir, label } = target;
  const strategy = value['entryPointStrategy'];
  // With `packages`, the entry points are package folders, each documented by its own options.
  if (strategy !== 'packages') {
    const reason = `${label} entryPoints`;
    addEntryPoints(context, stringList(value['entryPoints']), dir, reason, strategy === 'expand', stringList(value['exclude']));
  }
  for (const name of stringList(value['plugin'])) addPlugin(target, name, `${label} plugin`);
  for (const name of stringList(value['extends'])) {
    // A package's options file (`@company/typedoc-config`), or a file of the repository, read in turn.
    if (packageNameOf(name) !== null) {
      addReference(target, name, `${label} extends`, (module) => module);
      continue;
    }
    const path = joinPath(dir, name);
    if (!context.tracked.has(path)) {
      context.warn(`${label} extends ${path}, which is not in the repository.`);
      continue;
    }
    if (seen.has(path)) continue;
    seen.add(path);
    context.addEntry(path, `config file (typedoc, ${label} extends)`, false);
    addOptions({ ...target, dir: dirname(path), label: path }, context.readConfig(path), seen);
  }
}

/** Entry points are files and globs; a folder is its index file, or with the `expand` strategy every file in it. */
function addEntryPoints(context: EntryContext, values: readonly string[], base: string, reason: string, expand: boolean, exclude: readonly string[] = []): void {
  const expanded = values.map((value) => {
    const path = joinPath(base, value);
    return expand && !isGlob(path) && isFolder(context, path) ? joinPath(value, '**/*') : value;
  });
  addPathEntries(context, expanded, { base, reason, production: false, origin: reason, exclude });
}

/** A plugin by package name or path; `none` (TypeDoc before 0.24) loads none. */
function addPlugin(target: ReferenceTarget, name: string, reason: string): void {
  if (name !== 'none') addReference(target, name, reason, (module) => module);
}

function isFolder(context: EntryContext, path: string): boolean {
  return context.tree.paths.some((tracked) => tracked.startsWith(`${path}/`));
}

import { isObject } from '../../discover/package-json.js';
import { basename, dirname, joinPath } from '../../discover/repo-paths.js';
import { addPathEntries, type EntryContext, type ToolRun } from '../entry-context.js';
import { configFlagValue, optionValues, readArgs } from './command-args.js';
import { addModule } from './run-targets.js';
import { namedAfter, stringList, type ToolSpec } from './tool-spec.js';

/** The configs jasmine tries, in this order, below the folder it runs in when no `--config=` names one. */
const defaultNames = ['jasmine.mjs', 'jasmine.json', 'jasmine.js'];
const defaultConfig = /(?:^|\/)spec\/support\/jasmine\.(?:mjs|json|js)$/;
/** Subcommands that run no spec (`jasmine init`); jasmine looks for them among all its arguments. */
const otherCommands = new Set(['init', 'examples', 'help', '-h', 'version', '-v', 'enumerate']);

/**
 * Jasmine: its config (spec/support/jasmine.{mjs,json,js}, or `--config=`) names `spec_files` and
 * `helpers` (globs below `spec_dir`) and the modules in `requires` and `loader`; files on its
 * command line replace `spec_files`, and `--helper=`, `--require=` and `--reporter=` add to the rest.
 */
export const jasmine: ToolSpec = {
  configFiles: [namedAfter('jasmine')],
  binaries: ['jasmine'],
  packages: ['jasmine'],
  configs(files) {
    const found = files.anywhere(/^jasmine\.(?:mjs|json|js)$/).filter((path) => defaultConfig.test(path));
    const rank = (path: string): number => defaultNames.indexOf(basename(path));
    // Only the first one found in a folder is loaded.
    return found.filter((path) => !found.some((other) => dirname(other) === dirname(path) && rank(other) < rank(path)));
  },
  configFlags: ['--config'],
  handle(context, workspace, config) {
    if (!config || !isObject(config.value)) return;
    const options = config.value;
    // Its paths start from the folder jasmine runs in: for a default config, the one holding spec/support/.
    const cwd = config.cwd === dirname(config.path) && defaultConfig.test(config.path) ? dirname(dirname(config.cwd)) : config.cwd;
    const specDir = joinPath(cwd, typeof options['spec_dir'] === 'string' ? options['spec_dir'] : '');
    addFiles(context, stringList(options['spec_files']), specDir, `test file (jasmine, ${config.label})`, `${config.label} spec_files`);
    addFiles(context, stringList(options['helpers']), specDir, `${config.label} helpers`, `${config.label} helpers`);
    for (const key of ['requires', 'loader']) for (const value of stringList(options[key])) addModule(context, workspace, cwd, value, `${config.label} ${key}`);
  },
  run(context, workspace, run) {
    const end = run.args.indexOf('--');
    const args = end < 0 ? run.args : run.args.slice(0, end);
    if (args.some((arg) => otherCommands.has(arg))) return;
    // Its options take their value after `=`; a word with `=` sets an environment variable, any other is a spec file or glob.
    const { positional, options } = readArgs(args, []);
    addFiles(context, positional.filter((word) => !word.includes('=')), run.cwd, `test file (jasmine, ${run.origin})`, run.origin);
    const helpers = optionValues(options, ['--helper']);
    if (helpers.length > 0) addFiles(context, helpers, specDirOf(context, run), `${run.origin} --helper`, run.origin);
    for (const value of optionValues(options, ['--require', '--reporter'])) addModule(context, workspace, run.cwd, value, run.origin);
  },
};

/** Paths and globs from `base`, without those a `!` glob excludes. */
function addFiles(context: EntryContext, globs: readonly string[], base: string, reason: string, origin: string): void {
  const exclude = globs.filter((glob) => glob.startsWith('!')).map((glob) => glob.slice(1));
  addPathEntries(context, globs, { base, reason, production: false, origin, exclude });
}

/** The `spec_dir` of the config a command line loads, from the folder it runs in. */
function specDirOf(context: EntryContext, run: ToolRun): string {
  const written = configFlagValue(run.args, ['--config']);
  const path = written === undefined ? defaultNames.map((name) => joinPath(run.cwd, `spec/support/${name}`)).find((candidate) => context.tracked.has(candidate)) : joinPath(run.cwd, written);
  const config = path !== undefined && context.tracked.has(path) ? context.readConfig(path) : undefined;
  const specDir = isObject(config) ? config['spec_dir'] : undefined;
  return joinPath(run.cwd, typeof specDir === 'string' ? specDir : '');
}

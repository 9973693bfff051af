import { isObject } from '../../discover/package-json.js';
import { addPathEntries, type EntryContext, type WorkspaceInfo } from '../entry-context.js';
import { optionValues, preloadFlags, readArgs, splitOption } from './command-args.js';
import { addModule, addRunTargets } from './run-targets.js';
import { named, stringList, type ToolSpec } from './tool-spec.js';

/** What tap runs with its default plugins (@tapjs/typescript among them). */
const extensions = ['js', 'cjs', 'mjs', 'jsx', 'ts', 'cts', 'mts', 'tsx'];
/** tap's default `include`: files in `test`, `tests` and `__tests__` folders, `*.test.*`, `*.spec.*`, and `test.*` files. */
const defaultInclude = ['**/@(test?(s)|__test?(s)__)/**/*.__EXTENSIONS__', '**/*.@(test?(s)|spec).__EXTENSIONS__', '**/test?(s).__EXTENSIONS__'];
/** Its default `exclude`, and the folders it always leaves out. */
const defaultExclude = ['**/@(fixture*(s)|dist)/**'];
const alwaysExcluded = '**/@(.tap|.nyc_output|.git|.hg|node_modules|tap-snapshots)/**';

/** Subcommands that run no test file (`tap report`, `tap plugin add x`). */
const otherCommands = new Set(['plugin', 'build', 'report', 'replay', 'version', 'versions', 'dump-config', 'config', 'list', 'help', 'repl']);
const valueFlags = ['-R', '--reporter', '-f', '--reporter-file', '-r', '--reporter-arg', '--coverage-report', '--coverage-map', '--coverage-exclude', '--statements', '--branches', '--lines', '--functions', '-t', '--timeout', '--include', '--exclude', '-s', '--save', '--files', '-j', '--jobs', '--serial', '--before', '--after', '-o', '--output-file', '-d', '--output-dir', '--test-arg', '--test-env', '--node-arg', '--plugin', '-g', '--grep'];

/**
 * node-tap: the files, folders and globs on its command line, else `files` from .taprc (YAML) or
 * package.json `tap`, else its `include` globs (tap's defaults) minus `exclude`; the `before` and
 * `after` programs, `plugin` modules, and the loaders of `node-arg` are loaded too.
 */
export const tap: ToolSpec = {
  configFiles: [named(/^\.taprc$/)],
  binaries: ['tap'],
  packages: ['tap'],
  configs: (files) => files.atRoot(/^\.taprc$/),
  packageField: 'tap',
  // It reads no config named on its command line; its `-c` is --color.
  configFlags: [],
  handle(context, workspace, config) {
    const options = isObject(config?.value) ? config.value : {};
    const cwd = config?.cwd ?? workspace.dir;
    const label = config?.label ?? 'tap';
    const reason = config ? `test file (tap, ${label})` : 'test file (tap default)';
    const files = stringList(options['files']);
    if (files.length > 0) {
      addRunTargets(context, { cwd, origin: `${label} files` }, files, { reason, extensions, recursive: true });
    } else {
      const include = stringList(options['include']);
      const globs = (include.length > 0 ? include : defaultInclude).map((glob) => glob.replace(/__EXTENSIONS__/g, `@(${extensions.join('|')})`));
      const exclude = [...(options['exclude'] === undefined ? defaultExclude : stringList(options['exclude'])), alwaysExcluded];
      addPathEntries(context, globs, { base: cwd, reason, production: false, origin: `${label} include`, exclude });
    }
    addLoaded(context, workspace, cwd, label, (key) => stringList(options[key]));
  },
  run(context, workspace, run) {
    const { positional, options } = readArgs(run.args, valueFlags);
    if (otherCommands.has(positional[0] ?? '')) return;
    const words = positional[0] === 'run' ? positional.slice(1) : positional;
    addRunTargets(context, run, [...words, ...optionValues(options, ['--files'])], { reason: `test file (tap, ${run.origin})`, extensions, recursive: true });
    addLoaded(context, workspace, run.cwd, run.origin, (key) => optionValues(options, [`--${key}`]));
  },
};

/**
 * What tap loads besides the tests, by config key or the same-named option: the `before` and `after`
 * programs (paths), `plugin` modules (`!name` turns a default plugin off), and the modules node
 * preloads through `node-arg` (`--import=tsx`, or `--require` then `ts-node/register`).
 */
function addLoaded(context: EntryContext, workspace: WorkspaceInfo, cwd: string, origin: string, valuesOf: (key: string) => string[]): void {
  for (const key of ['before', 'after']) addPathEntries(context, valuesOf(key), { base: cwd, reason: `${origin} ${key}`, production: false, origin: `${origin} ${key}` });
  for (const plugin of valuesOf('plugin')) if (!plugin.startsWith('!')) addModule(context, workspace, cwd, plugin, `${origin} plugin`);
  const nodeArgs = valuesOf('node-arg');
  for (let index = 0; index < nodeArgs.length; index++) {
    const [flag, inline] = splitOption(nodeArgs[index]!);
    const value = preloadFlags.has(flag) ? (inline ?? nodeArgs[++index]) : undefined;
    if (value !== undefined) addModule(context, workspace, cwd, value, `${origin} node-arg`);
  }
}

import { isObject } from '../../discover/package-json.js';
import { basename, joinPath } from '../../discover/repo-paths.js';
import type { EntryContext } from '../entry-context.js';
import { preloadFlags, readArgs, splitOption } from './command-args.js';
import { addModule, addRunTargets, extensionPattern } from './run-targets.js';
import { namedAfter, stringList, type ToolSpec } from './tool-spec.js';

/** AVA's default test files, `js` standing for each extension it runs. */
const defaultFiles = ['test.js', 'src/test.js', 'source/test.js', '**/test-*.js', '**/*.spec.js', '**/*.test.js', '**/test/**/*.js', '**/tests/**/*.js', '**/__tests__/**/*.js'];
/** Files AVA never runs as tests: helpers and fixtures (which tests import or read), and names with a single `_` prefix. */
const notTests = /\/_(?!_)|\/(?:helpers?|fixtures?|__helpers?__|__fixtures?__)\//;

/**
 * AVA: `files` (globs minus the `!` ones; when all of them exclude, the defaults minus those) with
 * `extensions` (`js`, `cjs`, `mjs` unless configured, as a list or a map), from package.json `ava` or
 * ava.config.*, or the files its command line names; `require` and the `nodeArguments` loaders are
 * modules it loads.
 */
export const ava: ToolSpec = {
  configFiles: [namedAfter('ava')],
  binaries: ['ava'],
  packages: ['ava'],
  configs: (files) => files.atRoot(/^ava\.config\.[cm]?js$/),
  packageField: 'ava',
  // Its `-c` is --concurrency.
  configFlags: ['--config'],
  handle(context, workspace, config) {
    const options = isObject(config?.value) ? config.value : {};
    const cwd = config?.cwd ?? workspace.dir;
    const label = config?.label ?? 'ava';
    const extensions = extensionsOf(options['extensions']);
    const files = stringList(options['files']);
    const included = files.filter((glob) => !glob.startsWith('!'));
    const globs = included.length > 0 ? included : defaultFiles.flatMap((glob) => extensions.map((extension) => glob.replace(/\.js$/, `.${extension}`)));
    const excluded = files.filter((glob) => glob.startsWith('!')).map((glob) => context.globMatcher(joinPath(cwd, glob.slice(1))));
    addTestFiles(context, cwd, globs, extensions, excluded, `test file (AVA, ${label})`);
    for (const value of stringList(options['require'])) addModule(context, workspace, cwd, value, `${label} require`);
    for (const argument of stringList(options['nodeArguments'])) {
      const [flag, value] = splitOption(argument);
      if (value !== undefined && preloadFlags.has(flag)) addModule(context, workspace, cwd, value, `${label} nodeArguments`);
    }
  },
  run(context, _workspace, run) {
    const { positional } = readArgs(run.args, ['--match', '-m', '--concurrency', '-c', '--timeout', '-T', '--node-arguments', '--config', '--tap', '--reporter']);
    addRunTargets(context, run, positional, { reason: `test file (AVA, ${run.origin})`, extensions: ['js', 'cjs', 'mjs', 'ts', 'tsx', 'mts', 'cts'], recursive: true });
  },
};

function extensionsOf(value: unknown): string[] {
  const listed = isObject(value) ? Object.keys(value) : stringList(value);
  return listed.length > 0 ? listed : ['js', 'cjs', 'mjs'];
}

function addTestFiles(context: EntryContext, cwd: string, globs: readonly string[], extensions: readonly string[], excluded: readonly ((path: string) => boolean)[], reason: string): void {
  const extension = extensionPattern(extensions);
  for (const glob of globs) {
    for (const path of context.matchGlob(joinPath(cwd, glob))) {
      const relative = cwd === '' ? path : path.slice(cwd.length + 1);
      if (extension.test(basename(path)) && !notTests.test(`/${relative}`) && !excluded.some((matches) => matches(path))) context.addEntry(path, reason, false);
    }
  }
}

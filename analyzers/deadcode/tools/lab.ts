import { isObject } from '../../discover/package-json.js';
import { joinPath } from '../../discover/repo-paths.js';
import type { EntryContext, WorkspaceInfo } from '../entry-context.js';
import { optionValues, readArgs } from './command-args.js';
import { addModule, addRunTargets } from './run-targets.js';
import { named, stringList, type ToolSpec } from './tool-spec.js';

const rcFile = /^\.labrc(?:\.[cm]?js)?$/;
const valueFlags = [
  '-a', '--assert', '-e', '--environment', '-g', '--grep', '-i', '--id', '-I', '--globals', '--ignore', '-m', '--timeout', '-M', '--context-timeout',
  '-n', '--linter', '-o', '--output', '-P', '--pattern', '-p', '--default-plan-threshold', '-r', '--reporter', '-R', '--retries', '-t', '--threshold',
  '-T', '--transform', '--coverage-exclude', '--coverage-path', '--coverage-module', '--coverage-pattern', '--lint-options',
  '--lint-errors-threshold', '--lint-warnings-threshold', '--seed', '--types-test',
];
const builtInReporters = new Set(['console', 'html', 'json', 'tap', 'lcov', 'clover', 'junit', 'spec', 'summary']);

/**
 * @hapi/lab: `lab [options] [paths]` runs the scripts below each path (`test` by default, from
 * .labrc.js `paths` too), recursively unless `-f`/`--flat`; `.ts` ones too with `--typescript` or a
 * `-T` transform. `-Y`/`--types` type-checks `test/**\/*.ts` (or `--types-test`). The assertion
 * library (`-a @hapi/code`), reporters, the transform and the linter are modules it loads, from the
 * command line or .labrc.js.
 */
export const lab: ToolSpec = {
  configFiles: [named(rcFile)],
  binaries: ['lab'],
  packages: ['@hapi/lab'],
  configs: (files) => files.atRoot(rcFile),
  // It takes no config on its command line: its `-c` is --coverage.
  configFlags: [],
  handle(context, workspace, config) {
    if (!config || !isObject(config.value)) return;
    addModules(context, workspace, config.cwd, config.value, config.label);
  },
  run(context, workspace, run) {
    const { positional, options } = readArgs(run.args, valueFlags);
    const rc = labrcOf(context, run.cwd);
    const flags = new Set(run.args);
    const flat = flags.has('-f') || flags.has('--flat') || rc['flat'] === true;
    const typescript = flags.has('--typescript') || rc['typescript'] === true || optionValues(options, ['-T', '--transform']).length > 0 || typeof rc['transform'] === 'string';
    const paths = positional.length > 0 ? positional : stringList(rc['paths']).length > 0 ? stringList(rc['paths']) : ['test'];
    const reason = `test file (lab, ${run.origin})`;
    addRunTargets(context, run, paths, { reason, extensions: ['js', 'cjs', 'mjs', ...(typescript ? ['ts', 'cts', 'mts'] : [])], recursive: !flat });
    const typesTest = [...optionValues(options, ['--types-test']), ...stringList(rc['types-test'])];
    if (typesTest.length > 0 || flags.has('-Y') || flags.has('--types') || rc['types'] === true) {
      addRunTargets(context, run, typesTest.length > 0 ? typesTest : ['test/**/*.ts'], { reason: `type test (lab, ${run.origin})`, extensions: ['ts'], recursive: true });
    }
    const modules = { assert: optionValues(options, ['-a', '--assert']), reporter: optionValues(options, ['-r', '--reporter']), transform: optionValues(options, ['-T', '--transform']), linter: optionValues(options, ['-n', '--linter']) };
    addModules(context, workspace, run.cwd, modules, run.origin);
  },
};

/** The .labrc.js of the folder lab runs in (lab looks for it there first), as far as it can be read. */
function labrcOf(context: EntryContext, cwd: string): Record<string, unknown> {
  const path = ['.labrc.js', '.labrc.cjs', '.labrc'].map((name) => joinPath(cwd, name)).find((candidate) => context.tracked.has(candidate));
  const value = path === undefined ? undefined : context.readConfig(path);
  return isObject(value) ? value : {};
}

/** The modules lab loads by name: the assertion library, reporters that are not built in, the transform and the linter (eslint is its own). */
function addModules(context: EntryContext, workspace: WorkspaceInfo, cwd: string, options: Record<string, unknown>, reason: string): void {
  for (const name of stringList(options['assert'])) addModule(context, workspace, cwd, name, reason);
  for (const name of stringList(options['reporter'])) if (!builtInReporters.has(name)) addModule(context, workspace, cwd, name, reason);
  for (const name of stringList(options['transform'])) addModule(context, workspace, cwd, name, reason);
  for (const name of stringList(options['linter'])) if (name !== 'eslint') addModule(context, workspace, cwd, name, reason);
}

import { isObject } from '../../discover/package-json.js';
import { addPathEntries, type EntryContext, type WorkspaceInfo } from '../entry-context.js';
import { optionValues, readArgs } from './command-args.js';
import { addModule, addRunTargets } from './run-targets.js';
import { named, stringList, type ToolSpec } from './tool-spec.js';

const defaultPattern = '**/*.test.{js,mjs,cjs,ts,mts,cts}';
const valueFlags = ['-p', '--pattern', '-r', '--reporter', '-c', '--concurrency', '-t', '--timeout', '-i', '--ignore', '-X', '--coverage-exclude', '--lines', '--functions', '--statements', '--branches'];

/** node:test's reporters, and borp's GitHub one. */
const builtInReporters = new Set(['spec', 'tap', 'dot', 'junit', 'lcov', 'gh']);

/**
 * borp (node:test with TypeScript): the files or globs on its command line, else `--pattern`, else
 * `**\/*.test.{js,mjs,cjs,ts,mts,cts}`; `.borp.yaml` adds `files` and `reporters`.
 */
export const borp: ToolSpec = {
  configFiles: [named(/^\.borp\.ya?ml$/)],
  binaries: ['borp'],
  packages: ['borp'],
  configs: (files) => files.atRoot(/^\.borp\.ya?ml$/),
  // It takes no config on its command line; its `-c` is --concurrency.
  configFlags: [],
  handle(context, workspace, config) {
    const options = isObject(config?.value) ? config.value : {};
    const cwd = config?.cwd ?? workspace.dir;
    const files = stringList(options['files']);
    const label = config?.label ?? 'borp';
    addPathEntries(context, files.length > 0 ? files : [defaultPattern], { base: cwd, reason: `test file (borp, ${label})`, production: false, origin: `${label} files` });
    for (const reporter of stringList(options['reporters'])) addReporter(context, workspace, cwd, reporter, `${label} reporters`);
  },
  run(context, workspace, run) {
    const { positional, options } = readArgs(run.args, valueFlags);
    addRunTargets(context, run, [...positional, ...optionValues(options, ['-p', '--pattern'])], { reason: `test file (borp, ${run.origin})`, extensions: ['js', 'mjs', 'cjs', 'ts', 'mts', 'cts'], recursive: true });
    for (const reporter of optionValues(options, ['-r', '--reporter'])) addReporter(context, workspace, run.cwd, reporter, run.origin);
  },
};

/** A reporter is built in or a module, written `name` or `name:destination`. */
function addReporter(context: EntryContext, workspace: WorkspaceInfo, cwd: string, value: string, reason: string): void {
  const name = value.replace(/:[^/:]*$/, '');
  if (!builtInReporters.has(name)) addModule(context, workspace, cwd, name, reason);
}

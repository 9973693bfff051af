import { joinPath } from '../../discover/repo-paths.js';
import { addPathEntries, type EntryContext, type ToolRun } from '../entry-context.js';
import { readArgs } from './command-args.js';
import { addRunTargets } from './run-targets.js';
import type { ToolSpec } from './tool-spec.js';

const scripts = '{js,mjs,cjs,ts,mts,cts,jsx,tsx}';

/** What each runtime's test command runs when it is given no file. */
const defaults: Readonly<Record<string, readonly string[]>> = {
  node: ['**/*.test.', '**/*-test.', '**/*_test.', '**/test-*.', '**/test.', '**/test/**/*.'].map((glob) => `${glob}${scripts}`),
  bun: [`**/*{.test,_test,.spec,_spec}.${scripts}`],
  deno: [`**/{*_,*.,}test.${scripts}`],
};

/** Runtime options that take a value, so that it is not read as a file. */
const valueFlags = ['-r', '--require', '--import', '--loader', '--experimental-loader', '--test-reporter', '--test-reporter-destination', '--test-name-pattern', '--test-skip-pattern', '--test-concurrency', '--test-timeout', '--env-file', '-c', '--config', '--preload', '--timeout', '-t', '--filter', '--jsx-import-source', '--coverage-dir', '--reporter', '--reporter-outfile', '--allow-read', '--allow-write', '--allow-net', '--allow-env', '--allow-run'];

/**
 * The test runners built into the runtimes: `node --test`, `bun test` and `deno test` run the files
 * and folders they are given (bun's words without a slash filter by name), or their default patterns
 * below the folder the command runs in.
 */
export const runtimeTests: ToolSpec = {
  binaries: ['node', 'bun', 'deno'],
  // Their `-c` names a deno.json or bunfig, not a config this tool reads.
  configFlags: [],
  run(context, _workspace, run) {
    const runtime = runtimeOf(run);
    if (runtime === null) return;
    const args = runtime === 'node' ? run.args.filter((arg) => arg !== '--test') : run.args.slice(1);
    const { positional } = readArgs(args, valueFlags);
    const named = runtime === 'bun' ? positional.filter((word) => /[/*]/.test(word)) : positional;
    if (named.length > 0) addRunTargets(context, run, named, { reason: `test file (${runtime} test)`, extensions: ['js', 'mjs', 'cjs', 'ts', 'mts', 'cts', 'jsx', 'tsx'], recursive: true });
    else addDefaults(context, run, runtime);
  },
};

function runtimeOf(run: ToolRun): 'node' | 'bun' | 'deno' | null {
  if (run.binary === 'node') return run.args.includes('--test') ? 'node' : null;
  return (run.binary === 'bun' || run.binary === 'deno') && run.args[0] === 'test' ? run.binary : null;
}

function addDefaults(context: EntryContext, run: ToolRun, runtime: string): void {
  addPathEntries(context, (defaults[runtime] ?? []).map((glob) => joinPath(run.cwd, glob)), { base: '', reason: `test file (${runtime} test default)`, production: false, origin: run.origin });
}

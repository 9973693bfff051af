import { isWithin, joinPath } from '../../discover/repo-paths.js';
import { isGlob } from '../../patterns/glob.js';
import type { EntryContext, ToolRun } from '../entry-context.js';
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

/** Runtime options that take a value, so that it is not read as a file (deno's `--allow-read` takes one only as `--allow-read=…`). */
const valueFlags = ['-r', '--require', '--import', '--loader', '--experimental-loader', '--test-reporter', '--test-reporter-destination', '--test-name-pattern', '--test-skip-pattern', '--test-concurrency', '--test-timeout', '--test-shard', '--env-file', '-c', '--config', '--preload', '--timeout', '-t', '--filter', '--jsx-import-source', '--coverage-dir', '--reporter', '--reporter-outfile', '--rerun-each'];

/**
 * The test runners built into the runtimes: `node --test`, `bun test` and `deno test` run the files
 * and globs they are given (bun's words without a slash filter by name), the files of a folder they
 * are given that their default patterns match, or those below the folder the command runs in.
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
    if (named.length === 0) return addDefaults(context, run, runtime, run.cwd, `test file (${runtime} test default)`);
    const reason = `test file (${runtime} test)`;
    for (const word of named) {
      const path = joinPath(run.cwd, word);
      const isFolder = !isGlob(path) && context.discovery.codeFiles.some((file) => file !== path && isWithin(file, path));
      if (isFolder) addDefaults(context, run, runtime, path, reason);
      // A file, or a glob.
      else addRunTargets(context, run, [word], { reason, extensions: [], recursive: false });
    }
  },
};

function runtimeOf(run: ToolRun): 'node' | 'bun' | 'deno' | null {
  if (run.binary === 'node') return run.args.includes('--test') ? 'node' : null;
  return (run.binary === 'bun' || run.binary === 'deno') && run.args[0] === 'test' ? run.binary : null;
}

/** The files below `folder` that the runtime's default patterns (from the folder it runs in: node's `test/` folders count) match. */
function addDefaults(context: EntryContext, run: ToolRun, runtime: string, folder: string, reason: string): void {
  for (const glob of defaults[runtime] ?? []) {
    for (const path of context.matchGlob(joinPath(run.cwd, glob))) if (isWithin(path, folder)) context.addEntry(path, reason, false);
  }
}

import { readArgs } from './command-args.js';
import { addRunTargets } from './run-targets.js';
import type { ToolSpec } from './tool-spec.js';

const extensions = ['js', 'mjs', 'cjs', 'ts', 'mts', 'cts', 'jsx', 'tsx'];

/**
 * better-node-test (`bnt`): `node --test` over the files its command line names, else over every
 * `*.test.*` and `*.spec.*` file below the folder it runs in; it loads tsx for TypeScript tests on
 * Node versions that cannot strip types.
 */
export const betterNodeTest: ToolSpec = {
  binaries: ['bnt'],
  packages: ['better-node-test'],
  handle(context, workspace) {
    context.addPackage(workspace.dir, 'tsx', 'better-node-test loads it for TypeScript tests');
  },
  run(context, _workspace, run) {
    const { positional } = readArgs(run.args, ['--coverage', '--coverage-exclude', '--timeout', '-t']);
    const words = positional.length > 0 ? positional : [`**/*.{test,spec}.{${extensions.join(',')}}`];
    addRunTargets(context, run, words, { reason: `test file (better-node-test, ${run.origin})`, extensions, recursive: true });
  },
};

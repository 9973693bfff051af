import { joinPath } from '../../discover/repo-paths.js';
import { addPathEntries, type EntryContext } from '../entry-context.js';
import { readArgs } from './command-args.js';
import type { ToolSpec } from './tool-spec.js';

/** The files check-dts runs as type tests: `types.ts` must compile, `errors.ts` must fail where `// THROWS` says. */
const typeTests = ['**/{errors,types}.{ts,tsx}', '**/*.{errors,types}.{ts,tsx}'];

/**
 * check-dts (type tests): the files its command line names (globs), else every `errors.ts`,
 * `types.ts`, `*.errors.ts` and `*.types.ts` below the folder it runs in (the package folder when
 * it is only declared).
 */
export const checkDts: ToolSpec = {
  binaries: ['check-dts'],
  packages: ['check-dts'],
  handle(context, workspace) {
    // Command lines say which files it checks; a `types.ts` they leave out is an ordinary module.
    if (!workspace.tools.has('check-dts')) addTypeTests(context, workspace.dir, typeTests, 'check-dts');
  },
  run(context, _workspace, run) {
    const { positional } = readArgs(run.args, []);
    addTypeTests(context, run.cwd, positional.length > 0 ? positional : typeTests, run.origin);
  },
};

function addTypeTests(context: EntryContext, cwd: string, globs: readonly string[], origin: string): void {
  if (context.firstVisit(`check-dts\0${cwd}\0${globs.join('\0')}`)) addPathEntries(context, globs.map((glob) => joinPath(cwd, glob)), { base: '', reason: 'type test (check-dts)', production: false, origin });
}

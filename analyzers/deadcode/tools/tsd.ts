import { isObject } from '../../discover/package-json.js';
import { joinPath } from '../../discover/repo-paths.js';
import { addPathEntries, type EntryContext, type WorkspaceInfo } from '../entry-context.js';
import { optionValues, readArgs } from './command-args.js';
import type { ToolSpec } from './tool-spec.js';

/**
 * tsd (type tests): the typings file (package.json `types`/`typings`, else index.d.ts) is checked
 * against its `.test-d.ts` twin, or, without one, against every .ts/.tsx file in the test directory
 * (package.json `tsd.directory`, `test-d` by default); `--files` names the tests instead.
 */
export const tsd: ToolSpec = {
  binaries: ['tsd'],
  packages: ['tsd'],
  packageField: 'tsd',
  handle(context, workspace, config) {
    if (context.firstVisit(`tsd\0${workspace.dir}`)) addTypeTests(context, workspace, workspace.dir, directoryOf(config?.value), config?.label ?? 'tsd');
  },
  run(context, workspace, run) {
    const { positional, options } = readArgs(run.args, ['--files', '-f', '--typings', '-t']);
    const cwd = positional[0] === undefined ? run.cwd : joinPath(run.cwd, positional[0]);
    const files = optionValues(options, ['--files', '-f']);
    if (files.length > 0) addPathEntries(context, files, { base: cwd, reason: 'type test (tsd)', production: false, origin: run.origin });
    else if (context.firstVisit(`tsd\0${cwd}`)) addTypeTests(context, workspace, cwd, directoryOf(workspace.dir === cwd ? workspace.packageJson?.['tsd'] : undefined), run.origin);
  },
};

function directoryOf(settings: unknown): string {
  const directory = isObject(settings) ? settings['directory'] : undefined;
  return typeof directory === 'string' ? directory : 'test-d';
}

function addTypeTests(context: EntryContext, workspace: WorkspaceInfo, cwd: string, directory: string, origin: string): void {
  const manifest = workspace.packageJson;
  const declared = [manifest?.['types'], manifest?.['typings']].find((value): value is string => typeof value === 'string');
  // The declaration file itself, not the module it declares (which findCodeFile would prefer).
  const typings = joinPath(cwd, declared ?? 'index.d.ts');
  if (context.tracked.has(typings)) context.addEntry(typings, 'typings checked by tsd', false);
  const twin = typings.replace(/\.d\.[cm]?ts$/, '');
  const twins = [`${twin}.test-d.ts`, `${twin}.test-d.tsx`].filter((path) => context.tracked.has(path));
  if (twins.length > 0) for (const path of twins) context.addEntry(path, 'type test (tsd)', false);
  else addPathEntries(context, [`${directory}/**/*.ts`, `${directory}/**/*.tsx`], { base: cwd, reason: 'type test (tsd)', production: false, origin });
}

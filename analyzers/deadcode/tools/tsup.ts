import { joinPath } from '../../discover/repo-paths.js';
import { isGlob } from '../../patterns/glob.js';
import { addPathEntries, configDir, configsIn, type EntryContext, type ToolRun } from '../entry-context.js';
import { addBundlerInputs } from './build-inputs.js';
import { configName, namedAfter, scriptOrJson, type ToolSpec } from './tool-spec.js';

const tsupConfig = configName('tsup', scriptOrJson);
const tsdownConfig = configName('tsdown', scriptOrJson);

/** tsup: the `entry` of each config it exports (tsup.config.* or package.json `tsup`). */
export const tsup: ToolSpec = {
  configFiles: [namedAfter('tsup')],
  binaries: ['tsup'],
  configs: (files) => files.atRoot(tsupConfig),
  packageField: 'tsup',
  handle(context, workspace, config) {
    addBundlerInputs(context, workspace, config, 'entry');
  },
  run: addEntryGlobs,
};

/**
 * tsdown (tsup's successor) takes the same `entry` option (tsdown.config.* or package.json `tsdown`),
 * and bundles `src/index.ts` when neither its config nor its command line names an entry.
 */
export const tsdown: ToolSpec = {
  configFiles: [namedAfter('tsdown')],
  binaries: ['tsdown'],
  configs: (files) => files.atRoot(tsdownConfig),
  packageField: 'tsdown',
  handle(context, workspace, config) {
    addBundlerInputs(context, workspace, config, 'entry');
    if (config) {
      if (configsIn(config.value).some((options) => !('entry' in options))) addDefaultEntry(context, configDir(config));
      return;
    }
    for (const run of workspace.tools.get('tsdown') ?? []) if (!namesFiles(context, run)) addDefaultEntry(context, run.cwd);
  },
  run: addEntryGlobs,
};

function addDefaultEntry(context: EntryContext, dir: string): void {
  context.addEntry(joinPath(dir, 'src/index.ts'), 'tsdown default entry', true);
}

/** `tsup 'src/*.ts'`: entry globs on the command line (script-entries.ts adds the plain files). */
function addEntryGlobs(context: EntryContext, _workspace: unknown, run: ToolRun): void {
  const globs = run.args.filter((arg) => !arg.startsWith('-') && isGlob(arg));
  addPathEntries(context, globs, { base: run.cwd, reason: `${run.origin}: ${run.binary} ${run.args.join(' ')}`, production: true, origin: run.origin });
}

/** `tsdown src/cli.ts`, `tsdown 'src/*.ts'`: the files a command line names are its entries instead. */
function namesFiles(context: EntryContext, run: ToolRun): boolean {
  return run.args.some((arg) => {
    if (arg.startsWith('-')) return false;
    const path = joinPath(run.cwd, arg);
    return isGlob(path) ? context.matchGlob(path).length > 0 : context.findCodeFile(path) !== null;
  });
}

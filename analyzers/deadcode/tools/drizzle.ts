import { isObject } from '../../discover/package-json.js';
import { dirname } from '../../discover/repo-paths.js';
import { addPathEntries, locate, pathValues, type EntryContext, type PathValue } from '../entry-context.js';
import { optionValues, readArgs } from './command-args.js';
import { namedAfter, type ToolSpec } from './tool-spec.js';

/**
 * Drizzle Kit: the schema files of drizzle.config.* (`schema`: a file, a folder of them or a glob,
 * from the folder drizzle-kit runs in) or of its `--schema` option; the app queries through them, so
 * they are production code.
 */
export const drizzle: ToolSpec = {
  configFiles: [namedAfter('drizzle')],
  binaries: ['drizzle-kit'],
  packages: ['drizzle-kit'],
  configs: (files) => files.atRoot(/^drizzle\.config\.(?:[cm]?[jt]s|json)$/),
  handle(context, _workspace, config) {
    if (config && isObject(config.value)) addSchema(context, config.cwd, pathValues(config.value['schema']), `${config.label} schema`);
  },
  run(context, _workspace, run) {
    const { options } = readArgs(run.args, ['--schema', '--config', '--dialect', '--out', '--driver', '--url']);
    addSchema(context, run.cwd, optionValues(options, ['--schema']), `${run.origin} --schema`);
  },
};

/** A folder stands for the files directly in it (drizzle-kit does not look in its subfolders). */
function addSchema(context: EntryContext, cwd: string, values: readonly PathValue[], reason: string): void {
  for (const value of values) {
    const path = locate(cwd, value);
    const inFolder = context.discovery.codeFiles.filter((file) => dirname(file) === path);
    if (inFolder.length > 0) for (const file of inFolder) context.addEntry(file, reason, true);
    else addPathEntries(context, [value], { base: cwd, reason, production: true, origin: reason });
  }
}

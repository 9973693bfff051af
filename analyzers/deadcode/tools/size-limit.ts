import { joinPath } from '../../discover/repo-paths.js';
import { buildFolders, relativeTo } from '../../resolve/build-output.js';
import { isGlob } from '../../patterns/glob.js';
import { configDir, configsIn, type EntryContext, type WorkspaceInfo } from '../entry-context.js';
import { readArgs } from './command-args.js';
import { named, stringList, type ToolSpec } from './tool-spec.js';

const configFile = /^\.size-limit\.(?:json|[cm]?[jt]s)$/;
/** Its config files, and the variants a command line names with `--config` (`.size-limit.e2e.json`). */
const configVariant = /^\.?size-limit(?:[.-][\w.-]*)?\.(?:json|[cm]?[jt]s)$/;

/**
 * Size Limit: the files each check of .size-limit.* or package.json `size-limit` measures (`path`,
 * relative to the config; only those that are sources, not build output) and those its command line
 * names; it loads every `@size-limit/*` and `size-limit-*` plugin the package declares.
 */
export const sizeLimit: ToolSpec = {
  configFiles: [named(configVariant)],
  binaries: ['size-limit'],
  packages: ['size-limit'],
  packageField: 'size-limit',
  configs: (files) => files.atRoot(configFile),
  handle(context, workspace, config) {
    for (const name of workspace.dependencies) {
      if (name.startsWith('@size-limit/') || name.startsWith('size-limit-')) context.addPackage(workspace.dir, name, 'size-limit loads every plugin the package declares');
    }
    if (!config) return;
    for (const check of configsIn(config.value)) addMeasuredFiles(context, workspace, configDir(config), stringList(check['path']), `${config.label} path`);
  },
  run(context, workspace, run) {
    const { positional } = readArgs(run.args, ['--config', '--limit', '--save-bundle', '--compare-with']);
    addMeasuredFiles(context, workspace, run.cwd, positional, `${run.origin} (size-limit)`);
  },
};

/** Sources a check measures: they ship. A path into build output is measured after a build and has no entry here. */
function addMeasuredFiles(context: EntryContext, workspace: WorkspaceInfo, base: string, paths: readonly string[], origin: string): void {
  for (const written of paths) {
    if (written.startsWith('!')) continue;
    const path = joinPath(base, written);
    const files = isGlob(path) ? context.matchGlob(path) : [context.findCodeFile(path)].filter((file) => file !== null);
    for (const file of files) context.addEntry(file, origin, true);
    if (files.length === 0 && !isGlob(path) && !context.tracked.has(path) && !buildFolders.has(relativeTo(workspace.dir, path).split('/')[0] ?? '')) {
      context.warn(`${origin} names ${path}, which is not in the repository.`);
    }
  }
}

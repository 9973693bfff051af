import { isObject } from '../../discover/package-json.js';
import { basename, dirname, joinPath } from '../../discover/repo-paths.js';
import { addPathEntries, configsIn, isPathValue, locate, pathValues, type EntryContext, type LoadedConfig, type WorkspaceInfo } from '../entry-context.js';
import { readArgs } from './command-args.js';
import { addModule } from './run-targets.js';
import { named, type ToolSpec } from './tool-spec.js';

const configFile = /^build\.config\.(?:[cm]?[jt]s|json)$/;

/**
 * unbuild: the `entries` of each config build.config.* exports and of package.json `unbuild` (else
 * `build`), from the folder it builds; a folder entry (mkdist, copy) ships its files, an untyped
 * schema is only read at build time; a string `preset` is a module. Without entries it builds what
 * package.json exports, which the package's own entries already cover.
 */
export const unbuild: ToolSpec = {
  // build.config.* and the variants a command line names with --config (build.stub.config.ts).
  configFiles: [named(/^build(?:\.[\w-]+)?\.config\.(?:[cm]?[jt]s|json)$/)],
  binaries: ['unbuild'],
  packages: ['unbuild'],
  configFlags: ['--config'],
  configs: (files, isUsed) => (isUsed ? files.atRoot(configFile) : []),
  packageField: 'unbuild',
  handle: handleUnbuild,
  // `unbuild packages/core` builds that folder, with the build.config found there.
  run(context, workspace, run) {
    const { positional, options } = readArgs(run.args, ['--config']);
    if (positional[0] === undefined || options.has('--config')) return;
    const rootDir = joinPath(run.cwd, positional[0]);
    for (const path of context.tree.paths.filter((tracked) => dirname(tracked) === rootDir && configFile.test(basename(tracked)))) {
      if (!context.firstVisit(`unbuild\0${path}\0${rootDir}`)) continue;
      context.addEntry(path, 'config file (unbuild)', false);
      handleUnbuild(context, workspace, { path, label: path, cwd: rootDir, value: context.readConfig(path) });
    }
  },
};

function handleUnbuild(context: EntryContext, workspace: WorkspaceInfo, config: LoadedConfig | null): void {
  if (config) for (const options of configsIn(config.value)) addBuildEntries(context, workspace, options, config.cwd, config.label);
  // unbuild reads package.json `build` when there is no `unbuild` field; electron-builder's `build` has no `entries`.
  const field = workspace.packageJson?.['build'];
  if (workspace.packageJson?.['unbuild'] === undefined && isObject(field) && context.firstVisit(`unbuild\0build\0${workspace.dir}`)) {
    addBuildEntries(context, workspace, field, workspace.dir, `${workspace.packageJsonPath} "build"`);
  }
}

function addBuildEntries(context: EntryContext, workspace: WorkspaceInfo, options: Record<string, unknown>, cwd: string, label: string): void {
  const rootDir = isPathValue(options['rootDir']) ? locate(cwd, options['rootDir']) : cwd;
  const reason = `${label} entries`;
  const entries = [options['entries'] ?? []].flat();
  if ('entries' in options && !entries.some((entry) => isPathValue(isObject(entry) ? entry['input'] : entry))) context.entriesUnreadable(workspace.dir, reason);
  for (const entry of entries) {
    const input = isObject(entry) ? entry['input'] : entry;
    if (!isPathValue(input)) continue;
    const builder = isObject(entry) ? entry['builder'] : undefined;
    // A folder (`src/runtime/`, or any mkdist or copy input) is transpiled or copied file by file, by `pattern`.
    if (builder === 'mkdist' || builder === 'copy' || (typeof input === 'string' && input.endsWith('/'))) {
      const patterns = pathValues(isObject(entry) ? entry['pattern'] : undefined);
      addPathEntries(context, patterns.length > 0 ? patterns : ['**'], { base: locate(rootDir, input), reason, production: true, origin: reason });
    } else {
      addPathEntries(context, [input], { base: rootDir, reason, production: builder !== 'untyped', origin: reason });
    }
  }
  if (typeof options['preset'] === 'string') addModule(context, workspace, rootDir, options['preset'], `${label} preset`);
}

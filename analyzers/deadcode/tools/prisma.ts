import { isObject } from '../../discover/package-json.js';
import { basename, dirname, joinPath } from '../../discover/repo-paths.js';
import { addPathEntries, configDir, pathValues, type EntryContext, type LoadedConfig, type WorkspaceInfo } from '../entry-context.js';
import { findSourceOf } from '../package-entries.js';
import { splitOption } from './command-args.js';
import { addModule } from './run-targets.js';
import { named, type ToolSpec } from './tool-spec.js';

const configFile = /^prisma\.config\.[cm]?[jt]s$/;
/** Prisma also looks for its config in the package's `.config` folder. */
const configInFolder = /(?:^|\/)\.config\/prisma\.[cm]?[jt]s$/;

/** Runtimes that come with the system, not from a dependency. */
const runtimes = new Set(['node', 'bun', 'deno']);
/** Options whose value the runtime loads before the seed script. */
const preloadFlags = new Set(['-r', '--require', '--import', '--loader']);

/**
 * Prisma: its `schema` (package.json `prisma.schema`, relative to package.json, or prisma.config.*'s,
 * relative to that file; a missing one is reported) and the seed command of prisma.config.* or
 * .config/prisma.* (`migrations.seed`: the file it runs is an entry, not production code). package.json
 * `prisma.seed` is run like a script (script-entries.ts).
 */
export const prisma: ToolSpec = {
  configFiles: [named(configFile), configInFolder],
  binaries: ['prisma'],
  packages: ['prisma'],
  packageField: 'prisma',
  configs: (files) => [...files.atRoot(configFile), ...files.anywhere(/^prisma\.[cm]?[jt]s$/).filter((path) => configInFolder.test(path))],
  handle(context, workspace, config) {
    if (!config || !isObject(config.value)) return;
    const options = config.value;
    addPathEntries(context, pathValues(options['schema']), { base: configDir(config), reason: `${config.label} schema`, production: false, origin: `${config.label} schema` });
    const migrations = options['migrations'];
    const seed = isObject(migrations) ? migrations['seed'] : undefined;
    if (typeof seed === 'string') addSeed(context, workspace, config, seed);
  },
};

/** `prisma db seed` runs the command from the project folder: the file a runtime runs there, and the modules it preloads. */
function addSeed(context: EntryContext, workspace: WorkspaceInfo, config: LoadedConfig, command: string): void {
  const cwd = basename(config.cwd) === '.config' ? dirname(config.cwd) : config.cwd;
  const reason = `${config.label} "migrations.seed": ${command}`;
  const [runner, ...args] = command.trim().split(/\s+/).map((word) => word.replace(/^(["'])(.*)\1$/, '$2'));
  if (runner === undefined) return;
  if (!runtimes.has(runner)) context.addBinary(workspace.dir, runner, config.path);
  for (let index = 0; index < args.length; index++) {
    const [flag, inline] = splitOption(args[index]!);
    if (preloadFlags.has(flag)) {
      const module = inline ?? args[++index];
      if (module !== undefined) addModule(context, workspace, cwd, module, reason);
    } else if (/\.[cm]?[jt]sx?$/.test(flag)) {
      const file = findSourceOf(context, workspace.dir, joinPath(cwd, flag));
      if (file) context.addEntry(file, reason, false);
    }
  }
}

import { isObject } from '../../discover/package-json.js';
import { basename, dirname } from '../../discover/repo-paths.js';
import { addPathEntries, configDir, pathValues, type EntryContext, type LoadedConfig, type WorkspaceInfo } from '../entry-context.js';
import { addToolCommand } from './tool-commands.js';
import { named, type ToolSpec } from './tool-spec.js';

const configFile = /^prisma\.config\.[cm]?[jt]s$/;
/** Prisma also looks for its config in the package's `.config` folder. */
const configInFolder = /(?:^|\/)\.config\/prisma\.[cm]?[jt]s$/;

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

/** `prisma db seed` runs the command from the project folder: the file it runs there is an entry, not production code. */
function addSeed(context: EntryContext, workspace: WorkspaceInfo, config: LoadedConfig, command: string): void {
  const cwd = basename(config.cwd) === '.config' ? dirname(config.cwd) : config.cwd;
  addToolCommand(context, workspace, { cwd, line: command, reason: `${config.label} "migrations.seed": ${command}`, production: false });
}

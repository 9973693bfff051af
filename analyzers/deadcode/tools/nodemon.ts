import { isObject } from '../../discover/package-json.js';
import { joinPath } from '../../discover/repo-paths.js';
import type { EntryContext, WorkspaceInfo } from '../entry-context.js';
import { findSourceOf } from '../package-entries.js';
import { optionValues, readArgs, splitOption } from './command-args.js';
import { addModule } from './run-targets.js';
import { named, type ToolSpec } from './tool-spec.js';

/** Runtime options naming a module to load before the script (nodemon passes them on to node). */
const preloadFlags = ['-r', '--require', '--import', '--loader', '--experimental-loader'];

/** Commands that come with the runtime or the package manager rather than from a dependency. */
const systemCommands = new Set(['node', 'npm', 'npx', 'pnpm', 'yarn', 'bun', 'bunx', 'deno']);

/** nodemon's options that take a value, and the runtime's preloads: what follows is not the script. */
const valueFlags = ['-w', '--watch', '-i', '--ignore', '-e', '--ext', '-x', '--exec', '-d', '--delay', '-s', '--signal', '-P', '--polling-interval', '--config', '--cwd', ...preloadFlags];

/**
 * nodemon runs the app like node does: the script `nodemon <script>` names (its first argument that
 * is a file), and the command of `--exec` or of nodemon.json / package.json "nodemonConfig" `exec`
 * and `execMap`: the file it runs, the modules it preloads, the binary that runs it. `watch` and
 * `ignore` only say when to restart.
 */
export const nodemon: ToolSpec = {
  configFiles: [named(/^nodemon(?:[.-][\w.-]*)?\.json$/)],
  binaries: ['nodemon'],
  configs: (files) => files.atRoot(/^nodemon\.json$/),
  packageField: 'nodemonConfig',
  configFlags: ['--config'],
  handle(context, workspace, config) {
    if (!config || !isObject(config.value)) return;
    const { exec, execMap } = config.value;
    if (typeof exec === 'string') addCommand(context, workspace, config.cwd, exec, `${config.label} exec`);
    for (const command of Object.values(isObject(execMap) ? execMap : {})) {
      if (typeof command === 'string') addCommand(context, workspace, config.cwd, command, `${config.label} execMap`);
    }
  },
  run(context, workspace, run) {
    const { positional, options } = readArgs(run.args, valueFlags);
    const cwd = joinPath(run.cwd, optionValues(options, ['--cwd'])[0] ?? '');
    const reason = `file run by nodemon (${run.origin})`;
    // Later words are the script's own arguments.
    const script = positional.map((word) => findSourceOf(context, workspace.dir, joinPath(cwd, word))).find((file) => file !== null);
    if (script) context.addEntry(script, reason, true);
    for (const command of optionValues(options, ['-x', '--exec'])) addCommand(context, workspace, cwd, command, reason);
  },
};

/**
 * A command nodemon runs (`ts-node src/server.ts`, `node -r dotenv/config dist/index.js`, `tsc && node
 * dist/app.js`): per simple command, its binary, the modules it preloads and the first file it runs.
 */
function addCommand(context: EntryContext, workspace: WorkspaceInfo, cwd: string, line: string, reason: string): void {
  for (const command of line.split(/&&|\|\||[;&|]/)) {
    const words = command
      .trim()
      .split(/\s+/)
      .map((word) => word.replace(/^(['"])(.*)\1$/, '$2'))
      .filter((word) => word !== '' && !/^[A-Za-z_]\w*=/.test(word));
    const [binary, ...args] = words;
    if (binary === undefined) continue;
    if (/^(?:@[\w.-]+\/)?[\w.-]+$/.test(binary) && !systemCommands.has(binary)) context.addBinary(workspace.dir, binary, reason);
    for (let index = 0; index < args.length; index++) {
      const [flag, inline] = splitOption(args[index]!);
      if (preloadFlags.includes(flag)) {
        const value = inline ?? args[++index];
        if (value !== undefined) addModule(context, workspace, cwd, value, reason);
        continue;
      }
      const file = flag.startsWith('-') || !/[./]/.test(flag) ? null : findSourceOf(context, workspace.dir, joinPath(cwd, flag));
      if (file) {
        context.addEntry(file, reason, true);
        break;
      }
    }
  }
}

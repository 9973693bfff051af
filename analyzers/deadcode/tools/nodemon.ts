import { isObject } from '../../discover/package-json.js';
import { joinPath } from '../../discover/repo-paths.js';
import { findSourceOf } from '../package-entries.js';
import { optionValues, preloadFlags, readArgs } from './command-args.js';
import { addToolCommand } from './tool-commands.js';
import { named, type ToolSpec } from './tool-spec.js';

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
    if (typeof exec === 'string') addToolCommand(context, workspace, { cwd: config.cwd, line: exec, reason: `${config.label} exec`, production: true });
    for (const command of Object.values(isObject(execMap) ? execMap : {})) {
      if (typeof command === 'string') addToolCommand(context, workspace, { cwd: config.cwd, line: command, reason: `${config.label} execMap`, production: true });
    }
  },
  run(context, workspace, run) {
    const { positional, options } = readArgs(run.args, valueFlags);
    const cwd = joinPath(run.cwd, optionValues(options, ['--cwd'])[0] ?? '');
    const reason = `file run by nodemon (${run.origin})`;
    // Later words are the script's own arguments.
    const script = positional.map((word) => findSourceOf(context, workspace.dir, joinPath(cwd, word))).find((file) => file !== null);
    if (script) context.addEntry(script, reason, true);
    // Without --exec, nodemon runs a .ts script with ts-node.
    if (script && /\.[cm]?ts$/.test(script) && !options.has('-x') && !options.has('--exec')) context.addPackage(workspace.dir, 'ts-node', `${reason}: nodemon runs TypeScript with ts-node`);
    for (const line of optionValues(options, ['-x', '--exec'])) addToolCommand(context, workspace, { cwd, line, reason, production: true });
  },
};

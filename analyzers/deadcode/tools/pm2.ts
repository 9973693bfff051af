import { isObject } from '../../discover/package-json.js';
import { configsIn, isPathValue, locate, type EntryContext, type PathValue, type WorkspaceInfo } from '../entry-context.js';
import { findSourceOf } from '../package-entries.js';
import { optionValues, preloadFlags, readArgs, splitOption } from './command-args.js';
import { handleNamedConfig } from './named-config.js';
import { addModule } from './run-targets.js';
import { named, namedAfter, type ToolSpec } from './tool-spec.js';

/** pm2's options that take a value (commander also gives `--watch [paths]` and `--log [path]` the next word). */
const valueFlags = ['--ext', '-n', '--name', '--interpreter', '--interpreter-args', '--node-args', '-o', '--output', '-e', '--error', '-l', '--log', '--filter-env', '--log-type', '--log-date-format', '--env', '-i', '--instances', '--parallel', '-p', '--pid', '-k', '--kill-timeout', '--listen-timeout', '--max-memory-restart', '--restart-delay', '--exp-backoff-restart-delay', '--max-restarts', '-u', '--user', '--uid', '--gid', '--namespace', '--cwd', '-c', '--cron', '--cron-restart', '--only', '--watch', '--ignore-watch', '--watch-delay'];

/** Commands that act on the apps of an ecosystem file they are given; only `start` also runs a script. */
const configCommands = new Set(['start', 'restart', 'reload', 'stop', 'delete', 'startOrRestart', 'startOrReload', 'startOrGracefulReload']);

/** Runtime options naming a module to load before the script. */

/** What pm2 takes for an ecosystem file rather than a script (its Common.isConfigFile). */
const isConfigFile = (word: string): boolean => /\.json|\.ya?ml|\.config\.[cm]?js/.test(word);

/**
 * pm2: the `script` of each app of an ecosystem file (ecosystem.config.*, pm2.config.js, or the file
 * `pm2 start` names), from the app's `cwd` or the folder pm2 runs in, with the interpreter and the
 * modules its `node_args` preload; and the script `pm2 start <file>` runs. Apps are production code.
 */
export const pm2: ToolSpec = {
  configFiles: [namedAfter('ecosystem', 'pm2'), named(/^(?:ecosystem|pm2)(?:[.-][\w.-]*)?\.ya?ml$/)],
  binaries: ['pm2', 'pm2-runtime', 'pm2-docker', 'pm2-dev'],
  packages: ['pm2'],
  // Its `-c` is `--cron`; ecosystem files are named without a flag.
  configFlags: [],
  configs: (files) => files.atRoot(/^(?:ecosystem\.config\.(?:[cm]?js|json)|ecosystem\.json|pm2\.config\.js)$/),
  handle(context, workspace, config) {
    if (!config) return;
    const value = config.value;
    const apps = isObject(value) ? (value['apps'] ?? value['pm2'] ?? value) : value;
    for (const app of configsIn(apps)) {
      const script = app['script'];
      if (!isPathValue(script)) continue;
      const cwd = isPathValue(app['cwd']) ? locate(config.cwd, app['cwd']) : config.cwd;
      const args = [app['node_args'], app['interpreter_args']].flat().filter((arg): arg is string => typeof arg === 'string');
      const interpreter = typeof app['interpreter'] === 'string' ? app['interpreter'] : undefined;
      addApp(context, workspace, { cwd, script, interpreter, args, reason: `${config.label} apps script` });
    }
  },
  run(context, workspace, run) {
    // After `--` come the script's own arguments.
    const separator = run.args.indexOf('--');
    const { positional, options } = readArgs(separator >= 0 ? run.args.slice(0, separator) : run.args, valueFlags);
    // `pm2-runtime app.js` and `pm2-runtime start app.js` alike; pm2 itself needs the command.
    const [command, ...named] = run.binary !== 'pm2' && positional[0] !== 'start' ? ['start', ...positional] : positional;
    if (command === undefined || !configCommands.has(command)) return;
    // A bare `pm2 start` starts ./ecosystem.config.js.
    const targets = named.length === 0 && command === 'start' ? ['ecosystem.config.js'] : named;
    const cwd = locate(run.cwd, optionValues(options, ['--cwd'])[0] ?? '');
    const args = optionValues(options, ['--node-args', '--interpreter-args']);
    for (const target of targets) {
      if (isConfigFile(target)) handleNamedConfig(context, workspace, 'pm2', pm2, run, target);
      else if (command === 'start') addApp(context, workspace, { cwd, script: target, interpreter: optionValues(options, ['--interpreter'])[0], args, reason: `app started by pm2 (${run.origin})` });
    }
  },
};

interface App {
  cwd: string;
  script: PathValue;
  interpreter: string | undefined;
  /** The interpreter's own arguments, space-separated words. */
  args: readonly string[];
  reason: string;
}

/** An app's script (a file, or a binary: `npm`, `node_modules/.bin/next`), its interpreter and preloaded modules. */
function addApp(context: EntryContext, workspace: WorkspaceInfo, app: App): void {
  const path = locate(app.cwd, app.script);
  const file = findSourceOf(context, workspace.dir, path);
  if (file) context.addEntry(file, app.reason, true);
  else addInstalled(context, workspace, typeof app.script === 'string' ? app.script : path, app.reason);
  if (app.interpreter !== undefined && app.interpreter !== 'none') addInstalled(context, workspace, app.interpreter, app.reason);
  const words = app.args.flatMap((arg) => arg.split(/\s+/)).filter((word) => word !== '');
  for (let index = 0; index < words.length; index++) {
    const [flag, inline] = splitOption(words[index]!);
    const value = preloadFlags.has(flag) ? (inline ?? words[++index]) : undefined;
    if (value !== undefined) addModule(context, workspace, app.cwd, value, app.reason);
  }
}

/** A command pm2 finds on the PATH (`npm`, `ts-node`) or in node_modules (`node_modules/.bin/next`, `node_modules/next/dist/bin/next`). */
function addInstalled(context: EntryContext, workspace: WorkspaceInfo, written: string, reason: string): void {
  const binary = /^(?:.*\/)?node_modules\/\.bin\/([\w.-]+)$/.exec(written)?.[1] ?? (/^[\w-]+$/.test(written) ? written : undefined);
  if (binary !== undefined) return context.addBinary(workspace.dir, binary, reason);
  const name = /(?:^|\/)node_modules\/((?:@[\w.-]+\/)?[\w.-]+)/.exec(written)?.[1];
  if (name !== undefined) context.addPackage(workspace.dir, name, reason);
}

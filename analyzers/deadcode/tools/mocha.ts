import { isObject } from '../../discover/package-json.js';
import type { EntryContext, WorkspaceInfo } from '../entry-context.js';
import { optionValues, readArgs } from './command-args.js';
import { addModule, addRunTargets } from './run-targets.js';
import { named, stringList, type ToolSpec } from './tool-spec.js';

const defaultExtensions = ['js', 'cjs', 'mjs'];
const valueFlags = ['-r', '--require', '--file', '--extension', '--spec', '--config', '-R', '--reporter', '-u', '--ui', '-O', '--reporter-option', '--reporter-options', '-g', '--grep', '-f', '--fgrep', '-t', '--timeout', '-s', '--slow', '--retries', '-j', '--jobs', '--ignore', '--exclude', '--package', '-n', '--node-option', '--import', '--loader'];
const builtInReporters = new Set('spec dot nyan tap landing list progress json json-stream min doc markdown xunit html base'.split(' '));
const builtInUis = new Set(['bdd', 'tdd', 'qunit', 'exports']);

/**
 * mocha: the specs on its command line or in its config (`spec`, `.mocharc.*`, package.json
 * `mocha`), else `./test/*.{js,cjs,mjs}`; folders hold their files with `extension`s, recursively
 * with `recursive`; `require`, `file`, `import` and non-built-in `reporter`/`ui` are modules it loads.
 */
export const mocha: ToolSpec = {
  // The default names, and the variants a command line names with --config (`.mocharc.e2e.yml`).
  configFiles: [named(/^\.mocharc(?:\.[\w-]+)*$/)],
  binaries: ['mocha', '_mocha'],
  packages: ['mocha'],
  configs: (files) => files.atRoot(/^\.mocharc\.(?:c?js|ya?ml|jsonc?)$/),
  packageField: 'mocha',
  // Its `-c` is --color.
  configFlags: ['--config'],
  handle(context, workspace, config) {
    const options = isObject(config?.value) ? config.value : {};
    const cwd = config?.cwd ?? workspace.dir;
    const reason = 'test file (mocha)';
    const extensions = [...defaultExtensions, ...stringList(options['extension'])];
    const specs = stringList(options['spec']);
    addRunTargets(context, { cwd, origin: config?.label ?? 'mocha' }, specs.length > 0 ? specs : ['test'], { reason, extensions, recursive: options['recursive'] === true });
    const label = config?.label ?? 'mocha';
    for (const key of ['require', 'file', 'import']) for (const value of stringList(options[key])) addModule(context, workspace, cwd, value, `${label} ${key}`);
    addPlugins(context, workspace, cwd, stringList(options['reporter']), stringList(options['ui']), label);
  },
  run(context, workspace, run) {
    const { positional, options } = readArgs(run.args, valueFlags);
    const extensions = [...defaultExtensions, ...optionValues(options, ['--extension'])];
    addRunTargets(context, run, [...positional, ...optionValues(options, ['--spec'])], { reason: `test file (mocha, ${run.origin})`, extensions, recursive: options.has('--recursive') });
    for (const value of optionValues(options, ['-r', '--require', '--file', '--import', '--loader'])) addModule(context, workspace, run.cwd, value, run.origin);
    addPlugins(context, workspace, run.cwd, optionValues(options, ['-R', '--reporter']), optionValues(options, ['-u', '--ui']), run.origin);
  },
};

function addPlugins(context: EntryContext, workspace: WorkspaceInfo, cwd: string, reporters: readonly string[], uis: readonly string[], reason: string): void {
  for (const name of reporters) if (!builtInReporters.has(name)) addModule(context, workspace, cwd, name, `${reason} reporter`);
  for (const name of uis) if (!builtInUis.has(name)) addModule(context, workspace, cwd, name, `${reason} ui`);
}

import { addPathEntries, type EntryContext, type ToolRun, type WorkspaceInfo } from '../entry-context.js';
import { addBundlerInputs } from './build-inputs.js';
import { optionValues, readArgs } from './command-args.js';
import { addModule } from './run-targets.js';
import { configName, namedAfter, type ToolSpec } from './tool-spec.js';

const configFile = configName('rollup');
/** Rollup's options that take a value (`-c` may stand alone: then the config is rollup.config.*). */
const valueFlags = ['-d', '--dir', '-e', '--external', '-f', '--format', '-g', '--globals', '-i', '--input', '-n', '--name', '-o', '--file', '-p', '--plugin', '--configPlugin', '--environment', '--banner', '--footer', '--intro', '--outro', '--context'];

/**
 * rollup: the `input` of each config it exports; on a command line without a config, the inputs it is
 * given (`rollup src/main.js -o bundle.js`, `-i name=src/x.js`); and the plugins `-p`/`--configPlugin`
 * load by name (`typescript` → @rollup/plugin-typescript).
 */
export const rollup: ToolSpec = {
  configFiles: [namedAfter('rollup')],
  binaries: ['rollup'],
  configs: (files) => files.atRoot(configFile),
  handle(context, workspace, config) {
    addBundlerInputs(context, workspace, config, 'input');
  },
  run(context, workspace, run) {
    const { positional, options } = readArgs(run.args, valueFlags);
    if (!options.has('-c') && !options.has('--config')) {
      // Named inputs are written `name=path`; a word without `.` or `/` is a flag's value (`-m inline`).
      const inputs = [...positional, ...optionValues(options, ['-i', '--input'])].map((input) => input.replace(/^[\w-]+=/, '')).filter((input) => /[./]/.test(input));
      addPathEntries(context, inputs, { base: run.cwd, reason: `rollup input (${run.origin})`, production: true, origin: run.origin });
    }
    for (const plugins of optionValues(options, ['-p', '--plugin', '--configPlugin'])) {
      // `-p a,b` lists several; `-p "terser={…}"` passes options; `-p "{…}"` is inline code.
      for (const plugin of /[={}]/.test(plugins) ? [plugins] : plugins.split(',')) addPlugin(context, workspace, run, plugin.replace(/=.*$/s, ''));
    }
  },
};

/** Rollup tries a plain name as `@rollup/plugin-<name>`, then `rollup-plugin-<name>`, then as written; the declared one is it. */
function addPlugin(context: EntryContext, workspace: WorkspaceInfo, run: ToolRun, name: string): void {
  if (name === '' || name.startsWith('{')) return;
  const candidates = /^\.|^rollup-plugin-|[@/\\]/.test(name) ? [name] : [`@rollup/plugin-${name}`, `rollup-plugin-${name}`, name];
  addModule(context, workspace, run.cwd, candidates.find((candidate) => workspace.dependencies.has(candidate)) ?? candidates[0]!, `${run.origin} plugin`);
}

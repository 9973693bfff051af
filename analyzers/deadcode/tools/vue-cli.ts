import { isObject } from '../../discover/package-json.js';
import { basename, joinPath } from '../../discover/repo-paths.js';
import { addPathEntries, pathValues } from '../entry-context.js';
import { readArgs } from './command-args.js';
import { named, type ToolSpec } from './tool-spec.js';

/** The config files Vue CLI tries, in its order; the first found is the config, and package.json `vue` is then ignored. */
const configNames = ['vue.config.js', 'vue.config.cjs', 'vue.config.mjs'];
/** `vue-cli-service` options that take a value (minimist's reading: the others are flags). */
const valueFlags = ['--mode', '--dest', '--target', '--formats', '--name', '--filename', '--host', '--port', '--public', '--skip-plugins'];

/**
 * Vue CLI (@vue/cli-service): the `pages` entries of vue.config.{js,cjs,mjs} (or package.json `vue`),
 * else src/main.{js,ts}, from the project folder; and the entry `vue-cli-service serve|build` is given.
 */
export const vueCli: ToolSpec = {
  configFiles: [named(/^vue\.config\.[cm]?js$/)],
  binaries: ['vue-cli-service'],
  packages: ['@vue/cli-service'],
  configFlags: [],
  configs: (files) => files.atRoot(/^vue\.config\.[cm]?js$/).sort((a, b) => configNames.indexOf(basename(a)) - configNames.indexOf(basename(b))).slice(0, 1),
  packageField: 'vue',
  handle(context, workspace, config) {
    const dir = config?.cwd ?? workspace.dir;
    if (config?.path === workspace.packageJsonPath && configNames.some((name) => context.tracked.has(joinPath(dir, name)))) return;
    const pages = config && isObject(config.value) ? config.value['pages'] : undefined;
    if (!config || !isObject(pages)) {
      const main = context.findCodeFile(joinPath(dir, 'src/main'));
      if (main) context.addEntry(main, 'Vue CLI default entry (src/main)', true);
      return;
    }
    const label = `${config.label} pages`;
    // A page is its entry, a list of them, or `{ entry, template, filename… }`.
    const entries = Object.values(pages).flatMap((page) => pathValues(isObject(page) ? page['entry'] : page));
    if (entries.length === 0) context.entriesUnreadable(workspace.dir, label);
    addPathEntries(context, entries, { base: dir, reason: label, production: true, origin: label });
  },
  // `vue-cli-service serve src/demo.ts`, `build --target lib src/index.ts`: the entry replaces the app's.
  run(context, _workspace, run) {
    const { positional } = readArgs(run.args, valueFlags);
    const [command, entry] = positional;
    if ((command === 'serve' || command === 'build') && entry !== undefined) {
      addPathEntries(context, [entry], { base: run.cwd, reason: `vue-cli-service ${command} entry (${run.origin})`, production: true, origin: run.origin });
    }
  },
};

import { isObject } from '../../discover/package-json.js';
import { addPathEntries, isPathValue, locate } from '../entry-context.js';
import { hasUnreadableAliases } from '../../resolve/bundler-aliases.js';
import { addBuildInputs } from './build-inputs.js';
import { splitOption } from './command-args.js';
import { configName, namedAfter, type ToolSpec } from './tool-spec.js';

/** vite.config.*, which vitest falls back to. */
export const viteConfig = configName('vite');

/**
 * vite: the `/x` script paths of its html resolve against `root` (from the folder vite runs in);
 * `build.lib.entry`, the rollup inputs and the `build.ssr` entry (or `vite build --ssr <entry>`) ship.
 */
export const vite: ToolSpec = {
  configFiles: [namedAfter('vite')],
  binaries: ['vite'],
  configs: (files) => files.atRoot(viteConfig),
  handle(context, workspace, config) {
    if (!config || !isObject(config.value)) return;
    const { root, build, resolve } = config.value;
    // Readable aliases resolve imports (resolve/bundler-aliases.ts); others make what they reach uncertain.
    if (hasUnreadableAliases(resolve)) context.entriesUnreadable(workspace.dir, `${config.label} resolve.alias`);
    // Vite resolves `root` against the working directory, not the config's folder (they differ under --config).
    const base = isPathValue(root) ? locate(config.cwd, root) : config.cwd;
    context.webRoots.add(base);
    addBuildInputs(context, build, base, `${config.label} build`);
    const ssr = isObject(build) ? build['ssr'] : undefined;
    if (isPathValue(ssr)) addPathEntries(context, [ssr], { base, reason: `${config.label} build.ssr`, production: true, origin: `${config.label} build.ssr` });
  },
  run(context, _workspace, run) {
    // `--ssr [entry]`: without a value it builds the config's SSR input.
    for (const [index, arg] of run.args.entries()) {
      const [flag, inline] = splitOption(arg);
      const entry = flag === '--ssr' ? (inline ?? run.args[index + 1]) : undefined;
      if (entry !== undefined && !entry.startsWith('-')) addPathEntries(context, [entry], { base: run.cwd, reason: `vite --ssr entry (${run.origin})`, production: true, origin: run.origin });
    }
  },
};

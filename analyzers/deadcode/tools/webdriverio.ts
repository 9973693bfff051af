import { isObject } from '../../discover/package-json.js';
import { addPathEntries, configDir, type EntryContext, type LoadedConfig, type WorkspaceInfo } from '../entry-context.js';
import { addPackageReference, type ReferenceTarget } from './config-references.js';
import { readArgs } from './command-args.js';
import { handleNamedConfig } from './named-config.js';
import { namedAfter, stringList, type ToolSpec } from './tool-spec.js';

/** Reporters, services and frameworks: a short name is `@wdio/<name>-<kind>` (or the community `wdio-<name>-<kind>`). */
const pluginKinds = { reporters: 'reporter', services: 'service', framework: 'framework' } as const;

/**
 * WebdriverIO: the `specs` and `suites` globs of its config (wdio.conf.*, which a bare `wdio` loads,
 * or the one `wdio run <config>` names), and the reporters, services and framework it loads by name.
 */
export const webdriverio: ToolSpec = {
  configFiles: [namedAfter('wdio')],
  binaries: ['wdio'],
  packages: ['@wdio/cli'],
  configs: (files) => files.atRoot(/^wdio\.conf\.[cm]?[jt]s$/),
  run(context, workspace, run) {
    // `wdio run ./wdio.e2e.conf.ts` and `wdio ./wdio.conf.js` name the config without a flag.
    const { positional } = readArgs(run.args, []);
    for (const word of positional) if (word !== 'run' && /\.[cm]?[jt]s$/.test(word)) handleNamedConfig(context, workspace, 'webdriverio', webdriverio, run, word);
  },
  handle(context, workspace, config) {
    if (config) addConfig(context, workspace, config);
  },
};

/** The specs and plugins of one config; specs are relative to its folder. */
function addConfig(context: EntryContext, workspace: WorkspaceInfo, config: LoadedConfig): void {
  if (!isObject(config.value)) return;
  const options = config.value;
  const dir = configDir(config);
  const suites = isObject(options['suites']) ? Object.values(options['suites']).flatMap(stringList) : [];
  // A spec may be a list run in one worker.
  const specs = [...[options['specs']].flat(2).filter((spec): spec is string => typeof spec === 'string'), ...suites];
  addPathEntries(context, specs, { base: dir, reason: 'test file (webdriverio)', production: false, origin: `${config.label} specs`, exclude: stringList(options['exclude']) });
  const target: ReferenceTarget = { context, workspace, dir, label: config.label };
  for (const [key, kind] of Object.entries(pluginKinds)) {
    for (const item of [options[key]].flat()) {
      const name = Array.isArray(item) ? item[0] : item;
      if (typeof name !== 'string') continue;
      const reason = `${config.label} ${key} "${name}"`;
      if (name.includes('/') || name.startsWith('wdio-')) addPackageReference(target, name, reason);
      else for (const candidate of [`@wdio/${name}-${kind}`, `wdio-${name}-${kind}`]) addPackageReference(target, candidate, reason);
    }
  }
}

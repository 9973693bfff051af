import { isObject } from '../../discover/package-json.js';
import { dirname, joinPath } from '../../discover/repo-paths.js';
import { buildFolders, relativeTo } from '../../resolve/build-output.js';
import type { EntryContext, WorkspaceInfo } from '../entry-context.js';
import { findSourceOf } from '../package-entries.js';
import { readArgs } from './command-args.js';
import { named, type ToolSpec } from './tool-spec.js';

/** The options of `wrangler dev` and `wrangler deploy` that take a value, so that the word after one is not the script. */
const valueFlags = [
  '-c', '--config', '-e', '--env', '--env-file', '--name', '--compatibility-date', '--compatibility-flags', '--compatibility-flag', '--assets',
  '--outdir', '--outfile', '--jsx-factory', '--jsx-fragment', '--tsconfig', '--ip', '--port', '--inspector-port', '--inspector-ip',
  '--local-protocol', '--upstream-protocol', '--https-key-path', '--https-cert-path', '--routes', '--route', '--domains', '--domain', '--host',
  '--local-upstream', '--var', '--define', '--alias', '--triggers', '--schedule', '--schedules', '--persist-to', '--site', '--site-include',
  '--site-exclude', '--log-level', '--dispatch-namespace', '--containers-rollout', '--message', '--tag',
];

/** The commands that take a Worker's entry script as their one positional argument. */
const scriptCommands = new Set(['dev', 'deploy', 'publish']);

/**
 * Cloudflare Wrangler: the Worker each wrangler.toml, wrangler.json or wrangler.jsonc deploys (`main`,
 * and `env.<name>.main` per environment, from the config's folder; a `main` in build output means its
 * source), and the script `wrangler dev|deploy <script>` is given.
 */
export const wrangler: ToolSpec = {
  configFiles: [named(/^wrangler(?:[.-][\w.-]*)?\.(?:toml|jsonc?)$/)],
  binaries: ['wrangler'],
  packages: ['wrangler'],
  configs: (files) => files.atRoot(/^wrangler\.(?:toml|jsonc?)$/),
  handle(context, workspace, config) {
    if (!config || !isObject(config.value)) return;
    const environments = isObject(config.value['env']) ? Object.entries(config.value['env']) : [];
    for (const [key, settings] of [['', config.value] as const, ...environments]) {
      const main = isObject(settings) ? settings['main'] : undefined;
      if (typeof main === 'string') addWorker(context, workspace, joinPath(dirname(config.path), main), `${config.label} ${key === '' ? 'main' : `env.${key}.main`}`, true);
    }
  },
  run(context, workspace, run) {
    const [command, script] = readArgs(run.args, valueFlags).positional;
    if (command !== undefined && scriptCommands.has(command) && script !== undefined) {
      addWorker(context, workspace, joinPath(run.cwd, script), `Worker script (wrangler ${command}, ${run.origin})`, command !== 'dev');
    }
  },
};

/** The Worker's code file; a missing one is reported unless it is build output (a custom build writes it). */
function addWorker(context: EntryContext, workspace: WorkspaceInfo, path: string, reason: string, production: boolean): void {
  const file = findSourceOf(context, workspace.dir, path);
  if (file) context.addEntry(file, reason, production);
  else if (!context.tracked.has(path) && !buildFolders.has(relativeTo(workspace.dir, path).split('/')[0]!)) context.warn(`${reason} names ${path}, which is not in the repository.`);
}

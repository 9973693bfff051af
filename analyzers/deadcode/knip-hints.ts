import { isObject, stringsIn } from '../discover/package-json.js';
import { joinPath } from '../discover/repo-paths.js';
import { knipConfigFiles } from './entry-config-files.js';
import { type EntryContext, type WorkspaceInfo, addPathEntries } from './entry-context.js';

/**
 * A repository that configured knip has said where its code starts and what to leave alone: those
 * statements hold for Steward too. `entry` globs add entries, `ignore` and `ignoreWorkspaces` become
 * ignored files, `ignoreDependencies` count as used. Regular expressions and knip's plugin settings
 * are not read.
 */
export function addKnipHints(context: EntryContext, workspaces: readonly WorkspaceInfo[]): void {
  const found = knipConfigFiles.find((path) => context.tracked.has(path));
  const label = found ?? 'package.json "knip"';
  const config = found ? context.readConfig(found) : workspaces.find(({ dir }) => dir === '')?.packageJson?.['knip'];
  if (!isObject(config)) return;
  addWorkspaceHints(context, '', config, label);
  const perWorkspace = isObject(config['workspaces']) ? config['workspaces'] : {};
  for (const [dir, settings] of Object.entries(perWorkspace)) {
    if (isObject(settings) && dir !== '.') addWorkspaceHints(context, joinPath('', dir), settings, `${label} workspaces["${dir}"]`);
  }
  for (const pattern of stringsIn(config['ignoreWorkspaces'])) context.ignore(`${joinPath('', pattern)}/**`);
}

function addWorkspaceHints(context: EntryContext, dir: string, settings: Record<string, unknown>, label: string): void {
  addPathEntries(context, globsIn(settings['entry']), { base: dir, reason: `${label} entry`, production: false, origin: `${label} entry` });
  for (const pattern of globsIn(settings['ignore'])) context.ignore(joinPath(dir, pattern));
  for (const name of globsIn(settings['ignoreDependencies'])) context.addPackage(dir, name, `${label} ignoreDependencies`);
}

/** A string or an array of strings; knip's `!`-prefixed production markers are dropped. */
function globsIn(value: unknown): string[] {
  return (typeof value === 'string' ? [value] : stringsIn(value)).map((glob) => glob.replace(/!$/, ''));
}

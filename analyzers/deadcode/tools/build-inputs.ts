import { isObject } from '../../discover/package-json.js';
import { addPathEntries, configDir, configsIn, pathValues, type EntryContext, type LoadedConfig, type WorkspaceInfo } from '../entry-context.js';

/** True when `build` names its inputs (even ones computed at run time, which then cannot be read). */
export function hasBuildInputs(build: unknown): boolean {
  if (!isObject(build)) return false;
  const { lib, rollupOptions, rolldownOptions } = build;
  return (isObject(lib) && 'entry' in lib) || [rollupOptions, rolldownOptions].some((options) => isObject(options) && 'input' in options);
}

/** A vite `build`'s inputs (`lib.entry`, `rollupOptions.input`, `rolldownOptions.input`), which ship. */
export function addBuildInputs(context: EntryContext, build: unknown, base: string, label: string): void {
  if (!isObject(build)) return;
  if (isObject(build['lib'])) {
    addPathEntries(context, pathValues(build['lib']['entry']), { base, reason: `${label}.lib.entry`, production: true, origin: `${label}.lib.entry` });
  }
  for (const key of ['rollupOptions', 'rolldownOptions']) {
    const options = build[key];
    if (!isObject(options)) continue;
    addPathEntries(context, pathValues(options['input']), { base, reason: `${label}.${key}.input`, production: true, origin: `${label}.${key}.input` });
  }
}

/** A bundler config's inputs under `key` (rollup's `input`, tsup's `entry`), in each of its configs, against the config's folder. */
export function addBundlerInputs(context: EntryContext, workspace: WorkspaceInfo, config: LoadedConfig | null, key: string): void {
  if (!config) return;
  const label = `${config.label} ${key}`;
  for (const options of configsIn(config.value)) {
    const values = pathValues(options[key]);
    if (key in options && values.length === 0) context.entriesUnreadable(workspace.dir, label);
    addPathEntries(context, values, { base: configDir(config), reason: label, production: true, origin: label });
  }
}

import { isObject } from '../../discover/package-json.js';
import { isWithin, joinPath } from '../../discover/repo-paths.js';
import { outputCandidates } from '../../resolve/build-output.js';
import { addPathEntries, configDir, type EntryContext, type WorkspaceInfo } from '../entry-context.js';
import { findSourceOf } from '../package-entries.js';
import { named, stringList, type ToolSpec } from './tool-spec.js';

/** oclif's own patterns for the files of a commands folder (those with `!` leave files out). */
const defaultCommandPatterns = ['**/*.+(js|cjs|mjs|ts|tsx|mts|cts)', '!**/*.+(d.ts|test.ts|test.js|spec.ts|spec.js|d.mts|d.cts)?(x)'];

/**
 * oclif: the `oclif` settings of package.json (or, without them, .oclifrc.* / oclif.config.*). Every
 * command file of the `commands` folder (`{ strategy: 'pattern', target, globPatterns }` alike), or
 * the file an `explicit` or `single` strategy names, the `hooks` and the `helpClass` are production
 * entries, mapped from the build output they name back to their sources; `plugins` and `devPlugins`
 * are packages it loads by name.
 */
export const oclif: ToolSpec = {
  configFiles: [named(/^(?:\.oclifrc\.json|\.oclifrc\.[cm]?js|oclif\.config\.[cm]?js)$/)],
  binaries: ['oclif'],
  packages: ['oclif'],
  packageField: 'oclif',
  configs: (files) => files.atRoot(/^(?:\.oclifrc\.json|\.oclifrc\.[cm]?js|oclif\.config\.[cm]?js)$/),
  handle(context, workspace, config) {
    if (!config || !isObject(config.value)) return;
    // oclif reads an rc file only when package.json has no settings.
    if (config.path !== workspace.packageJsonPath && workspace.packageJson?.['oclif'] !== undefined) return;
    const options = config.value;
    const dir = configDir(config);
    const commands = options['commands'];
    const strategy = isObject(commands) ? commands['strategy'] : 'pattern';
    const target = isObject(commands) ? commands['target'] : commands;
    if (typeof target === 'string' && strategy === 'pattern') {
      const patterns = isObject(commands) && Array.isArray(commands['globPatterns']) ? stringList(commands['globPatterns']) : defaultCommandPatterns;
      addCommandFolder(context, workspace, joinPath(dir, target), patterns, `${config.label} commands`);
    } else if (typeof target === 'string') {
      addSource(context, workspace, joinPath(dir, target), `${config.label} commands`);
    }
    for (const [event, hooks] of Object.entries(isObject(options['hooks']) ? options['hooks'] : {})) {
      // A hook is a path, or `{ target, identifier }` for one exported from a bundle.
      for (const hook of [hooks].flat()) {
        const path = isObject(hook) ? hook['target'] : hook;
        if (typeof path === 'string') addSource(context, workspace, joinPath(dir, path), `${config.label} hooks.${event}`);
      }
    }
    const helpClass = isObject(options['helpClass']) ? options['helpClass']['target'] : options['helpClass'];
    if (typeof helpClass === 'string') addSource(context, workspace, joinPath(dir, helpClass), `${config.label} helpClass`);
    for (const key of ['plugins', 'devPlugins']) {
      for (const name of stringList(options[key])) context.addPackage(workspace.dir, name, `${config.label} ${key}`);
    }
  },
};

/** The command files in the source of a commands folder (`./dist/commands` is built from src/commands). */
function addCommandFolder(context: EntryContext, workspace: WorkspaceInfo, folder: string, patterns: readonly string[], reason: string): void {
  const source = outputCandidates(context.discovery.tsconfigs, workspace.dir, folder).find((candidate) => context.discovery.codeFiles.some((path) => isWithin(path, candidate) && path !== candidate));
  if (source === undefined) {
    context.warn(`${reason} names ${folder}, which holds no source files.`);
    return;
  }
  const exclude = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1));
  addPathEntries(context, patterns, { base: source, reason, production: true, origin: reason, exclude });
}

/** The source of a file the settings name by its build output. */
function addSource(context: EntryContext, workspace: WorkspaceInfo, target: string, reason: string): void {
  const source = findSourceOf(context, workspace.dir, target);
  if (source) context.addEntry(source, reason, true);
  else context.warn(`${reason} names ${target}, which has no source file.`);
}

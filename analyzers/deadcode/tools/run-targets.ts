import { isWithin, joinPath } from '../../discover/repo-paths.js';
import { addPathEntries, packageNameOf, type EntryContext, type ToolRun, type WorkspaceInfo } from '../entry-context.js';
import { isGlob } from '../../patterns/glob.js';

interface Targets {
  reason: string;
  /** Extensions a folder's files must have to run (without the dot). */
  extensions: readonly string[];
  /** Whether a folder means its subfolders too. */
  recursive: boolean;
}

/**
 * The files a test runner is given on its command line: a file, a glob (matched from the folder the
 * command runs in; `!` excludes nothing here, since excluded tests still need their imports), or a
 * folder (its files with the runner's extensions).
 */
/** `\.(?:js|mjs)$` for the extensions a config lists, each taken literally (a config's `[` is no regex). */
export function extensionPattern(extensions: readonly string[]): RegExp {
  const names = extensions.map((name) => name.replace(/^\./, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(String.raw`\.(?:${names.join('|')})$`);
}

export function addRunTargets(context: EntryContext, run: Pick<ToolRun, 'cwd' | 'origin'>, words: readonly string[], targets: Targets): void {
  const extension = extensionPattern(targets.extensions);
  for (const word of words) {
    if (word.startsWith('!')) continue;
    const path = joinPath(run.cwd, word);
    if (isGlob(path)) {
      addPathEntries(context, [path], { base: '', reason: targets.reason, production: false, origin: run.origin });
      continue;
    }
    const inFolder = context.discovery.codeFiles.filter((candidate) => isWithin(candidate, path) && candidate !== path);
    // A folder is a folder to a runner (`lab test`, `mocha spec`), even when an index file would make it a module.
    const file = context.tracked.has(path) || inFolder.length === 0 ? context.findCodeFile(path) : null;
    if (file) {
      context.addEntry(file, targets.reason, false);
      continue;
    }
    for (const candidate of inFolder) {
      if (!extension.test(candidate)) continue;
      if (targets.recursive || !candidate.slice(path.length + 1).includes('/')) context.addEntry(candidate, targets.reason, false);
    }
  }
}

/** A module a tool loads by name: a file of the repository (`./setup.js`, `test/support/env`), or else a package (`dotenv/config`, `tsx`). */
export function addModule(context: EntryContext, workspace: WorkspaceInfo, cwd: string, value: string, reason: string, production = false): void {
  // Like mocha and node, a path that exists from the folder the command runs in wins over a package of that name.
  const file = context.findCodeFile(joinPath(cwd, value));
  if (file) return context.addEntry(file, reason, production);
  const name = packageNameOf(value);
  if (name) context.addPackage(workspace.dir, name, reason);
}

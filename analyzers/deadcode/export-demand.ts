import type { FileFacts } from '../facts/file-facts.js';
import type { Resolution, ResolveModule } from '../resolve/module-resolver.js';

/** Every export of a module, asked for by a namespace that escapes, a dynamic import or an entry. */
export const allExports = '*';

/** The name facts give `export =` and `module.exports =`. */
const commonJsExport = '=';

/** Used export names by file; `*` means every export. */
export type UsedExports = Map<string, Set<string>>;

/**
 * Propagates uses of exports through re-export chains with a worklist, so that each (file, name)
 * is visited once, however long the chain or whatever cycles barrels form. A demand for a name a
 * file does not declare moves on through its `export { … } from`, `export * as ns` and `export *`.
 */
export function demandExports(
  facts: ReadonlyMap<string, FileFacts>,
  resolve: ResolveModule,
  seeds: Iterable<{ path: string; name: string }>,
): UsedExports {
  const used = new Map<string, Set<string>>();
  const visited = new Set<string>();
  const queue: { path: string; name: string }[] = [...seeds];

  const fileOf = (target: Resolution): string | undefined => (target.kind === 'file' && facts.has(target.path) ? target.path : undefined);
  const mark = (path: string, name: string): void => {
    const names = used.get(path);
    if (names) names.add(name);
    else used.set(path, new Set([name]));
  };
  const push = (target: Resolution, name: string): void => {
    const path = fileOf(target);
    if (path !== undefined) queue.push({ path, name });
  };

  while (queue.length > 0) {
    const { path, name } = queue.pop()!;
    const key = `${path}\0${name}`;
    if (visited.has(key)) continue;
    visited.add(key);
    const file = facts.get(path)!;
    if (name === allExports) {
      mark(path, allExports);
      for (const reExport of file.reExports) {
        const target = resolve(reExport.specifier, path);
        if (reExport.form === 'named') for (const entry of reExport.names ?? []) push(target, entry.imported);
        else push(target, allExports);
      }
      continue;
    }
    if (file.exports.some((fact) => fact.name === name)) {
      mark(path, name);
      continue;
    }
    // A CommonJS module's default import is its whole `module.exports`; any import reads `module.exports =`.
    const commonJs = file.exports.filter((fact) => fact.kind === 'commonjs' || fact.name === commonJsExport);
    if (commonJs.length > 0 && (name === 'default' || commonJs.some((fact) => fact.name === commonJsExport))) {
      queue.push({ path, name: allExports });
      continue;
    }
    for (const reExport of file.reExports) {
      const target = resolve(reExport.specifier, path);
      if (reExport.form === 'named') {
        for (const entry of reExport.names ?? []) if (entry.exported === name) push(target, entry.imported);
      } else if (reExport.form === 'namespace') {
        if (reExport.namespace === name) push(target, allExports);
      } else if (name !== 'default') push(target, name);
    }
  }
  return used;
}

/**
 * The file and name that declare what `name` of `path` stands for, following re-exports; undefined
 * when it leads outside the repository's files. Iterative, with a visited set, like the demand.
 */
export function declarationOf(
  facts: ReadonlyMap<string, FileFacts>,
  resolve: ResolveModule,
  path: string,
  name: string,
): { path: string; name: string } | undefined {
  const visited = new Set<string>();
  const stack = [{ path, name }];
  while (stack.length > 0) {
    const current = stack.pop()!;
    const key = `${current.path}\0${current.name}`;
    const file = facts.get(current.path);
    if (!file || visited.has(key)) continue;
    visited.add(key);
    if (file.exports.some((fact) => fact.name === current.name)) return current;
    for (const reExport of file.reExports) {
      const target = resolve(reExport.specifier, current.path);
      if (target.kind !== 'file') continue;
      if (reExport.form === 'named') {
        for (const entry of reExport.names ?? []) if (entry.exported === current.name) stack.push({ path: target.path, name: entry.imported });
      } else if (reExport.form === 'all' && current.name !== 'default') stack.push({ path: target.path, name: current.name });
    }
  }
  return undefined;
}

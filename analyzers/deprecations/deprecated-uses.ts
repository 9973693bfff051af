import type { FileFacts } from '../facts/file-facts.js';
import type { Resolution, ResolveModule } from '../resolve/module-resolver.js';
import type { PackageDeprecations } from './package-deprecations.js';

/** A place where the code uses something its declaration marks `@deprecated`. */
export interface DeprecatedUse {
  path: string;
  line: number;
  symbol: string;
  /** The file that declares it, or the package for a dependency's type declarations. */
  declaredIn: string;
  /** The deprecation message, which often names the replacement. */
  message: string;
}

interface Deprecation {
  declaredIn: string;
  message: string;
}

/**
 * Finds every use of a deprecated export: imported by name (through any chain of re-exports and
 * `export *`) or reached as a member of a namespace import. `packages` holds the deprecated exports
 * of installed packages' type declarations, by package name, when node_modules is present. As there,
 * an overloaded name counts as deprecated only when every declaration is.
 */
export function findDeprecatedUses(
  facts: ReadonlyMap<string, FileFacts>,
  resolve: ResolveModule,
  packages: ReadonlyMap<string, PackageDeprecations> = new Map(),
): DeprecatedUse[] {
  const memo = new Map<string, Deprecation | null>();

  const lookup = (module: string, name: string, trail: Set<string>): Deprecation | null => {
    const key = `${module}\0${name}`;
    if (memo.has(key)) return memo.get(key)!;
    if (trail.has(key)) return null;
    trail.add(key);
    const file = facts.get(module);
    let found: Deprecation | null = null;
    const own = file?.exports.filter((fact) => fact.name === name) ?? [];
    if (own.length > 0) {
      const deprecated = own.every((fact) => fact.tags.deprecated !== undefined);
      found = deprecated ? { declaredIn: module, message: own[0]!.tags.deprecated! } : null;
    } else if (file) {
      for (const reExport of file.reExports) {
        const target = resolve(reExport.specifier, module);
        if (reExport.form === 'named') {
          const entry = reExport.names?.find((candidate) => candidate.exported === name);
          if (entry) found = lookupResolution(target, entry.imported, trail);
        } else if (reExport.form === 'all' && name !== 'default') found = lookupResolution(target, name, trail);
        if (found) break;
      }
    }
    memo.set(key, found);
    return found;
  };

  const lookupResolution = (target: Resolution, name: string, trail: Set<string>): Deprecation | null => {
    if (target.kind === 'file') return lookup(target.path, name, trail);
    if (target.kind !== 'package') return null;
    const message = packages.get(target.name)?.get(name);
    return message === undefined ? null : { declaredIn: target.name, message };
  };

  const uses: DeprecatedUse[] = [];
  for (const [path, file] of facts) {
    for (const fact of file.imports) {
      const target = resolve(fact.specifier, path);
      for (const binding of fact.bindings) {
        if (binding.imported === '*') {
          for (const use of file.namespaceUses) {
            if (use.namespace !== binding.local || use.member === null) continue;
            const deprecation = lookupResolution(target, use.member, new Set());
            if (deprecation) uses.push({ path, line: use.line, symbol: use.member, ...deprecation });
          }
          continue;
        }
        const deprecation = lookupResolution(target, binding.imported, new Set());
        if (!deprecation) continue;
        // One use per line: `Old.a + Old.b` is one place to change.
        const lines = new Set(file.importedNameUses.flatMap((use) => (use.local === binding.local ? [use.line] : [])));
        for (const line of lines) uses.push({ path, line, symbol: binding.imported, ...deprecation });
      }
    }
  }
  return uses.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
}

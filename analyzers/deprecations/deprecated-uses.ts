import type { FileFacts } from '../facts/file-facts.js';
import type { Resolution, ResolveModule } from '../resolve/module-resolver.js';

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
 * `export *`) or reached as a member of a namespace import. `packageFacts` holds the facts of
 * installed packages' type declarations, keyed by package name, when node_modules is present.
 */
export function findDeprecatedUses(
  facts: ReadonlyMap<string, FileFacts>,
  resolve: ResolveModule,
  packageFacts: ReadonlyMap<string, FileFacts> = new Map(),
): DeprecatedUse[] {
  const memo = new Map<string, Deprecation | null>();

  const lookup = (module: string, name: string, trail: Set<string>, packageName?: string): Deprecation | null => {
    const key = `${module}\0${name}`;
    if (memo.has(key)) return memo.get(key)!;
    if (trail.has(key)) return null;
    trail.add(key);
    const file = packageName ? packageFacts.get(packageName) : facts.get(module);
    let found: Deprecation | null = null;
    const own = file?.exports.find((fact) => fact.name === name);
    if (own) found = own.tags.deprecated !== undefined ? { declaredIn: packageName ?? module, message: own.tags.deprecated } : null;
    else if (file && !packageName) {
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
    if (target.kind === 'package' && packageFacts.has(target.name)) return lookup(`package:${target.name}`, name, trail, target.name);
    return null;
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
        for (const use of file.importedNameUses) {
          if (use.local === binding.local) uses.push({ path, line: use.line, symbol: binding.imported, ...deprecation });
        }
      }
    }
  }
  return uses.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
}

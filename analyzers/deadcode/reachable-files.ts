import type { ImportEdge } from '../architecture/import-graph.js';
import type { FileFacts } from '../facts/file-facts.js';
import { dirname, isWithin, joinPath } from '../discover/repo-paths.js';

interface Reachability {
  /** Files reached from an entry through imports, re-exports, `import()` and `require()` of any kind. */
  reachable: Set<string>;
  /** Files a non-literal `import(`./locales/${x}`)` may load, with that reason; counted as used. */
  possiblyUsed: Map<string, string>;
  /** For every file, the files that import it (used or not). */
  importers: Map<string, string[]>;
}

/**
 * Walks the import graph from the entries. A type-only import keeps a file in use (its types are),
 * and a dynamic import with a template specifier keeps every file under its fixed prefix "possibly
 * used", because a wrong "unused" costs more than a missed one.
 */
export function findReachableFiles(facts: ReadonlyMap<string, FileFacts>, edges: readonly ImportEdge[], entries: Iterable<string>): Reachability {
  const importers = new Map<string, string[]>();
  const targets = new Map<string, Set<string>>();
  for (const edge of edges) {
    if (edge.target.kind !== 'file' || !facts.has(edge.target.path)) continue;
    const out = targets.get(edge.from) ?? new Set<string>();
    targets.set(edge.from, out);
    if (out.has(edge.target.path)) continue;
    out.add(edge.target.path);
    const list = importers.get(edge.target.path);
    if (list) list.push(edge.from);
    else importers.set(edge.target.path, [edge.from]);
  }

  const reachable = new Set<string>();
  const possiblyUsed = new Map<string, string>();
  const queue = [...entries].filter((path) => facts.has(path));
  const paths = [...facts.keys()];
  while (queue.length > 0) {
    const path = queue.pop()!;
    if (reachable.has(path)) continue;
    reachable.add(path);
    queue.push(...(targets.get(path) ?? []));
    for (const fact of facts.get(path)!.dynamicImports) {
      if (fact.specifier !== null || fact.prefix === undefined || !fact.prefix.startsWith('.')) continue;
      const folder = joinPath(dirname(path), fact.prefix.slice(0, fact.prefix.lastIndexOf('/') + 1));
      const reason = `may be loaded by the ${fact.kind}() of \`${fact.prefix}…\` in ${path}:${fact.line}`;
      for (const candidate of paths) {
        if (isWithin(candidate, folder) && !possiblyUsed.has(candidate) && !reachable.has(candidate)) {
          possiblyUsed.set(candidate, reason);
          queue.push(candidate);
        }
      }
    }
  }
  return { reachable, possiblyUsed, importers };
}

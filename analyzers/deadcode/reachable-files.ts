import type { ImportEdge } from '../architecture/import-graph.js';
import type { FileFacts } from '../facts/file-facts.js';
import { dirname, foldersOf, isOutsideRepo, isWithin, joinPath } from '../discover/repo-paths.js';
import { sourceCandidates } from '../resolve/build-output.js';
import { GlobError, compileGlob } from '../patterns/glob.js';

interface Reachability {
  /** Files reached from an entry through imports, re-exports, `import()` and `require()` of any kind. */
  reachable: Set<string>;
  /**
   * Files a non-literal `import(`./locales/${x}`)` may load, and files a string in used code names
   * (`'./users'`, `'../assets/shims.js'`) that imports from used code do not reach, with that reason;
   * counted as used.
   */
  possiblyUsed: Map<string, string>;
  /** For every file, the files that import it (used or not). */
  importers: Map<string, string[]>;
  /** For every file, the files it imports. */
  targets: Map<string, Set<string>>;
  /** Files a glob import loads whole (their exports are read off the module object), even when also imported by name. */
  globImported: Set<string>;
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
  const namedFrom = new Set<string>();
  const globImported = new Set<string>();
  // Imports first; then the files that strings in used code name, if used code does not import them.
  while (queue.length > 0 || queueNamedFiles()) {
    const path = queue.pop()!;
    if (reachable.has(path)) continue;
    reachable.add(path);
    queue.push(...(targets.get(path) ?? []));
    for (const fact of facts.get(path)!.dynamicImports) {
      if (fact.globs) {
        for (const candidate of globbed(paths, path, fact.globs)) {
          globImported.add(candidate);
          if (possiblyUsed.has(candidate) || reachable.has(candidate)) continue;
          possiblyUsed.set(candidate, `imported by the import.meta.glob of ${fact.globs.map((glob) => `'${glob}'`).join(', ')} in ${path}:${fact.line}`);
          queue.push(candidate);
        }
        continue;
      }
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
  return { reachable, possiblyUsed, importers, targets, globImported };

  function queueNamedFiles(): boolean {
    for (const path of reachable) {
      if (namedFrom.has(path)) continue;
      namedFrom.add(path);
      for (const { text, line } of facts.get(path)!.pathStrings) {
        const named = namedFile(facts, path, text);
        if (named === null || reachable.has(named) || possiblyUsed.has(named)) continue;
        possiblyUsed.set(named, `named by the string '${text}' in ${path}:${line}, so code may load it by path`);
        queue.push(named);
      }
    }
    return queue.length > 0;
  }
}

/**
 * The code file a path string names, from the folder of the file holding it or from any folder above
 * (a path handed to a tool or a test helper is often relative to the package or the repository root).
 */
function namedFile(facts: ReadonlyMap<string, FileFacts>, from: string, text: string): string | null {
  for (const folder of foldersOf(from).reverse()) {
    const path = joinPath(folder, text);
    if (isOutsideRepo(path)) continue;
    for (const candidate of sourceCandidates(path)) if (candidate !== from && facts.has(candidate)) return candidate;
  }
  return null;
}

/**
 * The files an `import.meta.glob` imports. Each pattern is resolved on its own: `./` and `../` from
 * the importing file's folder, `/…` from the nearest folder above where it matches something (the
 * Vite root); `!` patterns exclude, from the importing file's folder.
 */
function globbed(paths: readonly string[], from: string, globs: readonly string[]): string[] {
  const matcher = (base: string, glob: string): ((path: string) => boolean) => {
    const path = joinPath(base, glob.replace(/^\//, ''));
    if (isOutsideRepo(path)) return () => false;
    try {
      return compileGlob(path, { dot: false });
    } catch (error) {
      if (error instanceof GlobError) return () => false;
      throw error;
    }
  };
  const candidates = paths.filter((path) => path !== from);
  const excluded = globs.filter((glob) => glob.startsWith('!')).map((glob) => matcher(dirname(from), glob.slice(1)));
  const matched = new Set<string>();
  for (const glob of globs.filter((pattern) => !pattern.startsWith('!'))) {
    const bases = glob.startsWith('/') ? foldersOf(from).reverse() : [dirname(from)];
    for (const base of bases) {
      const matches = matcher(base, glob);
      const found = candidates.filter((path) => matches(path));
      for (const path of found) matched.add(path);
      if (found.length > 0) break;
    }
  }
  return [...matched].filter((path) => !excluded.some((matches) => matches(path)));
}

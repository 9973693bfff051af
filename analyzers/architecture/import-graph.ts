import type { FileFacts } from '../facts/file-facts.js';
import type { Resolution, ResolveModule } from '../resolve/module-resolver.js';

/** `url`: `new URL('./x', import.meta.url)`, a file named for a worker or a child process. */
type ImportEdgeKind = 'import' | 're-export' | 'dynamic' | 'require' | 'url';

/** One import statement (or call) of a file, with where it leads. */
export interface ImportEdge {
  from: string;
  specifier: string;
  line: number;
  kind: ImportEdgeKind;
  /** Erased at runtime: `import type`, or every binding is a type. */
  typeOnly: boolean;
  target: Resolution;
}

/** Every import of every file, resolved once; analyses that need the module graph read these edges. */
export function buildImportEdges(facts: ReadonlyMap<string, FileFacts>, resolve: ResolveModule): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const [from, file] of facts) {
    const add = (specifier: string, line: number, kind: ImportEdgeKind, typeOnly: boolean): void => {
      edges.push({ from, specifier, line, kind, typeOnly, target: resolve(specifier, from) });
    };
    for (const fact of file.imports) {
      const typeOnly = fact.typeOnly || (fact.bindings.length > 0 && fact.bindings.every((binding) => binding.typeOnly));
      add(fact.specifier, fact.line, fact.form === 'import-equals' ? 'require' : 'import', typeOnly);
    }
    for (const fact of file.reExports) {
      const typeOnly = fact.typeOnly || (fact.names !== undefined && fact.names.length > 0 && fact.names.every((name) => name.typeOnly));
      add(fact.specifier, fact.line, 're-export', typeOnly);
    }
    for (const fact of file.dynamicImports) {
      if (fact.specifier !== null) add(fact.specifier, fact.line, fact.kind === 'import' ? 'dynamic' : fact.kind, false);
    }
  }
  return edges;
}

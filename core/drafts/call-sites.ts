import { classifyCodeFiles } from '../../analyzers/discover/code-files.js';
import { factsEngineVersion } from '../../analyzers/facts/file-facts.js';
import { packageNameOf } from '../../analyzers/resolve/package-name.js';
import { readCodeFacts } from '../code/read-code-facts.js';
import { listTreeFiles } from '../git/tree-files.js';
import type { Database } from '../store/database.js';

interface CallSite {
  path: string;
  line: number;
  /** The imported name (`default`, `*` for a namespace), with the member read where one is (`z.object`). */
  symbol: string;
}

/** More uses than this per package say enough: the plan lists the first ones and the count. */
const maxPerPackage = 200;

/**
 * Where the commit's code uses each package: its imports, requires and `import()`s, and every later
 * use of the names it imported (from the facts cache: the base scan has parsed these files already).
 */
export async function packageUses(options: { cache: Database; folder: string; commit: string; parseWorkerUrl: URL | string; signal: AbortSignal; names: ReadonlySet<string> }): Promise<{ uses: Map<string, CallSite[]>; counts: Map<string, number>; importers: Map<string, Set<string>> }> {
  const tree = await listTreeFiles(options.folder, options.commit, options.signal);
  const { codeFiles } = classifyCodeFiles(tree.files.map((file) => file.path), []);
  const wanted = new Set(codeFiles);
  const { facts } = await readCodeFacts({
    db: options.cache,
    root: options.folder,
    files: tree.files.filter((file) => wanted.has(file.path)),
    engineVersion: factsEngineVersion,
    parseWorkerUrl: options.parseWorkerUrl,
    signal: options.signal,
    progress: () => {},
  });
  const uses = new Map<string, CallSite[]>();
  const counts = new Map<string, number>();
  const importers = new Map<string, Set<string>>();
  const add = (name: string, site: CallSite): void => {
    counts.set(name, (counts.get(name) ?? 0) + 1);
    importers.set(name, (importers.get(name) ?? new Set()).add(site.path));
    const list = uses.get(name) ?? [];
    if (list.length < maxPerPackage) uses.set(name, [...list, site]);
  };
  for (const [path, file] of facts) {
    const locals = new Map<string, { name: string; imported: string }>();
    for (const fact of file.imports) {
      const name = bareName(fact.specifier);
      if (!name || !options.names.has(name)) continue;
      if (fact.bindings.length === 0) add(name, { path, line: fact.line, symbol: '(side effect)' });
      for (const binding of fact.bindings) {
        add(name, { path, line: fact.line, symbol: binding.imported });
        locals.set(binding.local, { name, imported: binding.imported });
      }
    }
    for (const fact of file.dynamicImports) {
      const name = fact.specifier ? bareName(fact.specifier) : null;
      if (name && options.names.has(name)) add(name, { path, line: fact.line, symbol: fact.kind === 'require' ? 'require()' : 'import()' });
    }
    for (const use of file.importedNameUses) {
      const binding = locals.get(use.local);
      if (binding) add(binding.name, { path, line: use.line, symbol: use.member ? `${binding.imported}.${use.member}` : binding.imported });
    }
    for (const use of file.namespaceUses) {
      const binding = locals.get(use.namespace);
      if (binding) add(binding.name, { path, line: use.line, symbol: use.member ? `${use.namespace}.${use.member}` : use.namespace });
    }
  }
  return { uses, counts, importers };
}

function bareName(specifier: string): string | null {
  return /^[./]|^[a-z]+:/i.test(specifier) ? null : packageNameOf(specifier);
}

import type { FileFacts } from '../facts/file-facts.js';
import { groupBy } from '../collections/group-by.js';

/** The deprecated exports of one installed package: export name → deprecation message. */
export type PackageDeprecations = ReadonlyMap<string, string>;

/** One package's type declarations: facts by file, the entry file, and how its relative imports resolve. */
interface PackageDeclarations {
  entry: string;
  files: ReadonlyMap<string, FileFacts>;
  /** A re-export's target inside the package, or undefined when it leaves the package or is missing. */
  resolve(specifier: string, fromFile: string): string | undefined;
}

/**
 * The exports of a package's declaration entry that are `@deprecated`, following its re-exports
 * (`export *`, `export { a as b } from`) through the package's own files. An overloaded name counts
 * as deprecated only when every declaration is: without the type checker, a use cannot be matched
 * to one signature, and a false alarm costs the user's trust.
 */
export function packageDeprecations({ entry, files, resolve }: PackageDeclarations): PackageDeprecations {
  const memo = new Map<string, Map<string, string | null>>();

  /** Every export of `file` known to the declarations: name → message, or null when not deprecated. */
  const exportsOf = (file: string): Map<string, string | null> => {
    const known = memo.get(file);
    if (known) return known;
    const result = new Map<string, string | null>();
    // Set before filling, so that a re-export cycle ends here with what is known so far.
    memo.set(file, result);
    const facts = files.get(file);
    if (!facts) return result;
    for (const [name, declarations] of groupBy(facts.exports, (fact) => fact.name)) {
      const messages = declarations.map((declaration) => declaration.tags.deprecated);
      result.set(name, messages.every((message) => message !== undefined) ? messages[0]! : null);
    }
    for (const reExport of facts.reExports) {
      const target = resolve(reExport.specifier, file);
      if (target === undefined || reExport.form === 'namespace') continue;
      const targetExports = exportsOf(target);
      if (reExport.form === 'named') {
        for (const { imported, exported } of reExport.names ?? []) {
          if (!result.has(exported)) result.set(exported, targetExports.get(imported) ?? null);
        }
      } else {
        // `export *` never re-exports `default`, and a file's own exports shadow the star's.
        for (const [name, message] of targetExports) if (name !== 'default' && !result.has(name)) result.set(name, message);
      }
    }
    return result;
  };

  const deprecated = new Map<string, string>();
  for (const [name, message] of exportsOf(entry)) if (message !== null) deprecated.set(name, message);
  return deprecated;
}


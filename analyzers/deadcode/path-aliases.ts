import type { Discovery } from '../discover/discover-project.js';
import type { ProjectTree } from '../discover/project-tree.js';
import { dirname, isWithin } from '../discover/repo-paths.js';
import { frameworkAliasesOf } from '../resolve/framework-aliases.js';

/** A tsconfig `paths` pattern (`@/*`, `~/*`, `#config`), for the files below the tsconfig's folder. */
export interface PathAlias {
  dir: string;
  pattern: string;
}

/**
 * The `paths` patterns of every tsconfig that point into the repository, and the aliases and virtual
 * modules of frameworks and bundlers (`$lib`, `#imports`, a vite.config's `@`). A pattern whose targets all lie in node_modules
 * (`"react": ["./node_modules/preact/compat"]`) swaps one package for another: the specifier still
 * names a package.
 */
export function pathAliasesOf(tsconfigs: Discovery['tsconfigs'], tree: Pick<ProjectTree, 'paths' | 'readFile'>): PathAlias[] {
  return [
    ...tsconfigs.flatMap(({ path, compilerOptions }) =>
      Object.entries(compilerOptions.paths ?? {})
        .filter(([, targets]) => !targets.every((target) => target.split('/').includes('node_modules')))
        .map(([pattern]) => ({ dir: dirname(path), pattern })),
    ),
    // An alias a package provides stays a use of that package (dependency-usage.ts credits it).
    ...frameworkAliasesOf(tree).flatMap(({ dir, paths: aliases, provider }) => (provider ? [] : Object.keys(aliases).map((pattern) => ({ dir, pattern })))),
  ];
}

/** Whether a specifier of a file matches an alias in scope; a `*` stands for any text, slashes included, unlike a glob's. */
export function pathAliasMatcher(aliases: readonly PathAlias[]): (specifier: string, fromPath: string) => boolean {
  const parts = aliases.map(({ dir, pattern }) => {
    const star = pattern.indexOf('*');
    return star < 0 ? { dir, prefix: pattern, suffix: null } : { dir, prefix: pattern.slice(0, star), suffix: pattern.slice(star + 1) };
  });
  // Files of one folder see the same aliases; a monorepo has many tsconfigs, each with its own.
  const inScope = new Map<string, typeof parts>();
  return (specifier, fromPath) => {
    const folder = dirname(fromPath);
    let scoped = inScope.get(folder);
    if (!scoped) {
      scoped = parts.filter(({ dir }) => isWithin(folder, dir));
      inScope.set(folder, scoped);
    }
    return scoped.some(({ prefix, suffix }) =>
      suffix === null ? specifier === prefix : specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix),
    );
  };
}

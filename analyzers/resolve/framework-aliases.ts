import type { ResolutionScope } from './module-resolver.js';

/**
 * Adds the aliases a framework's bundler defines but no tsconfig of a fresh clone states (the one
 * Docusaurus ships lives in node_modules): `@site/…` is the folder of each docusaurus.config. The
 * alias joins the settings that already govern that folder; a tsconfig's own `@site/*` wins.
 */
export function withFrameworkAliases(scopes: readonly ResolutionScope[], paths: readonly string[]): ResolutionScope[] {
  const result = [...scopes];
  for (const path of paths) {
    const match = /(?:^|\/)docusaurus\.config\.[cm]?[jt]s$/.exec(path);
    if (!match) continue;
    const dir = path.slice(0, match.index);
    const site = { '@site/*': [dir === '' ? '*' : `${dir}/*`] };
    const governing = result
      .filter((scope) => scope.dir === '' || dir === scope.dir || dir.startsWith(`${scope.dir}/`))
      .sort((a, b) => b.dir.length - a.dir.length)[0];
    const merged: ResolutionScope = { ...governing, dir, paths: { ...site, ...governing?.paths } };
    const index = result.findIndex((scope) => scope.dir === dir);
    if (index >= 0) result[index] = merged;
    else result.push(merged);
  }
  return result;
}

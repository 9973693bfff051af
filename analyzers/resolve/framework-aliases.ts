import { docusaurusSiteDirs } from '../discover/repo-paths.js';
import type { ResolutionScope } from './module-resolver.js';

/**
 * Adds the aliases a framework's bundler defines but no tsconfig of a fresh clone states (the one
 * Docusaurus ships lives in node_modules, written relative to its own folder or with `${configDir}`):
 * `@site/…` is the folder of each docusaurus.config, as its webpack config says. The alias joins the
 * settings that already govern that folder, in place of any `@site/*` they have.
 */
export function withFrameworkAliases(scopes: readonly ResolutionScope[], paths: readonly string[]): ResolutionScope[] {
  const result = [...scopes];
  for (const dir of docusaurusSiteDirs(paths)) {
    const site = { '@site/*': [dir === '' ? '*' : `${dir}/*`] };
    const governing = result
      .filter((scope) => scope.dir === '' || dir === scope.dir || dir.startsWith(`${scope.dir}/`))
      .sort((a, b) => b.dir.length - a.dir.length)[0];
    const merged: ResolutionScope = { ...governing, dir, paths: { ...governing?.paths, ...site } };
    const index = result.findIndex((scope) => scope.dir === dir);
    if (index >= 0) result[index] = merged;
    else result.push(merged);
  }
  return result;
}

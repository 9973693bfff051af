/** Repo-relative, '/'-separated paths; the repository root is ''. */

export function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Resolves `relative` (as written in a config file, possibly with ./, ../ or Windows separators)
 * against the repo-relative directory `dir`. A path that climbs above the root keeps its leading
 * '..' segments, so it stays visibly outside the repository instead of silently landing inside it.
 */
export function joinPath(dir: string, relative: string): string {
  const segments: string[] = [];
  for (const segment of `${dir}/${relative}`.replaceAll('\\', '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && segments.length > 0 && segments.at(-1) !== '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}

/** True when `path` is `dir` itself or lies below it. */
export function isWithin(path: string, dir: string): boolean {
  return dir === '' || path === dir || path.startsWith(`${dir}/`);
}

/** True for a path that `joinPath` left climbing above the repository root. */
export function isOutsideRepo(path: string): boolean {
  return path === '..' || path.startsWith('../');
}

/** The folders a file is in, from the repository root ('') down to its own folder: '', 'a', 'a/b' for 'a/b/c.ts'. */
export function foldersOf(path: string): string[] {
  const parts = path.split('/').slice(0, -1);
  return ['', ...parts.map((_, index) => parts.slice(0, index + 1).join('/'))];
}

/** The folders of the Docusaurus sites among the paths ('' for one at the root): where a docusaurus.config is. */
export function docusaurusSiteDirs(paths: readonly string[]): string[] {
  return paths.flatMap((path) => (/^docusaurus\.config\.[cm]?[jt]s$/.test(basename(path)) ? [dirname(path)] : []));
}

import type { ProjectTree } from './project-tree.js';
import { dirname, isOutsideRepo, joinPath } from './repo-paths.js';

/** Reads a config wherever `extends` may lead: a file tracked at the commit, or an installed package. */
export type ConfigReader = (path: string) => string | undefined;

/**
 * Each path is read at most once, however many configs extend it. Under node_modules/ the installed
 * copy is the fallback, since the commit rarely tracks it.
 */
export function createConfigReader(tree: ProjectTree, trackedPaths: ReadonlySet<string>): ConfigReader {
  const cache = new Map<string, string | undefined>();
  return (path) => {
    if (!cache.has(path)) {
      const tracked = trackedPaths.has(path) ? tree.readFile(path) : undefined;
      const isInstallable = path.split('/').includes('node_modules');
      cache.set(path, tracked ?? (isInstallable ? tree.readInstalledFile(path) : undefined));
    }
    return cache.get(path);
  };
}

type ExtendsTarget = { found: true; path: string } | { found: false; warning: string };

/**
 * Finds the config an `extends` specifier names, with tsc's rules: a path starting with ./ or ../ is
 * relative to the extending file ('.json' may be omitted); anything else is a package, looked up in
 * node_modules from the extending file's directory upwards.
 */
export function locateExtendedConfig(specifier: string, fromPath: string, read: ConfigReader): ExtendsTarget {
  // An absolute path points into one machine's disk, which a scan of the commit cannot see.
  if (/^(\/|[A-Za-z]:[/\\])/.test(specifier)) {
    const warning = `${fromPath}: extends the absolute path "${specifier}", which Steward does not follow; its options are left out.`;
    return { found: false, warning };
  }
  const isRelative = /^\.\.?(\/|\\)/.test(specifier);
  const dir = dirname(fromPath);
  const candidates = isRelative ? relativeCandidates(specifier, dir) : packageCandidates(specifier, dir);
  const path = candidates.find((candidate) => !isOutsideRepo(candidate) && read(candidate) !== undefined);
  if (path !== undefined) return { found: true, path };
  const where = isRelative ? '' : ` in node_modules (${packageHint(specifier, dir, read)})`;
  return { found: false, warning: `${fromPath}: extends "${specifier}" not found${where}; its options are left out.` };
}

function relativeCandidates(specifier: string, dir: string): string[] {
  const path = joinPath(dir, specifier);
  return path.endsWith('.json') ? [path] : [path, `${path}.json`];
}

function packageCandidates(specifier: string, dir: string): string[] {
  return ancestors(dir).flatMap((ancestor) => {
    const path = joinPath(ancestor, `node_modules/${specifier}`);
    return [path, `${path}.json`, `${path}/tsconfig.json`];
  });
}

/** `dir`, its parents, and finally the root '', in the order Node searches node_modules. */
function ancestors(dir: string): string[] {
  const dirs = [dir];
  while (dirs.at(-1) !== '') dirs.push(dirname(dirs.at(-1) ?? ''));
  return dirs;
}

/** Users often write "tsconfig.base.json" for "./tsconfig.base.json"; tsc then looks for a package. */
function packageHint(specifier: string, dir: string, read: ConfigReader): string {
  const relative = relativeCandidates(specifier, dir);
  if (relative.some((candidate) => read(candidate) !== undefined)) {
    return `a path needs "./" in front, or TypeScript reads it as a package name`;
  }
  return 'dependencies not installed?';
}

import { isObject, readPackageJson, stringsIn, type PackageJson } from './package-json.js';
import type { ProjectTree } from './project-tree.js';
import { basename, dirname } from './repo-paths.js';
import { parseYaml } from '../documents/parse-document.js';
import { type GlobMatcher, GlobError, compileGlob } from '../patterns/glob.js';

export interface Workspace {
  /** Repo-relative directory; '' for the root package. */
  dir: string;
  /** The package.json `name`, or null when it has none (or the file is unreadable). */
  name: string | null;
  /** Null only for a root directory without a package.json. */
  packageJsonPath: string | null;
}

/**
 * The root package first, then every workspace package in directory order. Workspace globs from
 * package.json (npm, yarn) and pnpm-workspace.yaml are both honoured: repositories that switched
 * package manager often keep both, and a package listed by either is real.
 */
export function findWorkspaces(tree: ProjectTree, rootPackageJson: PackageJson | null, warnings: string[]): Workspace[] {
  const root: Workspace = {
    dir: '',
    name: nameOf(rootPackageJson),
    packageJsonPath: rootPackageJson ? 'package.json' : null,
  };
  const patterns = [...packageJsonPatterns(rootPackageJson), ...pnpmPatterns(tree, warnings)];
  const dirs = matchPackageDirs(packageDirs(tree.paths), patterns, warnings);
  const members = dirs.map((dir): Workspace => {
    const packageJsonPath = `${dir}/package.json`;
    return { dir, name: nameOf(readPackageJson(tree, packageJsonPath, warnings)), packageJsonPath };
  });
  return [root, ...members];
}

/**
 * Every package in the repository: the workspaces, then folders with their own package.json (or
 * deno.json) that no workspace pattern lists (examples, demos, test fixtures), which are projects of
 * their own all the same. Vendored and build-output folders are left out.
 */
export function findPackages(tree: ProjectTree, workspaces: readonly Workspace[], isCandidate: (path: string) => boolean, warnings: string[]): Workspace[] {
  const known = new Set(workspaces.map((workspace) => workspace.dir));
  const manifests = new Set(packageDirs(tree.paths));
  const nested = [...new Set([...manifests, ...denoProjectDirs(tree.paths)])]
    .filter((dir) => !known.has(dir) && isCandidate(`${dir}/package.json`))
    .sort()
    .map((dir): Workspace => {
      if (!manifests.has(dir)) return { dir, name: null, packageJsonPath: null };
      const packageJsonPath = `${dir}/package.json`;
      return { dir, name: nameOf(readPackageJson(tree, packageJsonPath, warnings)), packageJsonPath };
    });
  return [...workspaces, ...nested];
}

function nameOf(packageJson: PackageJson | null): string | null {
  const name = packageJson?.['name'];
  return typeof name === 'string' ? name : null;
}

/** npm and yarn classic take an array; yarn also accepts `{ packages: [...] }` (with nohoist beside it). */
function packageJsonPatterns(packageJson: PackageJson | null): string[] {
  const field = packageJson?.['workspaces'];
  return stringsIn(isObject(field) ? field['packages'] : field);
}

function pnpmPatterns(tree: ProjectTree, warnings: string[]): string[] {
  const path = 'pnpm-workspace.yaml';
  if (!tree.paths.includes(path)) return [];
  const text = tree.readFile(path);
  if (text === undefined) {
    warnings.push(`${path} could not be read: its workspace packages are missing.`);
    return [];
  }
  try {
    const document = parseYaml(text);
    const [error] = document.errors;
    if (error) throw error;
    const value: unknown = document.toJS();
    return isObject(value) ? stringsIn(value['packages']) : [];
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : 'invalid YAML';
    warnings.push(`${path} is not valid YAML (${reason}): its workspace packages are missing.`);
    return [];
  }
}

/** Deno projects: a deno.json instead of a package.json. */
function denoProjectDirs(paths: readonly string[]): string[] {
  return paths.filter((path) => /(^|\/)deno\.jsonc?$/.test(path) && !path.split('/').includes('node_modules')).map(dirname).filter((dir) => dir !== '');
}

/** Directories holding a tracked package.json, except the root and anything vendored under node_modules. */
function packageDirs(paths: readonly string[]): string[] {
  return paths
    .filter((path) => basename(path) === 'package.json' && !path.split('/').includes('node_modules'))
    .map(dirname)
    .filter((dir) => dir !== '');
}

/**
 * Globs are matched against package directories, never the file list, as npm and pnpm do. A pattern
 * starting with '!' removes what the others matched (pnpm documents it; npm accepts it too).
 */
function matchPackageDirs(dirs: readonly string[], patterns: readonly string[], warnings: string[]): string[] {
  const included = new Set(patterns.filter((pattern) => !pattern.startsWith('!')).map(normalisePattern));
  const negated = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => normalisePattern(pattern.slice(1)));
  const compile = (pattern: string): GlobMatcher | undefined => {
    try {
      return compileGlob(pattern);
    } catch (error) {
      if (!(error instanceof GlobError)) throw error;
      warnings.push(`Workspace pattern refused: ${error.message}.`);
      return undefined;
    }
  };
  // An empty pattern can only mean the root, which is listed apart.
  const negatedMatchers = negated.filter((pattern) => pattern !== '').flatMap((pattern) => compile(pattern) ?? []);
  const isNegated = (dir: string): boolean => negatedMatchers.some((matches) => matches(dir));
  const matchers = [...included].filter((pattern) => pattern !== '').flatMap((pattern) => {
    const matches = compile(pattern);
    return matches ? [{ pattern, matches }] : [];
  });
  for (const { pattern, matches } of matchers) {
    if (!dirs.some((dir) => matches(dir))) warnings.push(`Workspace pattern "${pattern}" matches no directory with a package.json.`);
  }
  return dirs.filter((dir) => matchers.some(({ matches }) => matches(dir)) && !isNegated(dir)).sort();
}

/** A leading "./" or a trailing "/" does not change a pattern; "." is the root, which is always listed anyway. */
function normalisePattern(pattern: string): string {
  const trimmed = pattern.trim().replace(/^(\.\/)+/, '').replace(/\/+$/, '');
  return trimmed === '.' ? '' : trimmed;
}

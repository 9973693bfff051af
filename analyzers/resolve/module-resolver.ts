import { typescript } from '../facts/typescript.js';
import type { Discovery } from '../discover/discover-project.js';
import { joinPath } from '../discover/repo-paths.js';
import { outputCandidates, sourceCandidates } from './build-output.js';
import { exportTargets } from './package-exports.js';
import { packageNameOf } from './package-name.js';
import type { ts as TS } from 'ts-morph';

const ts = typescript();

/** Where an import specifier leads. */
export type Resolution =
  | { kind: 'file'; path: string }
  | { kind: 'package'; name: string }
  | { kind: 'builtin'; name: string }
  | { kind: 'unresolved' };

/** Resolution settings of one tsconfig, with paths relative to the repository root. */
export interface ResolutionScope {
  /** The folder the tsconfig is in; it governs the files below it. */
  dir: string;
  baseUrl?: string;
  /** `paths` with repository-relative targets. */
  paths?: Record<string, string[]>;
}

export interface ResolverInput {
  /** Every tracked file, repository-relative. */
  files: ReadonlySet<string>;
  /** Tracked package.json files (for `exports`, `main`, `types`). */
  readFile(path: string): string | undefined;
  scopes: readonly ResolutionScope[];
  workspaces: readonly { dir: string; name: string | null }[];
  /** Node's built-in module names (without the `node:` prefix). */
  builtinModules: ReadonlySet<string>;
  /** Where builds write (outDir) and from where (rootDir): how a package's exported output maps back to its source. */
  tsconfigs: Discovery['tsconfigs'];
}

export type ResolveModule = (specifier: string, fromPath: string) => Resolution;

/** Source files a workspace package is most likely built from, when its manifest points at build output. */
const sourceEntryCandidates = ['src/index.ts', 'src/index.tsx', 'src/index.js', 'src/index.mts', 'index.ts', 'index.tsx', 'index.js', 'lib/index.ts'];

/**
 * TypeScript's own module resolution (bundler mode: extensionless and `.js`-for-`.ts` specifiers,
 * package `exports`, `paths`, `baseUrl`) over the tracked files of a commit, with one shared cache
 * per tsconfig. Workspace packages resolve to their source, as if linked into node_modules.
 */
export function createModuleResolver(input: ResolverInput): ResolveModule {
  const workspaceByName = new Map(input.workspaces.flatMap((workspace) => (workspace.name ? [[workspace.name, workspace.dir] as const] : [])));
  const directories = directoriesOf(input.files);
  const host = virtualHost(input, workspaceByName, directories);
  const scopes = [...input.scopes].sort((a, b) => b.dir.length - a.dir.length);
  const defaultScope: ResolutionScope = { dir: '' };
  const resolvers = new Map<ResolutionScope, (specifier: string, fromPath: string) => string | undefined>();

  const resolverFor = (scope: ResolutionScope): ((specifier: string, fromPath: string) => string | undefined) => {
    let resolver = resolvers.get(scope);
    if (!resolver) {
      const options: TS.CompilerOptions = {
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        module: ts.ModuleKind.ESNext,
        allowJs: true,
        resolveJsonModule: true,
        ...(scope.baseUrl !== undefined ? { baseUrl: absolute(scope.baseUrl) } : {}),
        // Targets are repository-relative; as absolute paths they need no base, but TypeScript wants one.
        ...(scope.paths ? { paths: absolutePaths(scope.paths), pathsBasePath: '/' } : {}),
      };
      const cache = ts.createModuleResolutionCache('/', (name) => name, options);
      resolver = (specifier, fromPath) => {
        const resolved = ts.resolveModuleName(specifier, absolute(fromPath), options, host, cache).resolvedModule;
        return resolved ? relative(resolved.resolvedFileName) : undefined;
      };
      resolvers.set(scope, resolver);
    }
    return resolver;
  };

  return (specifier, fromPath) => {
    const bare = !specifier.startsWith('.') && !specifier.startsWith('/');
    if (bare && (specifier.startsWith('node:') || input.builtinModules.has(specifier.split('/')[0]!))) {
      return { kind: 'builtin', name: specifier.replace(/^node:/, '') };
    }
    const scope = scopes.find((candidate) => isInside(fromPath, candidate.dir)) ?? defaultScope;
    const resolved = runtimeFileOf(resolverFor(scope)(specifier, fromPath), input.files);
    if (resolved && input.files.has(resolved)) return { kind: 'file', path: resolved };
    if (!bare) return { kind: 'unresolved' };
    const name = packageNameOf(specifier);
    const workspaceDir = workspaceByName.get(name);
    if (workspaceDir === undefined) return { kind: 'package', name };
    const subpath = specifier.slice(name.length);
    const source = exportedSource(input, workspaceDir, subpath) ?? workspaceSource(workspaceDir, subpath, input.files);
    return source ? { kind: 'file', path: source } : { kind: 'unresolved' };
  };
}

/**
 * TypeScript resolves `./helper` to `helper.d.ts` before `helper.js`; what runs, and what the
 * importer uses, is the JavaScript file the declaration describes.
 */
function runtimeFileOf(resolved: string | undefined, files: ReadonlySet<string>): string | undefined {
  const declaration = resolved === undefined ? null : /\.d\.([cm]?)ts$/.exec(resolved);
  if (!resolved || !declaration) return resolved;
  const stem = resolved.slice(0, declaration.index);
  return [`.${declaration[1]}js`, '.js', '.jsx', '.mjs', '.cjs'].map((extension) => stem + extension).find((path) => files.has(path)) ?? resolved;
}

/**
 * The source behind what a workspace package exports for a subpath: the targets its package.json
 * names (`./dist/index/index.mjs`), each mapped back from the build (tsconfig outDir → rootDir, or
 * dist/ → src/) to a tracked file, the same way entry points are.
 */
function exportedSource(input: ResolverInput, dir: string, subpath: string): string | undefined {
  const text = input.readFile(joinPath(dir, 'package.json'));
  let manifest: unknown;
  try {
    manifest = text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
  for (const target of exportTargets(manifest, subpath === '' ? '.' : `.${subpath}`)) {
    for (const candidate of outputCandidates(input.tsconfigs, dir, joinPath(dir, target))) {
      const file = sourceCandidates(candidate).find((path) => input.files.has(path));
      if (file) return file;
    }
  }
  return undefined;
}

/** Guesses, for a package whose manifest names no file with a source. */
function workspaceSource(dir: string, subpath: string, files: ReadonlySet<string>): string | undefined {
  const base = dir === '' ? '' : `${dir}/`;
  if (subpath === '') return sourceEntryCandidates.map((candidate) => base + candidate).find((path) => files.has(path));
  const inner = subpath.slice(1).replace(/\.[cm]?js$/, '');
  for (const folder of ['src/', '']) {
    for (const extension of ['.ts', '.tsx', '.js', '/index.ts', '/index.js']) {
      const path = `${base}${folder}${inner}${extension}`;
      if (files.has(path)) return path;
    }
  }
  return undefined;
}

function virtualHost(input: ResolverInput, workspaceByName: ReadonlyMap<string, string>, directories: ReadonlySet<string>): TS.ModuleResolutionHost {
  /** `node_modules/<workspace name>/…` stands for the workspace's folder, like a package manager's link. */
  const unlink = (path: string): string => {
    const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)(\/.*)?$/.exec(path);
    const dir = match && workspaceByName.get(match[1]!);
    if (dir === undefined || dir === null) return path;
    return (dir === '' ? '' : dir) + (match![2] ?? '');
  };
  const strip = (path: string): string => unlink(relative(path)).replace(/^\//, '');
  return {
    fileExists: (path) => input.files.has(strip(path)),
    directoryExists: (path) => {
      // TypeScript asks with a trailing slash for `..` and `./` specifiers.
      const dir = strip(path).replace(/\/$/, '');
      return directories.has(dir) || (workspaceByName.size > 0 && /(^|\/)node_modules(\/@[^/]+)?$/.test(dir));
    },
    readFile: (path) => input.readFile(strip(path)),
    realpath: (path) => absolute(strip(path)),
    getCurrentDirectory: () => '/',
  };
}

function directoriesOf(files: ReadonlySet<string>): Set<string> {
  const directories = new Set<string>(['']);
  for (const file of files) {
    for (let slash = file.indexOf('/'); slash !== -1; slash = file.indexOf('/', slash + 1)) directories.add(file.slice(0, slash));
  }
  return directories;
}

function absolutePaths(paths: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(paths).map(([pattern, targets]) => [pattern, targets.map(absolute)]));
}

function isInside(path: string, dir: string): boolean {
  return dir === '' || path.startsWith(`${dir}/`);
}

function absolute(path: string): string {
  return `/${path}`;
}

function relative(path: string): string {
  return path.startsWith('/') ? path.slice(1) : path;
}

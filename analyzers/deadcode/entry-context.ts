import type { Discovery } from '../discover/discover-project.js';
import { isObject, readPackageJson, type PackageJson } from '../discover/package-json.js';
import type { ProjectTree } from '../discover/project-tree.js';
import { dirname, isWithin, joinPath } from '../discover/repo-paths.js';
import { packageNameOf as packageOfSpecifier } from '../resolve/package-name.js';
import { sourceCandidates } from '../resolve/build-output.js';
import type { EntryPoints } from './entry-points.js';
import { isPlainData, readConfigText, ResolvedPath } from './static-config.js';
import { GlobError, compileGlob, globBase, isGlob } from '../patterns/glob.js';
import { RepositoryPattern } from '../patterns/repository-pattern.js';

/** One command line that starts a tool: the folder it runs in, its arguments, and who runs it (for reasons and warnings). */
export interface ToolRun {
  /** The command as written (`webpack-cli`, `node`). */
  binary: string;
  cwd: string;
  args: readonly string[];
  origin: string;
}

export interface WorkspaceInfo {
  dir: string;
  /** Repo-relative path of its package.json, when one is tracked. */
  packageJsonPath: string | null;
  packageJson: PackageJson | null;
  /** Names in dependencies, devDependencies, peerDependencies and optionalDependencies. */
  dependencies: ReadonlySet<string>;
  /** Tools its scripts (and CI steps run in its folder) start, by the tool's name in the registry (tools/registry.ts). */
  tools: Map<string, ToolRun[]>;
}

/** A config file's content with the words used to name it in reasons (`vite.config.ts`, `package.json "jest"`). */
export interface LoadedConfig {
  path: string;
  label: string;
  /** The folder the tool runs in: the script's, for a config a command names; else the config's own. */
  cwd: string;
  /** Undefined when the file could not be read statically: the tool's defaults then apply. */
  value: unknown;
}


/** Everything a detector needs: lookups over the tracked files, and the sinks for what it finds. */
export class EntryContext {
  readonly tracked: ReadonlySet<string>;
  readonly codeFiles: ReadonlySet<string>;
  /** Vite roots: an html page inside one loads `/x` scripts from it. */
  readonly webRoots = new Set<string>();
  private readonly entries = new Map<string, { reason: string; production: boolean }>();
  private readonly binaries = new Map<string, { workspaceDir: string; binary: string; script: string }>();
  private readonly packages = new Map<string, { workspaceDir: string; name: string; reason: string }>();
  private readonly warnings = new Set<string>();
  private readonly unreadable = new Map<string, string>();
  private readonly open = new Map<string, string>();
  private readonly ignored = new Set<string>();
  private readonly configs = new Map<string, unknown>();
  private readonly globs = new Map<string, string[]>();
  private readonly visited = new Set<string>();
  private readonly inFolders = new Map<string, string[]>();

  constructor(
    readonly tree: ProjectTree,
    readonly discovery: Discovery,
  ) {
    this.tracked = new Set(tree.paths);
    this.codeFiles = new Set(discovery.codeFiles);
  }

  /** First reason wins; production if any reason says so. Only code files can be entries. */
  addEntry(path: string, reason: string, production: boolean): void {
    if (!this.codeFiles.has(path)) return;
    const known = this.entries.get(path);
    if (known) known.production ||= production;
    else this.entries.set(path, { reason, production });
  }

  addBinary(workspaceDir: string, binary: string, script: string): void {
    const key = `${workspaceDir}\0${binary}\0${script}`;
    if (!this.binaries.has(key)) this.binaries.set(key, { workspaceDir, binary, script });
  }

  /** A glob of files the repository says to leave out of the findings. */
  ignore(glob: string): void {
    this.ignored.add(glob);
  }

  addPackage(workspaceDir: string, name: string, reason: string): void {
    const key = `${workspaceDir}\0${name}`;
    if (!this.packages.has(key)) this.packages.set(key, { workspaceDir, name, reason });
  }

  /** A config that names entries Steward cannot read (computed at run time): the package's unused files are then less certain. */
  entriesUnreadable(workspaceDir: string, origin: string): void {
    if (!this.unreadable.has(workspaceDir)) this.unreadable.set(workspaceDir, origin);
  }

  /** A published package without an `exports` map: any of its files may be imported by its users. */
  openToDeepImports(workspaceDir: string, name: string): void {
    this.open.set(workspaceDir, name);
  }

  warn(sentence: string): void {
    this.warnings.add(sentence);
  }

  /** True the first time `key` is seen: a config named by several scripts is handled once. */
  firstVisit(key: string): boolean {
    if (this.visited.has(key)) return false;
    this.visited.add(key);
    return true;
  }

  /** Code files matching a repo-relative glob; each glob is compiled once and tried only below its fixed prefix. */
  matchGlob(glob: string): string[] {
    let found = this.globs.get(glob);
    if (!found) {
      const matches = this.globMatcher(glob);
      const base = globBase(glob);
      found = this.discovery.codeFiles.filter((path) => isWithin(path, base) && matches(path));
      this.globs.set(glob, found);
    }
    return found;
  }

  /** A matcher for a glob written in a config; one that is refused (empty, pathological) matches nothing and is reported. */
  globMatcher(glob: string): (path: string) => boolean {
    try {
      return compileGlob(glob, { dot: true });
    } catch (error) {
      if (!(error instanceof GlobError)) throw error;
      this.warn(`${error.message[0]!.toUpperCase()}${error.message.slice(1)} (ignored).`);
      return () => false;
    }
  }

  /** Code files with a folder of this name in their path (`__mocks__`), listed once. */
  codeFilesInFolderNamed(name: string): string[] {
    let found = this.inFolders.get(name);
    if (!found) {
      found = this.discovery.codeFiles.filter((path) => dirname(path).split('/').includes(name));
      this.inFolders.set(name, found);
    }
    return found;
  }

  /**
   * The code file a config or script means by `path`: the file itself, the TypeScript source of a `.js`
   * path (ESM imports name the output), or, without an extension, `path.ts`… and `path/index.ts`….
   */
  findCodeFile(path: string): string | null {
    for (const candidate of sourceCandidates(path)) if (this.codeFiles.has(candidate)) return candidate;
    return null;
  }

  /** Parsed content of a tracked config, read once; undefined (a warning naming it, and its package's entries uncertain) when it cannot be read. */
  readConfig(path: string): unknown {
    if (this.configs.has(path)) return this.configs.get(path);
    const text = this.tree.readFile(path);
    const read = text === undefined ? undefined : readConfigText(path, text);
    const value = read?.ok ? read.value : undefined;
    if (!read?.ok) {
      this.warn(read ? `${path} could not be read statically (${read.error}); its entry points are missing.` : `${path} could not be read; its entry points are missing.`);
      // What it names is unknown, so the package's unused files are less certain.
      this.entriesUnreadable(this.workspaceOf(this.discovery.packages, path)?.dir ?? '', path);
    }
    this.configs.set(path, value);
    return value;
  }

  /** The deepest workspace containing `path`. */
  workspaceOf<T extends { dir: string }>(workspaces: readonly T[], path: string): T | undefined {
    return workspaces.filter(({ dir }) => isWithin(path, dir)).reduce<T | undefined>((best, next) => (!best || next.dir.length > best.dir.length ? next : best), undefined);
  }

  result(): EntryPoints {
    return {
      entries: [...this.entries].map(([path, { reason, production }]) => ({ path, reason, production })).sort((a, b) => compare(a.path, b.path)),
      scriptBinaries: [...this.binaries.values()],
      referencedPackages: [...this.packages.values()].sort((a, b) => compare(a.workspaceDir, b.workspaceDir) || compare(a.name, b.name)),
      ignore: [...this.ignored],
      unreadableEntries: [...this.unreadable].map(([workspaceDir, origin]) => ({ workspaceDir, origin })),
      openPackages: [...this.open].map(([workspaceDir, name]) => ({ workspaceDir, name })),
      warnings: [...this.warnings],
    };
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Output and source extensions a path written in a config may stand for, most literal first. */

/** Reads each workspace's package.json once; a broken one is a warning and counts as absent. */
export function readWorkspaces(context: EntryContext): WorkspaceInfo[] {
  return context.discovery.packages.map(({ dir }) => {
    const candidate = joinPath(dir, 'package.json');
    const packageJsonPath = context.tracked.has(candidate) ? candidate : null;
    const packageJson = packageJsonPath ? readManifest(context, packageJsonPath) : null;
    return { dir, packageJsonPath, packageJson, dependencies: dependencyNames(packageJson), tools: new Map() };
  });
}

function readManifest(context: EntryContext, path: string): PackageJson | null {
  const warnings: string[] = [];
  const manifest = readPackageJson(context.tree, path, warnings);
  for (const warning of warnings) context.warn(warning);
  if (manifest === null || isPlainData(manifest)) return manifest;
  context.warn(`${path} is nested too deeply to read (ignored).`);
  return null;
}

function dependencyNames(packageJson: PackageJson | null): Set<string> {
  const fields = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];
  return new Set(fields.flatMap((field) => (isObject(packageJson?.[field]) ? Object.keys(packageJson[field]) : [])));
}

/** A value written in a config as a path: a plain string (relative to a base the tool decides) or a located path. */
export type PathValue = string | ResolvedPath;

/** Strings and located paths in a config value, through arrays and object values (entry maps). */
export function pathValues(value: unknown): PathValue[] {
  if (typeof value === 'string' || value instanceof ResolvedPath) return [value];
  if (Array.isArray(value)) return value.flatMap(pathValues);
  if (isObject(value) && !(value instanceof RepositoryPattern)) return Object.values(value).flatMap(pathValues);
  return [];
}

export function isPathValue(value: unknown): value is PathValue {
  return typeof value === 'string' || value instanceof ResolvedPath;
}

/** A config that exports an array of configurations (webpack, rollup, tsup) is several. */
export function configsIn(value: unknown): Record<string, unknown>[] {
  return (Array.isArray(value) ? value : [value]).filter(isObject);
}

/** Repo-relative path of a config value, resolved against `base` unless the config located it itself. */
export function locate(base: string, value: PathValue): string {
  return value instanceof ResolvedPath ? value.path : joinPath(base, value);
}

interface EntryTarget {
  /** Where relative paths start. */
  base: string;
  reason: string;
  production: boolean;
  /** Names the setting in the warning for a path that is not in the repository, e.g. `vite.config.ts build.lib.entry`. */
  origin: string;
  /** Globs (from `base`) of files the setting leaves out, like vitest's `test.exclude`. */
  exclude?: readonly PathValue[];
}

/**
 * Adds the files a config setting names: globs expand against the code files; a plain path must exist
 * (as itself or as its source), else the setting is reported. Tracked non-code files (html, css) are
 * not entries and not errors.
 */
export function addPathEntries(context: EntryContext, values: readonly PathValue[], target: EntryTarget): void {
  const excluded = (target.exclude ?? []).map((value) => context.globMatcher(locate(target.base, value)));
  for (const value of values) {
    if (typeof value === 'string' && value.startsWith('!')) continue;
    const path = locate(target.base, value);
    if (isGlob(path)) {
      for (const match of context.matchGlob(path)) if (!excluded.some((matches) => matches(match))) context.addEntry(match, target.reason, target.production);
      continue;
    }
    const file = context.findCodeFile(path);
    if (file) context.addEntry(file, target.reason, target.production);
    else if (!context.tracked.has(path) && !isTrackedFolder(context, path)) context.warn(`${target.origin} names ${path}, which is not in the repository.`);
  }
}

function isTrackedFolder(context: EntryContext, path: string): boolean {
  return context.tree.paths.some((tracked) => tracked.startsWith(`${path}/`));
}

/** `pkg`, `@scope/pkg` from a module specifier with a subpath; null for relative and absolute paths. */
export function packageNameOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('<rootDir>') || /^[a-zA-Z]:[\\/]/.test(specifier)) return null;
  return packageOfSpecifier(specifier);
}

/** Directory of a config: where its relative paths start by default. */
export function configDir(config: LoadedConfig): string {
  return dirname(config.path);
}

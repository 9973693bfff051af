import type { ImportEdge } from '../architecture/import-graph.js';
import type { LockedPeers } from '../dependencies/lockfile-peers.js';
import type { Discovery } from '../discover/discover-project.js';
import type { ProjectTree } from '../discover/project-tree.js';
import { dirname, joinPath } from '../discover/repo-paths.js';
import type { Workspace } from '../discover/workspaces.js';
import type { FileFacts } from '../facts/file-facts.js';
import { isComponentDocument, isHtmlDocument, isScriptDocument } from '../facts/document-scripts.js';
import type { Resolution, ResolveModule } from '../resolve/module-resolver.js';
import { sourceOfOutput } from '../resolve/build-output.js';
import type { DeadCodeFinding, DeadCodeKind, DeadCodeResult, UnjudgedFinding, WorkspaceTotals } from './dead-code.js';
import { judgeConfidence } from './confidence.js';
import { findDependencyIssues } from './dependency-usage.js';
import type { EntryPoint, EntryPoints, ReferencedPackage } from './entry-points.js';
import type { PathAlias } from './path-aliases.js';
import { findReachableFiles } from './reachable-files.js';
import { findUnresolvedImports } from './unresolved-imports.js';
import { findUnusedExports } from './unused-exports.js';
import { workspaceLocator } from './workspace-of.js';
import { GlobError, compileGlob } from '../patterns/glob.js';

interface DeadCodeOptions {
  /** Search from production entries only (no tests, no dev tooling) and leave devDependencies alone. */
  production: boolean;
  /** Report unused exports of entry files too (by default an entry's exports are its public API). */
  includeEntryExports: boolean;
  /** Globs of files whose findings are not reported (from steward.config.json). */
  ignore: readonly string[];
}

export interface DeadCodeInput {
  tree: ProjectTree;
  workspaces: readonly Workspace[];
  /** Code files and script documents (MDX, components: whose imports count; see scriptDocumentsOf). */
  facts: ReadonlyMap<string, FileFacts>;
  edges: readonly ImportEdge[];
  resolve: ResolveModule;
  entryPoints: EntryPoints;
  /** Files a generator wrote: entries (regenerated, never deleted) whose imports count. */
  generated: ReadonlySet<string>;
  /** tsconfig `paths` patterns, so that `@/x` is never taken for a package. */
  pathAliases: readonly PathAlias[];
  /** Peer dependencies by package, from the lockfiles: what installed package.json files would say. */
  lockedPeers: LockedPeers;
  /** Tracked symbolic links: an import of one finds a file, though Steward does not follow it. */
  symlinks: readonly string[];
  /** For code that names build output (`new URL('../dist/cli.js', import.meta.url)`): outDir → rootDir. */
  tsconfigs: Discovery['tsconfigs'];
  options: DeadCodeOptions;
  warnings: string[];
}

const kindOrder: readonly DeadCodeKind[] = ['file', 'export', 'type', 'enum-member', 'dependency', 'dev-dependency', 'misplaced-dependency', 'unlisted-dependency', 'unresolved-import'];

/**
 * entries → reachable files → demanded exports → findings. Every finding errs on the side of "used":
 * a file a non-literal import may load, a namespace that escapes, a global declaration file, a
 * dependency a config names: each counts as used, because a false "unused" breaks a build.
 */
export function findDeadCode(input: DeadCodeInput): DeadCodeResult {
  const { facts, options } = input;
  const workspaceOf = workspaceLocator(input.workspaces);
  const { edges, resolve } = withRuntimeTargets(input, workspaceOf);
  const entries = entriesFor(input);
  const reach = findReachableFiles(
    facts,
    edges,
    entries.map((entry) => entry.path),
  );
  const live = new Set([...reach.reachable, ...reach.possiblyUsed.keys()]);
  // A document's exports are its page's metadata or its component's API, never dead code.
  const entryPaths = entries.map((entry) => entry.path).filter((path) => !options.includeEntryExports || isScriptDocument(path));

  const findings = [
    ...unusedFiles(facts, live, reach.importers, entries.length, workspaceOf),
    ...findUnusedExports({
      facts,
      resolve,
      live,
      // A generated file's exports are its generator's business (route trees, API clients), whatever includeEntryExports says.
      wholeModules: new Set([...entryPaths, ...input.generated, ...reach.possiblyUsed.keys(), ...reach.globImported]),
      importers: reach.importers,
      workspaceOf,
    }),
    ...findDependencyIssues({
      tree: input.tree,
      workspaces: input.workspaces,
      facts,
      live,
      resolve: input.resolve,
      scriptBinaries: options.production ? [] : input.entryPoints.scriptBinaries,
      referencedPackages: [...input.entryPoints.referencedPackages, ...implicitPackageUses(input, live, workspaceOf)],
      pathAliases: input.pathAliases,
      lockedPeers: input.lockedPeers,
      production: options.production,
      warnings: input.warnings,
    }),
    ...findUnresolvedImports({ edges, live, trackedPaths: new Set([...input.tree.paths, ...input.symlinks]), pathAliases: input.pathAliases, workspaceOf }),
  ];
  const ignoreGlobs = [...options.ignore, ...input.entryPoints.ignore].flatMap((glob) => {
    try {
      return [compileGlob(glob, { dot: true })];
    } catch (error) {
      if (!(error instanceof GlobError)) throw error;
      input.warnings.push(`An ignore pattern was refused: ${error.message}.`);
      return [];
    }
  });
  const ignored = (path: string): boolean => ignoreGlobs.some((matches) => matches(path));
  const judged = judgeConfidence(
    findings.filter((finding) => !ignored(finding.path)),
    { workspaces: input.workspaces, files: [...facts.keys()], workspaceOf, live, entries, targets: reach.targets, importers: reach.importers, unreadableEntries: input.entryPoints.unreadableEntries, openPackages: input.entryPoints.openPackages },
  );
  const reported = judged.findings.sort(byKindThenPlace);
  return {
    production: options.production,
    findings: reported,
    entries: entries.map(({ path, reason }) => ({ path, reason })),
    possiblyUsed: [...reach.possiblyUsed].map(([path, reason]) => ({ path, reason })).sort((a, b) => a.path.localeCompare(b.path)),
    stats: { files: facts.size, reachable: live.size, entries: entries.length },
    workspaces: totalsByWorkspace(input.workspaces, reported),
    doubts: judged.doubts,
  };
}

/**
 * Where relative references lead at run time, beyond what TypeScript answers. A reference to a file
 * that is not in the repository may name build output: a bin script loading `../dist/cli/main.js`,
 * a worker URL; it leads to the source the build makes that file from. And `./x.js` beside an
 * `x.ts` resolves to x.ts for the compiler but loads x.js when run: both are in use.
 */
function withRuntimeTargets(
  { edges, facts, tsconfigs, resolve }: DeadCodeInput,
  workspaceOf: (path: string) => string,
): { edges: ImportEdge[]; resolve: ResolveModule } {
  const codeFiles = new Set(facts.keys());
  const sources = new Map<string, Resolution>();
  const runtime: ImportEdge[] = [];
  const rewired = edges.map((edge) => {
    if (!edge.specifier.startsWith('.')) return edge;
    const written = joinPath(dirname(edge.from), edge.specifier);
    if (edge.target.kind === 'file' && edge.target.path !== written && codeFiles.has(written)) runtime.push({ ...edge, target: { kind: 'file', path: written } });
    if (edge.target.kind !== 'unresolved') return edge;
    const source = sourceOfOutput({ tsconfigs }, codeFiles, workspaceOf(edge.from), written);
    if (source === null) return edge;
    const target: Resolution = { kind: 'file', path: source };
    sources.set(`${edge.from}\0${edge.specifier}`, target);
    return { ...edge, target };
  });
  return { edges: [...rewired, ...runtime], resolve: (specifier, fromPath) => sources.get(`${fromPath}\0${specifier}`) ?? resolve(specifier, fromPath) };
}

/**
 * The entries the search starts from, plus declaration files: tsc loads them through its `include`
 * globs, not through imports, so their globals and module augmentations are always in effect.
 */
function entriesFor({ facts, entryPoints, options, generated }: DeadCodeInput): EntryPoint[] {
  const entries = entryPoints.entries.filter((entry) => !options.production || entry.production);
  const known = new Set(entries.map((entry) => entry.path));
  for (const path of facts.keys()) {
    if (known.has(path)) continue;
    if (generated.has(path)) entries.push({ path, reason: 'written by a generator (regenerated, not deleted; its imports count)', production: true });
    else if (/\.d\.[cm]?ts$/.test(path)) entries.push({ path, reason: 'declaration file (tsc loads it through tsconfig include)', production: true });
    else if (isHtmlDocument(path)) entries.push({ path, reason: 'HTML page (the imports of its inline scripts are used)', production: true });
    else if (isComponentDocument(path)) entries.push({ path, reason: 'component document (Steward does not follow templates: its script imports count as used)', production: true });
    else if (isScriptDocument(path)) entries.push({ path, reason: 'MDX document (a docs page: its imports are used)', production: true });
  }
  return entries;
}

/**
 * Packages that compile what the code imports without being imported themselves: JSX needs react
 * (`react/jsx-runtime`), `.scss` needs sass, `.less` less, `.styl` stylus.
 */
function implicitPackageUses({ facts }: DeadCodeInput, live: ReadonlySet<string>, workspaceOf: (path: string) => string): ReferencedPackage[] {
  const uses = new Map<string, ReferencedPackage>();
  const use = (path: string, name: string, reason: string): void => {
    const workspaceDir = workspaceOf(path);
    const key = `${workspaceDir}\0${name}`;
    if (!uses.has(key)) uses.set(key, { workspaceDir, name, reason });
  };
  for (const path of live) {
    if (/\.[jt]sx$/.test(path)) use(path, 'react', `JSX in ${path}`);
    for (const { specifier } of facts.get(path)!.imports) {
      const style = /\.(s[ac]ss|less|styl)(?:\?.*)?$/.exec(specifier)?.[1];
      if (style) use(path, stylePreprocessors[style]!, `${specifier} imported by ${path}`);
    }
  }
  return [...uses.values()];
}

const stylePreprocessors: Record<string, string> = { scss: 'sass', sass: 'sass', less: 'less', styl: 'stylus' };

function unusedFiles(
  facts: ReadonlyMap<string, FileFacts>,
  live: ReadonlySet<string>,
  importers: ReadonlyMap<string, readonly string[]>,
  entryCount: number,
  workspaceOf: (path: string) => string,
): UnjudgedFinding[] {
  const findings: UnjudgedFinding[] = [];
  for (const path of facts.keys()) {
    if (live.has(path)) continue;
    const from = [...(importers.get(path) ?? [])].sort();
    const reason =
      from.length === 0
        ? `no file imports it, and it is not one of the ${entryCount} entries`
        : `imported only by ${from.length === 1 ? 'a file that is' : `${from.length} files that are`} unused too, and not reachable from any of the ${entryCount} entries`;
    findings.push({ kind: 'file', path, line: 1, name: path, workspace: workspaceOf(path), reason, importers: from, lines: facts.get(path)!.codeLines });
  }
  return findings;
}

function totalsByWorkspace(workspaces: readonly Workspace[], findings: readonly DeadCodeFinding[]): WorkspaceTotals[] {
  return workspaces.map(({ dir, name }) => {
    const counts: WorkspaceTotals['findings'] = {};
    for (const finding of findings) if (finding.workspace === dir) counts[finding.kind] = (counts[finding.kind] ?? 0) + 1;
    return { dir, name, findings: counts };
  });
}

function byKindThenPlace(a: DeadCodeFinding, b: DeadCodeFinding): number {
  return kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || a.path.localeCompare(b.path) || a.line - b.line || a.name.localeCompare(b.name);
}

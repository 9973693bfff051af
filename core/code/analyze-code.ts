import { createHash } from 'node:crypto';
import { type BoundaryViolation, findBoundaryViolations } from '../../analyzers/architecture/boundary-rules.js';
import { type ImportCycle, findImportCycles } from '../../analyzers/architecture/import-cycles.js';
import { buildImportEdges } from '../../analyzers/architecture/import-graph.js';
import { type ComplexitySummary, summarizeComplexity } from '../../analyzers/complexity/summarize-complexity.js';
import type { ComplexityThresholds } from '../../analyzers/complexity/thresholds.js';
import { type DeprecatedUse, findDeprecatedUses } from '../../analyzers/deprecations/deprecated-uses.js';
import { doubtNamedFiles } from '../../analyzers/deadcode/confidence.js';
import type { DeadCodeFinding, DeadCodeResult } from '../../analyzers/deadcode/dead-code.js';
import { type FileMention, findFileMentions, mentionNeedles } from '../../analyzers/deadcode/file-mentions.js';
import { type DeadCodeInput, findDeadCode } from '../../analyzers/deadcode/find-dead-code.js';
import type { CodeStats } from '../api/code.js';
import type { FileFacts, ParseError } from '../../analyzers/facts/file-facts.js';
import { packageNameOf } from '../../analyzers/resolve/package-name.js';
import { factsEngineVersion } from '../../analyzers/facts/file-facts.js';
import { scriptDocumentsOf } from '../../analyzers/facts/document-scripts.js';
import { type StewardConfig, parseStewardConfig } from '../config/steward-config.js';
import { grepCommit } from '../git/grep-commit.js';
import type { TreeListing } from '../git/tree-files.js';
import type { Database } from '../store/database.js';
import { ProjectContextCache } from '../store/project-context-cache.js';
import { plural, preview } from '../wording.js';
import { type ProjectLayout, readProjectLayout } from './project-layout.js';
import type { PackageDeprecations } from '../../analyzers/deprecations/package-deprecations.js';
import { checkCodeFileCount } from './code-file-limit.js';
import { readInstalledDeprecations } from './installed-deprecations.js';
import { readLockedPeers } from './locked-peers.js';
import { prefetchCodeFacts, readCodeFacts } from './read-code-facts.js';

/** Everything the code engine learns about one commit. */
export interface CodeAnalysis {
  stats: CodeStats;
  config: StewardConfig;
  complexity: ComplexitySummary;
  deprecatedUses: DeprecatedUse[];
  cycles: ImportCycle[];
  boundaryViolations: BoundaryViolation[];
  /** The dead-code search, run when asked for (once per mode): complexity alone does not pay for it. */
  deadCode(production: boolean): Promise<DeadCodeResult>;
  /** Folders of the packages: workspaces, and projects of their own with a package.json or deno.json ('' for the root). */
  packageDirs: string[];
  /** How many files import each package (by bare specifier): what an upgrade of it may touch. */
  importers: ReadonlyMap<string, number>;
  excluded: { path: string; reason: string }[];
  parseErrors: (ParseError & { path: string })[];
}

interface AnalyzeCodeOptions {
  /** The run's caches (facts by blob, project contexts): the store's, or this machine's (core/store/store-choice.ts). */
  cache: Database;
  root: string;
  /** The tree of the commit being analysed. */
  tree: TreeListing;
  parseWorkerUrl: URL | string;
  /** The user's complexity thresholds, for a repository whose steward.config.json sets none. */
  thresholds?: ComplexityThresholds;
  /** Read the packages installed in the work tree's node_modules (false for a past commit: they were installed for another). */
  installed?: boolean;
  signal: AbortSignal;
  progress(done: number, total: number, detail?: string): void;
  warn(message: string, options?: { partial?: boolean }): void;
}

/** discover → facts (cached by content) → complexity, deprecated uses, import cycles, boundary violations, dead code. */
export async function analyzeCode({ cache, root, tree, parseWorkerUrl, thresholds, installed = true, signal, progress, warn }: AnalyzeCodeOptions): Promise<CodeAnalysis> {
  const started = performance.now();
  const { files } = tree;
  const prefetched = prefetchCodeFacts(cache, files, factsEngineVersion, parseWorkerUrl);
  const layout = await readProjectLayout(cache, root, files, signal, { installed }).then(withinCodeFileLimit).catch(async (error: unknown) => {
    await prefetched.parser.close();
    throw error;
  });
  const { discovery } = layout;
  for (const warning of discovery.warnings) warn(warning);
  const config = parseStewardConfig(layout.stewardConfigText, warn, thresholds);

  const codePaths = new Set(discovery.codeFiles);
  const codeFiles = files.filter((file) => codePaths.has(file.path));
  const code = await readCodeFacts({ db: cache, root, files: codeFiles, engineVersion: factsEngineVersion, parseWorkerUrl, signal, progress, prefetched });
  if (code.missing.length > 0) {
    warn(`${plural(code.missing.length, 'code file')} could not be read because git does not have their content: ${preview(code.missing)}`, {
      partial: true,
    });
  }
  signal.throwIfAborted();

  const resolve = await layout.resolverFor(code.facts);
  const edges = buildImportEdges(code.facts, resolve);
  const workspaceDirs = discovery.workspaces.map((workspace) => workspace.dir);
  const packages = installed ? await readInstalledDeprecations({ db: cache, root, facts: code.facts, resolve, workspaceDirs, engineVersion: factsEngineVersion, signal }) : new Map<string, PackageDeprecations>();
  const searches = new Map<boolean, Promise<DeadCodeResult>>();
  const deadCode = (production: boolean): Promise<DeadCodeResult> => {
    let search = searches.get(production);
    if (!search) {
      search = analyzeDeadCode({ cache, root, tree, parseWorkerUrl, signal, warn }, layout, { facts: code.facts, edges, generated: code.generated }, config, production);
      searches.set(production, search);
    }
    return search;
  };
  const symlinks = tree.symlinks.map((path) => ({ path, reason: 'symbolic link (not followed)' }));
  const excluded = [...discovery.excluded, ...code.excluded, ...symlinks].sort((a, b) => a.path.localeCompare(b.path));
  const analysis = {
    config,
    complexity: summarizeComplexity(
      [...code.facts].map(([path, facts]) => ({ path, facts })),
      config.thresholds,
    ),
    deprecatedUses: findDeprecatedUses(code.facts, resolve, packages),
    cycles: findImportCycles(edges),
    boundaryViolations: findBoundaryViolations(edges, config.boundaries),
    deadCode,
    packageDirs: discovery.packages.map((workspace) => workspace.dir),
    importers: packageImporters(code.facts),
    excluded,
    parseErrors: code.parseErrors,
  };
  const stats: CodeStats = {
    files: codeFiles.length,
    parsed: code.stats.parsed,
    cached: code.stats.cached,
    excluded: excluded.length,
    parseErrors: new Set(code.parseErrors.map((error) => error.path)).size,
    durationMs: Math.round(performance.now() - started),
  };
  return { stats, ...analysis };
}

function withinCodeFileLimit(layout: ProjectLayout): ProjectLayout {
  checkCodeFileCount(layout.discovery.codeFiles.length);
  return layout;
}

/**
 * Dead code, from the code's facts plus what only this search needs: the imports of documents
 * (MDX and VitePress pages, Vue, Svelte and Astro components), the lockfiles' peer dependencies, and the entry points.
 */
async function analyzeDeadCode(
  { cache, root, tree, parseWorkerUrl, signal, warn }: Pick<AnalyzeCodeOptions, 'cache' | 'root' | 'tree' | 'parseWorkerUrl' | 'signal' | 'warn'>,
  layout: ProjectLayout,
  code: Pick<DeadCodeInput, 'facts' | 'edges'> & { generated: ReadonlyMap<string, FileFacts> },
  config: StewardConfig,
  production: boolean,
): Promise<DeadCodeResult> {
  const documentPaths = new Set(scriptDocumentsOf(tree.files.map((file) => file.path)));
  const documents = await readCodeFacts({
    db: cache,
    root,
    files: tree.files.filter((file) => documentPaths.has(file.path)),
    engineVersion: factsEngineVersion,
    parseWorkerUrl,
    signal,
    progress: () => {},
  });
  const unreadable = [...documents.missing, ...new Set(documents.parseErrors.map((error) => error.path))];
  if (unreadable.length > 0) {
    warn(`The imports of ${plural(unreadable.length, 'document')} could not be read in full, so files only they use may be reported unused: ${preview(unreadable)}`);
  }
  // Files generators wrote count as documents do: their imports are uses (auto-import declarations, route trees).
  const extra = new Map([...documents.facts, ...documents.generated, ...code.generated]);
  const facts = new Map([...code.facts, ...extra]);
  const resolve = await layout.resolverFor(facts);
  const { entry, ignore, includeEntryExports } = config.deadCode;
  const entryPoints = await layout.entryPoints({ entry, ignore });
  for (const warning of entryPoints.warnings) warn(warning);
  const warnings: string[] = [];
  const result = findDeadCode({
    tree: layout.tree,
    workspaces: layout.discovery.packages,
    facts,
    edges: [...code.edges, ...buildImportEdges(extra, resolve)],
    generated: new Set([...code.generated.keys(), ...documents.generated.keys()]),
    resolve,
    symlinks: tree.symlinks,
    lockedPeers: await readLockedPeers(cache, root, tree.files, signal),
    entryPoints,
    tsconfigs: layout.discovery.tsconfigs,
    pathAliases: await layout.pathAliases(),
    options: { production, includeEntryExports, ignore },
    warnings,
  });
  for (const warning of new Set(warnings)) warn(warning);
  return { ...result, findings: doubtNamedFiles(result.findings, await namedUnusedFiles(cache, root, tree, result.findings, signal)) };
}

/** Texts larger than this are not searched for file names (minified bundles, data). */
const namingTextLimit = 1024 * 1024;

/**
 * Where the names of the unused files Steward is sure of are written outside the import graph: one
 * `git grep` of the commit, remembered for the commit (a re-scan of it does not search again).
 */
async function namedUnusedFiles(cache: Database, root: string, tree: TreeListing, findings: readonly DeadCodeFinding[], signal: AbortSignal): Promise<Map<string, FileMention>> {
  const sure = findings.filter((finding) => finding.kind === 'file' && finding.confidence === 'high').map((finding) => finding.path);
  if (sure.length === 0) return new Map();
  const contexts = new ProjectContextCache(cache);
  const key = createHash('sha256').update(`file-mentions\0${factsEngineVersion}\0${tree.commit}\0${sure.join('\0')}`).digest('hex');
  const cached = contexts.get<[string, FileMention][]>(key);
  if (cached) return new Map(cached);
  const large = tree.files.filter((file) => file.size > namingTextLimit).map((file) => file.path);
  const lines = await grepCommit(root, tree.commit, sure.flatMap(mentionNeedles), { exclude: large, signal });
  const mentions = findFileMentions(sure, lines, new Set(tree.files.map((file) => file.path)));
  contexts.put(key, [...mentions]);
  return mentions;
}

/** Files importing each package: bare specifiers of static imports, re-exports, `import()` and `require()`. */
function packageImporters(facts: ReadonlyMap<string, FileFacts>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const file of facts.values()) {
    const specifiers = new Set([...file.imports, ...file.reExports, ...file.dynamicImports].flatMap((entry) => (entry.specifier && !/^[./]/.test(entry.specifier) ? [packageNameOf(entry.specifier)] : [])));
    for (const name of specifiers) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

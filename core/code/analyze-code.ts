import { type BoundaryViolation, findBoundaryViolations } from '../../analyzers/architecture/boundary-rules.js';
import { type ImportCycle, findImportCycles } from '../../analyzers/architecture/import-cycles.js';
import { buildImportEdges } from '../../analyzers/architecture/import-graph.js';
import { type ComplexitySummary, summarizeComplexity } from '../../analyzers/complexity/summarize-complexity.js';
import { type DeprecatedUse, findDeprecatedUses } from '../../analyzers/deprecations/deprecated-uses.js';
import type { CodeStats } from '../api/code.js';
import type { ParseError } from '../../analyzers/facts/file-facts.js';
import { factsEngineVersion } from '../../analyzers/facts/file-facts.js';
import { type StewardConfig, parseStewardConfig } from '../config/steward-config.js';
import type { TreeListing } from '../git/tree-files.js';
import type { Database } from '../store/database.js';
import { plural, preview } from '../wording.js';
import { readProjectLayout } from './project-layout.js';
import { readInstalledDeprecations } from './installed-deprecations.js';
import { readCodeFacts } from './read-code-facts.js';

/** Everything the code engine learns about one commit. */
export interface CodeAnalysis {
  stats: CodeStats;
  config: StewardConfig;
  complexity: ComplexitySummary;
  deprecatedUses: DeprecatedUse[];
  cycles: ImportCycle[];
  boundaryViolations: BoundaryViolation[];
  excluded: { path: string; reason: string }[];
  parseErrors: (ParseError & { path: string })[];
}

export interface AnalyzeCodeOptions {
  db: Database;
  root: string;
  /** The tree of the commit being analysed. */
  tree: TreeListing;
  parseWorkerUrl: URL | string;
  signal: AbortSignal;
  progress(done: number, total: number, detail?: string): void;
  warn(message: string, options?: { partial?: boolean }): void;
}

/** discover → facts (cached by content) → complexity, deprecated uses, import cycles, boundary violations. */
export async function analyzeCode({ db, root, tree, parseWorkerUrl, signal, progress, warn }: AnalyzeCodeOptions): Promise<CodeAnalysis> {
  const started = performance.now();
  const { files } = tree;
  const layout = await readProjectLayout(db, root, files, signal);
  const { discovery } = layout;
  for (const warning of discovery.warnings) warn(warning);
  const config = parseStewardConfig(layout.stewardConfigText, warn);

  const codePaths = new Set(discovery.codeFiles);
  const codeFiles = files.filter((file) => codePaths.has(file.path));
  const code = await readCodeFacts({ db, root, files: codeFiles, engineVersion: factsEngineVersion, parseWorkerUrl, signal, progress });
  if (code.missing.length > 0) {
    warn(`${plural(code.missing.length, 'code file')} could not be read because git does not have their content: ${preview(code.missing)}`, {
      partial: true,
    });
  }
  signal.throwIfAborted();

  const resolve = await layout.resolverFor(code.facts);
  const edges = buildImportEdges(code.facts, resolve);
  const workspaceDirs = discovery.workspaces.map((workspace) => workspace.dir);
  const packages = await readInstalledDeprecations({ db, root, facts: code.facts, resolve, workspaceDirs, engineVersion: factsEngineVersion, signal });
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

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalysisContext, AnalysisRun } from '../analyses/analysis.js';
import { analyses } from '../analyses/registry.js';
import type { AnalysisId } from '../api/analyses.js';
import type { CoverageReport } from '../api/coverage.js';
import type { DependencyReport } from '../api/dependencies.js';
import type { ScanEnvironment } from '../api/snapshots.js';
import { type CodeAnalysis, analyzeCode } from '../code/analyze-code.js';
import { gitVersion, partOfOperation } from '../git/git-runner.js';
import { saveHealthScore } from '../health/health-store.js';
import { scoreFoundItems, scoreInventory } from '../health/score-inventory.js';
import { headWarnings } from '../git/head-warnings.js';
import { type HistorySummary, cachedHistorySummary } from '../git/history-summary.js';
import { inspectRepository } from '../git/inspect-repository.js';
import { type ScanIdentities, readScanIdentities } from '../identities/scan-identities.js';
import { type TreeListing, listTreeFiles } from '../git/tree-files.js';
import type { Database } from '../store/database.js';
import { insertGitHistory } from '../store/snapshot-git-history.js';
import { readSettings } from '../store/settings.js';
import { type SaveResults, saveSnapshot } from '../store/snapshots.js';
import { fingerprintsFor, updateInventory } from '../inventory/update-inventory.js';
import type { FoundItem } from '../api/inventory.js';
import { inventoryOf } from './inventory-of.js';
import { countLines, countLinesWeight } from './line-counts.js';

interface ScanProgress {
  step: string;
  /** 0…1 over the whole run. */
  progress: number;
  detail: string;
}

export interface RunScanOptions {
  db: Database;
  /** Where the caches are (AnalysisContext.cache); the store itself when not given. */
  cache?: Database | undefined;
  repositoryId: number;
  /** The registered path; checked again now, since the folder may have changed since it was added. */
  path: string;
  /** The analyses to run, in the registry's order whatever the order here. */
  analyses: readonly AnalysisId[];
  /** What each analysis is told (validated by the analysis; what is not given takes its default). */
  options: Partial<Record<AnalysisId, unknown>>;
  /** Save a snapshot (a scan), or only hand back the reports (`steward complexity` and the like). */
  save: boolean;
  /** Save a new snapshot even when HEAD was already scanned today with the same analyses and inputs (core/store/snapshots.ts). */
  rescan?: boolean | undefined;
  parseWorkerUrl: URL | string;
  signal: AbortSignal;
  onProgress: (progress: ScanProgress) => void;
  /** Each analysis's report as soon as it is made (before the snapshot, which is saved once all are). */
  onReport?: (analysis: AnalysisId, report: unknown) => void;
  now?: () => Date;
  /**
   * A past commit to analyse instead of HEAD (a backfill): saved as a snapshot of kind `backfill`,
   * its ages measured at its date, node_modules never read, its history taken from the stored log,
   * and its items scored without entering the inventory (which tells the state of HEAD).
   */
  past?: PastCommit;
}

interface PastCommit {
  commit: string;
  committedAt: Date;
}

interface ScanOutcome {
  /** Null when nothing was saved. */
  snapshotId: number | null;
  /** The snapshot is an earlier scan's twin, kept instead of saving this one. */
  alreadyScanned?: boolean;
  /** The findings as items, for a run that saved nothing (a scan keeps them in the inventory). */
  items?: FoundItem[];
  root: string;
  branch: string | null;
  commit: string;
  warnings: string[];
  reports: Partial<Record<AnalysisId, unknown>>;
  stats: Partial<Record<AnalysisId, Record<string, unknown>>>;
}

/**
 * Runs analyses on the repository's HEAD commit: the one pipeline behind a scan (which saves a
 * snapshot of the commit in one transaction, with its line counts, git summary and the inputs it took
 * from outside the commit) and behind the CLI's analysis commands (which save nothing).
 */
export async function runScan(options: RunScanOptions): Promise<ScanOutcome> {
  const { db, signal, onProgress, now = () => new Date() } = options;
  const cache = options.cache ?? db;
  const startedAt = now();
  const settings = readSettings(db);
  // What the run is not told comes from the user's settings.
  const given = (options.options.dependencies ?? {}) as { registry?: string };
  const told: RunScanOptions['options'] = {
    ...options.options,
    dependencies: {
      offline: settings.dependencies.offline,
      ...(settings.dependencies.registry && given.registry === undefined ? { registry: settings.dependencies.registry, registrySource: 'Steward settings' } : {}),
      ...given,
    },
  };
  onProgress({ step: 'Reading repository', progress: 0, detail: options.path });
  const { past } = options;
  const { root, head: checkedOut } = await inspectRepository(options.path, signal);
  const head = past ? { commit: past.commit, branch: null } : checkedOut;
  const warnings = past ? [] : await headWarnings(root, head, signal);
  let partial = false;

  // The analyses run side by side (each waits for what it needs: the code engine's analysis, the
  // history summary), so that git's log is read while the code is parsed; a failing one stops the rest.
  const stop = new AbortController();
  const running = partOfOperation(AbortSignal.any([signal, stop.signal]), signal);
  let listing: Promise<TreeListing> | undefined;
  let code: Promise<CodeAnalysis> | undefined;
  let summary: Promise<HistorySummary> | undefined;
  let identities: Promise<ScanIdentities> | undefined;
  const selected = Object.values(analyses).filter((analysis) => options.analyses.includes(analysis.descriptor.id));
  // Progress is shown for the first step (in this order) still running; the fraction is of them all.
  const steps = [
    ...selected.map((analysis) => ({ key: analysis.descriptor.id as string, title: analysis.descriptor.title, weight: analysis.weight })),
    ...(options.save ? [{ key: 'lines', title: 'Counting lines of code', weight: countLinesWeight }] : []),
  ];
  const doneWeight = new Map<string, number>();
  const fractionDone = (): number => [...doneWeight.values()].reduce((sum, value) => sum + value, 0) / totalWeight;
  const totalWeight = steps.reduce((sum, step) => sum + step.weight, 0);
  const warningsOf = new Map<string, string[]>();
  let stepsRunning = true;
  const finished = new Set<string>();
  const contextFor = (key: string, title: string, weight: number): AnalysisContext => {
    const context: AnalysisContext = {
      root,
      commit: head.commit,
      signal: running,
      db,
      cache,
      treeFiles: () => (listing ??= listTreeFiles(root, head.commit, running)),
      codeAnalysis: () => {
        if (!code) {
          code = context.treeFiles().then((tree) =>
            analyzeCode({ cache, root, tree, parseWorkerUrl: options.parseWorkerUrl, thresholds: settings.complexity, installed: !past, signal: running, progress: context.progress, warn: context.warn }),
          );
          // Shared, and awaited by each analysis when it needs it: a failure reaches them, never the process.
          code.catch(() => {});
        }
        return code;
      },
      historySummary: () => (summary ??= cachedHistorySummary(cache, root, head.commit, running)),
      identities: () => (identities ??= context.treeFiles().then((tree) => readScanIdentities({ db, root, tree, signal: running, warn: context.warn }))),
      parseWorkerUrl: options.parseWorkerUrl,
      now: startedAt,
      asOf: past?.committedAt,
      installed: !past,
      progress(done, total, detail = '') {
        doneWeight.set(key, (total > 0 ? Math.min(done / total, 1) : 1) * weight);
        const front = steps.find((step) => !finished.has(step.key));
        if (front?.key !== key) return;
        onProgress({ step: title, progress: fractionDone(), detail });
      },
      warn(message, warning) {
        if (stepsRunning) warningsOf.set(key, [...(warningsOf.get(key) ?? []), message]);
        else warnings.push(message);
        partial ||= warning?.partial === true;
      },
    };
    return context;
  };
  // A finished step hands the progress line to the next one still running (which may say nothing until it is done).
  const finish = (key: string, weight: number): void => {
    finished.add(key);
    doneWeight.set(key, weight);
    const front = steps.find((step) => !finished.has(step.key));
    if (front) onProgress({ step: front.title, progress: fractionDone(), detail: '' });
  };

  const reports: ScanOutcome['reports'] = {};
  const stats: ScanOutcome['stats'] = {};
  const runs = selected.map(async (analysis) => {
    const { id, title } = analysis.descriptor;
    const run: AnalysisRun<unknown> = await analysis.run(contextFor(id, title, analysis.weight), analysis.options.parse(told[id] ?? {}));
    running.throwIfAborted();
    reports[id] = run.report;
    if (run.stats) stats[id] = run.stats;
    finish(id, analysis.weight);
    options.onReport?.(id, run.report);
  });
  const lines = options.save
    ? countLines(contextFor('lines', 'Counting lines of code', countLinesWeight)).then((counted) => {
        finish('lines', countLinesWeight);
        return counted;
      })
    : undefined;
  let failure: { error: unknown } | undefined;
  await Promise.all(
    [...runs, ...(lines ? [lines] : [])].map((promise) =>
      promise.then(
        () => {},
        (error: unknown) => {
          failure ??= { error };
          stop.abort();
        },
      ),
    ),
  );
  signal.throwIfAborted();
  if (failure) throw failure.error;
  // Each step's warnings together (they ran side by side): the line count's, then the analyses' in order.
  const warningOrder = ['lines', ...selected.map((analysis) => analysis.descriptor.id)];
  warnings.push(...warningOrder.flatMap((key) => warningsOf.get(key) ?? []));
  stepsRunning = false;
  // Saved in the registry's order, whatever order they finished in.
  const saves: SaveResults[] = [];
  let linesOfCode = 0;
  if (lines) {
    const counted = await lines;
    saves.push(counted.save);
    linesOfCode = counted.linesOfCode;
  }
  for (const analysis of selected) {
    const { id } = analysis.descriptor;
    saves.push((target, snapshotId) => analysis.save(target, snapshotId, reports[id] as never));
  }
  const inventory = await inventoryOf({
    db,
    repositoryId: options.repositoryId,
    root,
    commit: head.commit,
    tree: await contextFor('', '', 0).treeFiles(),
    code: code ? await code : undefined,
    reports,
    renames: options.save && !past,
    signal,
    warn: (message) => warnings.push(message),
  });
  const result = { root, branch: head.branch, commit: head.commit, warnings, reports, stats };
  if (!options.save) {
    const fingerprints = fingerprintsFor(db, options.repositoryId, inventory.items);
    const items = inventory.items.map(({ kind, analysis, title, path, line, symbol, severity, confidence, confidenceReason, cost, owner, fix }, index) => ({
      fingerprint: fingerprints[index]!,
      kind,
      analysis,
      title,
      path,
      line,
      symbol,
      severity,
      confidence,
      confidenceReason,
      cost,
      owner,
      fix,
    }));
    return { snapshotId: null, ...result, items };
  }

  onProgress({ step: 'Saving snapshot', progress: 1, detail: '' });
  const history = await contextFor('', '', 0).historySummary();
  const scanIdentities = await contextFor('', '', 0).identities();
  const environment: ScanEnvironment = {
    now: (past?.committedAt ?? startedAt).toISOString(),
    nodeModules: past ? 'not read' : existsSync(join(root, 'node_modules')) ? 'installed' : 'absent',
    dependencies: dependencyEnvironment(reports.dependencies as DependencyReport | undefined),
    coverage: (reports.coverage as CoverageReport | undefined)?.sources.map(({ file, modifiedAt, matchesCommit }) => ({ file, modifiedAt, matchesCommit })) ?? null,
    git: await gitVersion(root),
    identities: scanIdentities.used,
  };
  const saved = saveSnapshot(
    db,
    {
      repositoryId: options.repositoryId,
      kind: past ? 'backfill' : 'head',
      commit: head.commit,
      commitDate: history.committedAt === null ? null : new Date(history.committedAt).toISOString(),
      branch: head.branch,
      status: partial ? 'partial' : 'complete',
      startedAt: startedAt.toISOString(),
      finishedAt: now().toISOString(),
      analyzerVersions: Object.fromEntries(selected.map((analysis) => [analysis.descriptor.id, analysis.version])),
      warnings,
      environment,
    },
    [
      ...saves,
      (target, id) => insertGitHistory(target, id, history, scanIdentities.resolve),
      ...(past
        ? [(target: Database, id: number) => saveHealthScore(target, scoreFoundItems(target, { repositoryId: options.repositoryId, snapshotId: id, items: inventory.items }))]
        : [
            (target: Database, id: number) => updateInventory(target, { ...inventory, snapshotId: id, analyses: spokenFor(selected, reports), linesOfCode, now: startedAt }),
            (target: Database, id: number) => saveHealthScore(target, scoreInventory(target, { repositoryId: options.repositoryId, snapshotId: id })),
          ]),
    ],
    { rescan: options.rescan ?? false },
  );
  return { ...saved, ...result };
}

function dependencyEnvironment(report: DependencyReport | undefined): ScanEnvironment['dependencies'] {
  if (!report) return null;
  const advisories = report.advisories.status === 'checked' ? report.advisories.source : `none (${report.advisories.note ?? 'unavailable'})`;
  return { registries: report.registries.map(({ url, source }) => ({ url, source })), offline: report.metadata.offline, advisories };
}

/** The analyses whose reports speak for their items (one without input, such as coverage without a coverage file, does not). */
function spokenFor(selected: readonly (typeof analyses)[AnalysisId][], reports: Partial<Record<AnalysisId, unknown>>): AnalysisId[] {
  return selected.filter((analysis) => (analysis.spoke as ((report: unknown) => boolean) | undefined)?.(reports[analysis.descriptor.id]) ?? true).map((analysis) => analysis.descriptor.id);
}

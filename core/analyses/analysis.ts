import type { z } from 'zod';
import type { AnalysisDescriptor, AnalysisId, AnalysisReport } from '../api/analyses.js';
import type { CodeAnalysis } from '../code/analyze-code.js';
import type { HistorySummary } from '../git/history-summary.js';
import type { ScanIdentities } from '../identities/scan-identities.js';
import type { TreeListing } from '../git/tree-files.js';
import type { ItemContext, ItemDraft } from '../inventory/item-draft.js';
import type { Database } from '../store/database.js';

/** What every analysis of one run can ask for; what several need is computed once per run. */
export interface AnalysisContext {
  /** Top-level folder of the work tree. */
  readonly root: string;
  /** The commit being analysed; analyses read the commit's content, never the working tree. */
  readonly commit: string;
  readonly signal: AbortSignal;
  /** The store: settings, imported test results (an analysis's results are saved by `save`). */
  readonly db: Database;
  /** The run's caches that outlive the snapshot (facts by blob, memos, git logs, registry answers): the store's own, or this machine's file (core/store/store-choice.ts). */
  readonly cache: Database;
  /** The commit's files. */
  treeFiles(): Promise<TreeListing>;
  /** The code engine's analysis of the commit (with the progress of the analysis that asks first). */
  codeAnalysis(): Promise<CodeAnalysis>;
  /** Commit count, dates, contributors, shallowness. */
  historySummary(): Promise<HistorySummary>;
  /** Who each author is: the commit's .mailmap and the user's identity map. */
  identities(): Promise<ScanIdentities>;
  /** The parse-worker module, for analyses that parse on every core. */
  readonly parseWorkerUrl: URL | string;
  /** When the run started: the clock (caches' ages; every other age of a HEAD scan). */
  readonly now: Date;
  /** For a past commit (a backfill): its date, when ages are measured instead of `now`. */
  readonly asOf: Date | undefined;
  /** Whether the work tree's node_modules was installed for this commit (HEAD); a past commit's never was. */
  readonly installed: boolean;
  /** Reports how far this analysis is; the run turns it into progress over the whole run. */
  progress(done: number, total: number, detail?: string): void;
  /** A note for the user. `partial` marks the snapshot as missing some input. */
  warn(message: string, options?: { partial?: boolean }): void;
}

export interface AnalysisRun<Report> {
  report: Report;
  /** How the run went (files parsed or taken from the cache, time): printed by the CLI, not stored. */
  stats?: Record<string, unknown>;
}

/**
 * One analysis: its descriptor (name, report schema, tab, command: core/api/analyses.ts), how it
 * runs, and how its report is saved with a snapshot and loaded back. The scan pipeline, the
 * `snapshots.<id>` routes, the CLI commands and the app's tabs all come from the registry of these.
 */
export interface Analysis<Id extends AnalysisId = AnalysisId, Options = unknown> {
  readonly descriptor: AnalysisDescriptor<Id, z.ZodType<AnalysisReport<Id>>>;
  /** Bumped whenever the report would change for the same input. */
  readonly version: string;
  /** Rough share of a scan's time, for the progress bar. */
  readonly weight: number;
  /** What a run may be told (CLI flags, settings); a scan uses the defaults of what it is not told. */
  readonly options: z.ZodType<Options>;
  run(context: AnalysisContext, options: Options): Promise<AnalysisRun<AnalysisReport<Id>>>;
  /** Runs inside the snapshot's single transaction. */
  save(db: Database, snapshotId: number, report: AnalysisReport<Id>): void;
  /** undefined for a snapshot taken without this analysis. */
  load(db: Database, snapshotId: number): AnalysisReport<Id> | undefined;
  /** The debt items its report holds; the inventory gives them identity, cost, owner and status. */
  items(report: AnalysisReport<Id>, context: ItemContext): ItemDraft[];
  /**
   * Whether the report speaks for its items (default: yes). One that had no input (no coverage file)
   * neither finds nor resolves them: the inventory keeps them as last seen.
   */
  spoke?(report: AnalysisReport<Id>): boolean;
}

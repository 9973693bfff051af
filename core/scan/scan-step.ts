import type { DependencyScanOptions } from '../api/scans.js';
import type { CodeAnalysis } from '../code/analyze-code.js';
import type { TreeListing } from '../git/tree-files.js';
import type { Database } from '../store/database.js';
import type { SaveResults } from '../store/snapshots.js';

export interface StepContext {
  /** Top-level folder of the work tree. */
  readonly root: string;
  /** The commit being scanned; steps read the commit's content, never the working tree. */
  readonly commit: string;
  readonly signal: AbortSignal;
  /** The scan's connection, for caches that outlive the snapshot (results are saved by the returned function). */
  readonly db: Database;
  /** The commit's files, listed once per scan for every step that needs them. */
  treeFiles(): Promise<TreeListing>;
  /** The code engine's analysis of the commit, run once per scan (with the progress of the step that asks first). */
  codeAnalysis(): Promise<CodeAnalysis>;
  /** The parse-worker module, for steps that parse on every core. */
  readonly parseWorkerUrl: URL | string;
  /** How the dependency check asks registries (`steward scan --registry/--offline`). */
  readonly dependencies: DependencyScanOptions;
  /** When the scan started: "now" for every step's ages. */
  readonly now: Date;
  /** Reports how far this step is; the pipeline turns it into progress over the whole scan. */
  progress(done: number, total: number, detail?: string): void;
  /** A note for the user. `partial` marks the snapshot as missing some input. */
  warn(message: string, options?: { partial?: boolean }): void;
}

/**
 * One analysis in the scan pipeline. A step reads what it needs, computes its results, and returns
 * the function that saves them, which runs inside the snapshot's single transaction.
 */
export interface ScanStep {
  readonly id: string;
  readonly title: string;
  /** Bumped whenever the step's results would change for the same input. */
  readonly version: string;
  /** Rough share of the scan's time, for the progress bar. */
  readonly weight: number;
  run(context: StepContext): Promise<SaveResults>;
}

import type { RegistryTarget } from '../../analyzers/dependencies/npmrc.js';
import type { UpgradeRisk } from '../../analyzers/drafts/draft-risk.js';
import type { AnalysisId } from '../api/analyses.js';
import type { DraftPlan, DraftRequest, DraftUnit } from '../api/drafts.js';
import type { DraftKind, FoundItem } from '../api/inventory.js';
import type { RunResult } from '../api/scans.js';
import type { Database } from '../store/database.js';
import type { ManagerCommands } from './package-manager.js';

/** What a draft kind is given while it drafts. */
export interface DraftContext {
  db: Database;
  /** Where the caches are (code facts, registry answers): the store, or this machine's file beside a team store. */
  cache: Database;
  repositoryId: number;
  /** The draft's worktree. */
  folder: string;
  baseCommit: string;
  request: DraftRequest;
  /** The items to fix, as the scan of the base commit finds them. */
  items: readonly FoundItem[];
  /** The scan of the base commit. */
  base: RunResult;
  manager: ManagerCommands;
  registryFor(name: string): RegistryTarget;
  parseWorkerUrl: URL | string;
  signal: AbortSignal;
  now: Date;
  warn(message: string): void;
  /** A step the draft cannot take and a person must (a deprecation without a plain replacement). */
  manual(step: DraftPlan['manual'][number]): void;
}

/** One commit of a draft, as planned: the units it moves (split in halves when a gate fails, never inside a unit). */
export interface PlannedGroup {
  title: string;
  units: DraftUnit[];
}

/** What a kind explains of the change it drafted, for the plan and the risk. */
export interface DraftExplanation {
  /** Where the code uses what the draft (and what it left out) changes. */
  impact: DraftPlan['impact'];
  /** Uses of what the committed units change: the risk counts them. */
  callSites: number;
  /** How much of the files using it the tests cover, in percent; null when unknown. */
  coveredPercent: number | null;
  releaseNotes: DraftPlan['releaseNotes'];
  upgrades: UpgradeRisk[];
  /** Besides reverting the commits, what a rollback must do. */
  sideEffects: string[];
}

/**
 * A kind of maintenance draft (core/drafts/kinds/): which items it takes, how it groups them into
 * commits, how it makes a group's change in the worktree, and what it tells of the result. The
 * worktree, gates, splitting, re-scan, rollback and audit are the same for every kind (run-draft.ts).
 */
export interface DraftKindModule {
  kind: DraftKind;
  /** Analyses whose scans of the base and of the draft show the items fixed and nothing new. */
  analyses: readonly AnalysisId[];
  /** After a commit, what its re-scan finds newly unused (of the kind's items, high confidence) is drafted in a follow-up commit. */
  followsUp?: boolean;
  /** Plans the commits; an empty plan (nothing it can do) says why through `warn`. */
  plan(context: DraftContext): Promise<PlannedGroup[]>;
  /** Makes the units' change in the worktree (at the previous commit) and returns the paths it changed. */
  apply(context: DraftContext, units: readonly DraftUnit[]): Promise<string[]>;
  /** The commit message of a group: its title, then the version table or the list of removals. */
  message(group: PlannedGroup): string;
  /** What the committed units change (impact, risk) and what the units left out would have (release notes, to see why they broke). */
  explain(context: DraftContext, committed: readonly DraftUnit[], leftOut: readonly DraftUnit[], typeErrors: readonly TypeCheckError[]): Promise<DraftExplanation>;
}

/** A type error the typecheck gate printed (`file(line,col): error TS…`). */
export interface TypeCheckError {
  path: string;
  line: number;
  message: string;
}

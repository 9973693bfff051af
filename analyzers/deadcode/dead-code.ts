/** What the dead-code analysis reports: plain data, the same in the CLI's JSON, the store and the app. */

export type DeadCodeKind =
  | 'file'
  | 'export'
  | 'type'
  | 'enum-member'
  | 'dependency'
  | 'dev-dependency'
  | 'misplaced-dependency'
  | 'unlisted-dependency'
  | 'unresolved-import';

export type Confidence = 'high' | 'medium' | 'low';

export interface DeadCodeFinding {
  kind: DeadCodeKind;
  /** The file the finding is in (package.json for dependencies). */
  path: string;
  line: number;
  /** The export, `Enum.member`, package or specifier; the path itself for an unused file. */
  name: string;
  /** Repository-relative folder of the workspace package ('' for the root). */
  workspace: string;
  /** One sentence a reviewer reads first: why Steward says so. */
  reason: string;
  /** The files that import this module: for an unused file, all of them are unused too. */
  importers: string[];
  /** Lines of code of an unused file (what deleting it removes). */
  lines?: number;
  /** How sure Steward is that acting on it breaks nothing, and why. */
  confidence: Confidence;
  confidenceReason: string;
}

/** A finding as an analysis finds it, before its confidence is judged (confidence.ts). */
export type UnjudgedFinding = Omit<DeadCodeFinding, 'confidence' | 'confidenceReason'>;

/** A package whose entries reach less than half its code files: Steward has most likely missed how it starts. */
export interface MissedEntries {
  workspace: string;
  /** Its package name, else its folder. */
  label: string;
  files: number;
  reachable: number;
  entries: number;
  /** Files nothing imports that most look like where it starts, best first. */
  likelyEntries: { path: string; why: string }[];
}

/** A package where nearly every file is an entry, so nothing in it can be found unused. */
export interface EntryFlood {
  workspace: string;
  label: string;
  files: number;
  entries: number;
  /** The entry reason that made most of them (e.g. a package.json "exports" wildcard), and how many. */
  cause: string;
  causeEntries: number;
}

export interface EntryDoubts {
  missedEntries: MissedEntries[];
  entryFloods: EntryFlood[];
}

/** Findings of one workspace package, by kind. */
export interface WorkspaceTotals {
  dir: string;
  name: string | null;
  findings: Partial<Record<DeadCodeKind, number>>;
}

/** Where the search for used code started, with the reason each file is an entry. */
interface EntryUsed {
  path: string;
  reason: string;
}

export interface DeadCodeResult {
  /** Searched from production entries only. */
  production: boolean;
  findings: DeadCodeFinding[];
  /** The entries the search started from (after `--production` filtering). */
  entries: EntryUsed[];
  /** Files kept as possibly used because a non-literal `import()`/`require()` may load them. */
  possiblyUsed: { path: string; reason: string }[];
  stats: { files: number; reachable: number; entries: number };
  /** Every workspace package, the root first, with its findings counted by kind. */
  workspaces: WorkspaceTotals[];
  /** Where the entries found are not to be trusted: too few (files unreached) or too many (every file an entry). */
  doubts: EntryDoubts;
}

import type { AnalysisId } from '../api/analyses.js';
import type { Confidence, ItemKind, Severity } from '../api/inventory.js';

/** What an analysis says of one finding; the inventory adds identity, cost, owner and status. */
export interface ItemDraft {
  kind: ItemKind;
  /** One line saying what it is. */
  title: string;
  path: string | null;
  line: number | null;
  /**
   * The function (qualified name and its ordinal among same-named functions of its file), export,
   * package or advisory: with the kind and the path, the item's identity. Never a line number.
   */
  symbol: string | null;
  evidence: Record<string, string | number | boolean | null | string[]>;
  severity: Severity;
  confidence: Confidence;
  confidenceReason: string;
  /** What the effort scales with (points over a threshold, lines, files, call sites); see docs/cost-model.md. */
  size: number;
  /** A CVSS base score, for vulnerabilities that carry one. */
  cvss?: number | undefined;
  /** What makes it the same finding: when this changes, an accepted or dismissed item is opened again. */
  material: string;
  fix: { text: string; draft: 'deps' | 'security' | 'deadcode' | 'deprecations' | null };
}

/** What turning a report into items may look up. */
export interface ItemContext {
  /** The blob of a file of the commit (for "its file changed"), when known. */
  blobOf(path: string): string | undefined;
  /** Files that import a package, when the code engine ran in the same run. */
  importersOf(packageName: string): number | null;
  /** Another analysis's report of the same run (undefined when it did not run), for items that join two (uncovered hotspots). */
  reportOf(analysis: AnalysisId): unknown;
}

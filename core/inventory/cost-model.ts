import { z } from 'zod';
import { parseJson } from '../../analyzers/documents/parse-document.js';
import { type Confidence, type DebtTotals, type ItemKind, ItemKindSchema, type Severity } from '../api/inventory.js';
import { describeZodError } from '../api/errors.js';
import type { ItemDraft } from './item-draft.js';

/**
 * What debt costs, SQALE-style (docs/cost-model.md gives every constant and where it comes from):
 * remediation effort in minutes per kind, a base plus minutes per unit of size (points over a
 * threshold, lines, files, call sites); interest in minutes per change of the item's file (a complex
 * function changed weekly costs more than one untouched for years); risk from severity and
 * confidence (CVSS for vulnerabilities that carry one). A repository may set its own in
 * steward.config.json `cost`.
 */
interface KindCost {
  /** Minutes to fix one, before size. */
  base: number;
  /** Minutes per unit of the item's size (0: size does not matter). */
  perUnit: number;
  /** Size counted at most this much (a very large unused file is not deleted a line at a time). */
  maxUnits: number;
  /** Minutes each change of its file costs while it stays (per unit of size for complex functions). */
  perChange: number;
  /** Minutes a month it costs whatever the changes (dependencies drifting further). */
  perMonth: number;
}

const defaultKinds: Record<ItemKind, KindCost> = {
  // SonarQube's rule S3776 (cognitive complexity): 5 min + 1 min per point over the threshold.
  'complex-function': { base: 5, perUnit: 1, maxUnits: 200, perChange: 0.5, perMonth: 0 },
  'complex-file': { base: 30, perUnit: 0.1, maxUnits: 3000, perChange: 10, perMonth: 0 },
  hotspot: { base: 120, perUnit: 0, maxUnits: 0, perChange: 30, perMonth: 0 },
  // Deleting a file: checking nothing loads it by path, then removing it; longer files take longer to check.
  'unused-file': { base: 5, perUnit: 0.02, maxUnits: 2000, perChange: 2, perMonth: 0 },
  'unused-export': { base: 2, perUnit: 0, maxUnits: 0, perChange: 1, perMonth: 0 },
  'unused-type': { base: 2, perUnit: 0, maxUnits: 0, perChange: 1, perMonth: 0 },
  'unused-enum-member': { base: 2, perUnit: 0, maxUnits: 0, perChange: 1, perMonth: 0 },
  'unused-dependency': { base: 5, perUnit: 0, maxUnits: 0, perChange: 0, perMonth: 1 },
  // Moving a declaration from one package.json to another.
  'misplaced-dependency': { base: 5, perUnit: 0, maxUnits: 0, perChange: 0, perMonth: 0 },
  'unlisted-dependency': { base: 5, perUnit: 0, maxUnits: 0, perChange: 0, perMonth: 0 },
  'unresolved-import': { base: 10, perUnit: 0, maxUnits: 0, perChange: 5, perMonth: 0 },
  // A major upgrade scales with the files that import the package (each may need a change).
  'stale-dependency': { base: 30, perUnit: 5, maxUnits: 40, perChange: 0, perMonth: 5 },
  'deprecated-dependency': { base: 60, perUnit: 5, maxUnits: 40, perChange: 0, perMonth: 10 },
  'abandoned-dependency': { base: 120, perUnit: 5, maxUnits: 40, perChange: 0, perMonth: 15 },
  vulnerability: { base: 15, perUnit: 5, maxUnits: 40, perChange: 0, perMonth: 0 },
  'deprecated-api-use': { base: 10, perUnit: 0, maxUnits: 0, perChange: 2, perMonth: 0 },
  'import-cycle': { base: 30, perUnit: 10, maxUnits: 20, perChange: 5, perMonth: 0 },
  'boundary-violation': { base: 30, perUnit: 0, maxUnits: 0, perChange: 5, perMonth: 0 },
  'knowledge-island': { base: 60, perUnit: 0, maxUnits: 0, perChange: 10, perMonth: 0 },
  'owners-inactive': { base: 60, perUnit: 0, maxUnits: 0, perChange: 15, perMonth: 0 },
  'debt-marker': { base: 15, perUnit: 0, maxUnits: 0, perChange: 1, perMonth: 0 },
  // Writing tests: a setup, then about a minute per line never run (a test per branch or two).
  'uncovered-complex-function': { base: 20, perUnit: 1, maxUnits: 300, perChange: 2, perMonth: 0 },
  'uncovered-hotspot': { base: 60, perUnit: 0.5, maxUnits: 1000, perChange: 10, perMonth: 0 },
  // Finding what a test depends on besides the code; every failure costs someone a re-run and a look.
  'flaky-test': { base: 90, perUnit: 0, maxUnits: 0, perChange: 0, perMonth: 30 },
};

/** Risk before confidence, by severity (0–100). */
const severityRisk: Record<Severity, number> = { critical: 90, high: 70, medium: 40, low: 20, info: 5 };
/** How much of its risk an item carries, by how sure Steward is of it. */
const confidenceWeight: Record<Confidence, number> = { high: 1, medium: 0.7, low: 0.4 };

/** SQALE's estimate of what a line of code cost to write, the denominator of the debt ratio. */
const defaultMinutesPerLine = 30;
/** Technical-debt ratio ratings (SQALE, as SonarQube grades maintainability). */
const ratingGrid = [
  { rating: 'A', upTo: 0.05 },
  { rating: 'B', upTo: 0.1 },
  { rating: 'C', upTo: 0.2 },
  { rating: 'D', upTo: 0.5 },
] as const;

export interface CostModel {
  kinds: Record<ItemKind, KindCost>;
  minutesPerLine: number;
}

export const defaultCostModel: CostModel = { kinds: defaultKinds, minutesPerLine: defaultMinutesPerLine };

const minutes = z.number().nonnegative().max(100_000);
const CostSectionSchema = z.strictObject({
  kinds: z.partialRecord(ItemKindSchema, z.strictObject({ base: minutes, perUnit: minutes, maxUnits: minutes, perChange: minutes, perMonth: minutes }).partial()).optional(),
  minutesPerLine: z.number().positive().max(10_000).optional(),
});

/** The repository's `cost` section of steward.config.json over the defaults; a malformed one gives a warning and the defaults. */
export function costModelOf(configText: string | undefined, warn: (message: string) => void): CostModel {
  if (configText === undefined) return defaultCostModel;
  let section: unknown;
  try {
    const config = parseJson(configText);
    section = typeof config === 'object' && config !== null ? (config as Record<string, unknown>)['cost'] : undefined;
  } catch {
    // An unreadable file is reported where the rest of it is read.
    return defaultCostModel;
  }
  if (section === undefined) return defaultCostModel;
  const parsed = CostSectionSchema.safeParse(section);
  if (!parsed.success) {
    warn(`steward.config.json cost is invalid (${describeZodError(parsed.error)}); the default costs are used`);
    return defaultCostModel;
  }
  const kinds = { ...defaultKinds };
  for (const [kind, given] of Object.entries(parsed.data.kinds ?? {}) as [ItemKind, Partial<KindCost>][]) kinds[kind] = { ...kinds[kind], ...given };
  return { kinds, minutesPerLine: parsed.data.minutesPerLine ?? defaultMinutesPerLine };
}

export interface ItemCost {
  effortMinutes: number;
  interestMinutesPerMonth: number;
  risk: number;
  priority: number;
}

/**
 * An item's cost; `changesPerMonth` is how often its file changed over the history window (0 when
 * unknown); `covered` the share (0–1) of its file's lines the tests run, when coverage was read: a
 * change where the tests do not look is riskier, up to half as risky again in a file they never run.
 */
export function costOf(draft: Pick<ItemDraft, 'kind' | 'size' | 'severity' | 'confidence' | 'cvss'>, changesPerMonth: number, model: CostModel, covered: number | null = null): ItemCost {
  const cost = model.kinds[draft.kind];
  const units = Math.min(draft.size, cost.maxUnits);
  const effortMinutes = round(cost.base + cost.perUnit * units);
  const perChange = draft.kind === 'complex-function' ? cost.perChange * draft.size : cost.perChange;
  const interestMinutesPerMonth = round(perChange * changesPerMonth + cost.perMonth);
  const base = draft.cvss !== undefined ? draft.cvss * 10 : severityRisk[draft.severity];
  const untested = covered === null ? 1 : 1 + 0.5 * (1 - Math.min(1, Math.max(0, covered)));
  const risk = round(Math.min(100, base * confidenceWeight[draft.confidence] * untested));
  // A year of interest plus the risk, per hour of work: what pays back first.
  const priority = round((12 * interestMinutesPerMonth + risk) / (Math.max(effortMinutes, 1) / 60));
  return { effortMinutes, interestMinutesPerMonth, risk, priority };
}

/** Totals of open items against the code they sit in: SQALE's technical-debt ratio and its A–E rating. */
export function debtTotals(open: { items: number; effortMinutes: number; interestMinutesPerMonth: number }, linesOfCode: number, model: CostModel): DebtTotals {
  const effortMinutes = round(open.effortMinutes);
  const debtRatio = linesOfCode > 0 ? effortMinutes / (model.minutesPerLine * linesOfCode) : null;
  return {
    items: open.items,
    effortMinutes,
    interestMinutesPerMonth: round(open.interestMinutesPerMonth),
    linesOfCode,
    debtRatio: debtRatio === null ? null : Math.round(debtRatio * 10_000) / 10_000,
    rating: debtRatio === null ? null : (ratingGrid.find((grade) => debtRatio <= grade.upTo)?.rating ?? 'E'),
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

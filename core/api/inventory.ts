import { z } from 'zod';
import { AnalysisIdSchema } from './analyses.js';
import { SnapshotIdSchema } from './snapshots.js';

/** Every kind of debt item, with how it is named wherever items are listed. */
export const itemKindTitles = {
  'complex-function': 'Complex function',
  'complex-file': 'Complex file',
  hotspot: 'Hotspot',
  'unused-file': 'Unused file',
  'unused-export': 'Unused export',
  'unused-type': 'Unused type',
  'unused-enum-member': 'Unused enum member',
  'unused-dependency': 'Unused dependency',
  'misplaced-dependency': 'Misplaced dependency',
  'unlisted-dependency': 'Unlisted dependency',
  'unresolved-import': 'Unresolved import',
  'stale-dependency': 'Stale dependency',
  'deprecated-dependency': 'Deprecated dependency',
  'abandoned-dependency': 'Abandoned dependency',
  vulnerability: 'Vulnerability',
  'deprecated-api-use': 'Deprecated API use',
  'import-cycle': 'Import cycle',
  'boundary-violation': 'Boundary violation',
  'knowledge-island': 'Knowledge island',
  'owners-inactive': 'Owners inactive',
  'debt-marker': 'Debt marker',
  'uncovered-complex-function': 'Uncovered complex function',
  'uncovered-hotspot': 'Uncovered hotspot',
  'flaky-test': 'Flaky test',
} as const;
export type ItemKind = keyof typeof itemKindTitles;
export const itemKinds = Object.keys(itemKindTitles) as ItemKind[];
export const ItemKindSchema = z.enum(itemKinds as [ItemKind, ...ItemKind[]]);

/** Kinds whose title is no noun to count by ("Owners inactive"): the noun a sentence uses, one and several. */
const kindNouns: Partial<Record<ItemKind, readonly [string, string]>> = {
  'owners-inactive': ['file whose owners left', 'files whose owners left'],
};

/** A kind of item as a sentence names it: "complex function", "2 deprecated API uses" (its title's first letter lowered, acronyms kept). */
export function itemKindNoun(kind: string, count: number): string {
  const [one, several] = kindNouns[kind as ItemKind] ?? [lowerFirst(itemKindTitles[kind as ItemKind] ?? kind), null];
  if (count === 1) return one;
  return several ?? (one.endsWith('y') ? `${one.slice(0, -1)}ies` : `${one}s`);
}

const lowerFirst = (title: string): string => (/^[A-Z][a-z]/.test(title) ? `${title[0]!.toLowerCase()}${title.slice(1)}` : title);

export const severities = ['critical', 'high', 'medium', 'low', 'info'] as const;
export const SeveritySchema = z.enum(severities);
export type Severity = z.infer<typeof SeveritySchema>;

export const confidences = ['high', 'medium', 'low'] as const;
const ConfidenceSchema = z.enum(confidences);
export type Confidence = z.infer<typeof ConfidenceSchema>;

/**
 * `open`: found in the snapshot and nobody decided otherwise; `resolved`: no longer found by the
 * analysis that found it; `accepted`: a person agreed it is debt and chose to keep it, with a reason;
 * `dismissed`: a person said it is not debt (a false finding), with a reason.
 */
export const itemStatuses = ['open', 'resolved', 'accepted', 'dismissed'] as const;
const ItemStatusSchema = z.enum(itemStatuses);
export type ItemStatus = z.infer<typeof ItemStatusSchema>;

/** What a maintenance draft does (core/drafts): the draft that can fix an item, when one can. */
export const draftKinds = ['deps', 'security', 'deadcode', 'deprecations'] as const;
export const DraftKindSchema = z.enum(draftKinds);
export type DraftKind = z.infer<typeof DraftKindSchema>;

/** The 16 letters a fingerprint is written in, one per 4 bits (consonants: no word, no number). */
export const fingerprintLetters = 'bcdfghjkmnpqrstv';
const FingerprintSchema = z.string().regex(new RegExp(`^[${fingerprintLetters}]{16}$`), 'A fingerprint is 16 letters, as steward inventory prints it');

const CostSchema = z.object({
  /** Minutes to fix it (docs/cost-model.md). */
  effortMinutes: z.number().nonnegative(),
  /** Minutes a month it costs while it stays, from how often its file changes. */
  interestMinutesPerMonth: z.number().nonnegative(),
  /** 0–100: how bad it is if it bites (severity, confidence, CVSS). */
  risk: z.number().min(0).max(100),
  /** (a year of interest + risk) per hour of effort: what to do first. */
  priority: z.number().nonnegative(),
});

const DebtItemSchema = z.object({
  /** Stable across scans, line moves, unrelated edits and renames git detects; never holds a line number. */
  fingerprint: FingerprintSchema,
  kind: ItemKindSchema,
  /** The analysis that found it. */
  analysis: AnalysisIdSchema,
  /** One line saying what it is. */
  title: z.string(),
  path: z.string().nullable(),
  line: z.number().int().positive().nullable(),
  /** The function, export, package or advisory it is about. */
  symbol: z.string().nullable(),
  /** The numbers behind it, as the analysis measured them. */
  evidence: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())])),
  severity: SeveritySchema,
  confidence: ConfidenceSchema,
  confidenceReason: z.string(),
  cost: CostSchema,
  owner: z.object({ name: z.string(), source: z.enum(['CODEOWNERS', 'history']) }).nullable(),
  fix: z.object({ text: z.string(), draft: DraftKindSchema.nullable() }),
  status: ItemStatusSchema,
  /** Why it was accepted or dismissed (or reopened), who said so and when. */
  decision: z.object({ reason: z.string(), by: z.string(), at: z.iso.datetime() }).nullable(),
  firstSeen: z.object({ snapshotId: SnapshotIdSchema, at: z.iso.datetime() }),
  lastSeen: z.object({ snapshotId: SnapshotIdSchema, at: z.iso.datetime() }),
  /** First seen in the snapshot listed (it was not in the one before). */
  isNew: z.boolean(),
});
export type DebtItem = z.infer<typeof DebtItemSchema>;

type EvidenceValue = DebtItem['evidence'][string];

/** An evidence field's name as people read it: `maxNesting` → "max nesting". */
export function evidenceName(name: string): string {
  return name.replace(/[A-Z]/g, (capital) => ` ${capital.toLowerCase()}`);
}

/** An evidence value as people read it, numbers and timestamps written as told, lists joined; null when there is nothing to show. */
export function evidenceText(value: EvidenceValue, write: { number: (value: number) => string; date: (iso: string) => string }): string | null {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return null;
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'number') return write.number(value);
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}T/.test(value) ? write.date(value) : value;
  return String(value);
}

/** A finding of a run that saved nothing: an item as the analysis and the cost model see it, with the fingerprint it has (or would have) in the inventory. */
export const FoundItemSchema = DebtItemSchema.pick({
  fingerprint: true,
  kind: true,
  analysis: true,
  title: true,
  path: true,
  line: true,
  symbol: true,
  severity: true,
  confidence: true,
  confidenceReason: true,
  cost: true,
  owner: true,
  fix: true,
});
export type FoundItem = z.infer<typeof FoundItemSchema>;

/** Technical-debt ratio (SQALE): remediation minutes ÷ (30 minutes × lines of code), and its rating. */
const DebtTotalsSchema = z.object({
  items: z.number().int().nonnegative(),
  effortMinutes: z.number().nonnegative(),
  interestMinutesPerMonth: z.number().nonnegative(),
  linesOfCode: z.number().int().nonnegative(),
  /** Null without code to measure against. */
  debtRatio: z.number().nonnegative().nullable(),
  rating: z.enum(['A', 'B', 'C', 'D', 'E']).nullable(),
});
export type DebtTotals = z.infer<typeof DebtTotalsSchema>;

export const inventorySorts = ['priority', 'effort', 'age', 'severity'] as const;

export const InventoryQuerySchema = z.object({
  repositoryId: z.number().int().positive(),
  /** Default: the latest snapshot (the newest scan of HEAD). */
  snapshotId: SnapshotIdSchema.optional(),
  /** One item. */
  fingerprint: FingerprintSchema.optional(),
  kinds: z.array(ItemKindSchema).optional(),
  /** Default: open, accepted and dismissed (resolved items are listed only when asked for). */
  statuses: z.array(ItemStatusSchema).optional(),
  confidences: z.array(ConfidenceSchema).optional(),
  severities: z.array(SeveritySchema).optional(),
  /** Items in this folder or below ('' for all). */
  folder: z.string().optional(),
  owner: z.string().optional(),
  /** Items first seen after this snapshot, or at or after this date (ISO). */
  since: z.union([SnapshotIdSchema, z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
  /** Only items in the product's own code (or in no file): not in tests, generated, vendored or built code (analyzers/discover/code-role.ts). */
  productCodeOnly: z.boolean().optional(),
  /** Words that must all appear in the title, path or symbol. */
  search: z.string().max(200).optional(),
  sort: z.enum(inventorySorts).default('priority'),
  /** Count what each filter would leave (for filter menus); a page further down the same list needs not. */
  facets: z.boolean().default(true),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().positive().max(100_000).default(200),
});

const InventoryPageSchema = z.object({
  snapshotId: SnapshotIdSchema,
  /** The snapshot before it (of HEAD), against which "new" and "resolved since" are told. */
  previousSnapshotId: SnapshotIdSchema.nullable(),
  /** Items matching the filters, of which `items` is the page asked for. */
  total: z.number().int().nonnegative(),
  items: z.array(DebtItemSchema),
  /** What the filters leave, counted by each facet (for filter menus); null when not asked for. */
  facets: z
    .object({
      kinds: z.partialRecord(ItemKindSchema, z.number().int()),
      statuses: z.partialRecord(ItemStatusSchema, z.number().int()),
      confidences: z.partialRecord(ConfidenceSchema, z.number().int()),
      severities: z.partialRecord(SeveritySchema, z.number().int()),
      owners: z.record(z.string(), z.number().int()),
    })
    .nullable(),
  /** Open items (not accepted or dismissed) of the folder filter's folder (of the repository without one), whatever the other filters. */
  totals: DebtTotalsSchema,
  /** Since the previous snapshot: items first seen, and items no longer found. */
  changes: z.object({ new: z.number().int().nonnegative(), resolved: z.number().int().nonnegative() }),
});
export type InventoryPage = z.infer<typeof InventoryPageSchema>;

const DecisionSchema = z.object({
  repositoryId: z.number().int().positive(),
  fingerprint: FingerprintSchema,
  reason: z.string().trim().min(1, 'Say why (a reason is required)').max(2000),
  /** Who decided (default: the user Steward runs as). */
  by: z.string().trim().min(1).max(200).optional(),
});

export const inventoryRoutes = {
  'inventory.list': { input: InventoryQuerySchema, output: InventoryPageSchema },
  'inventory.item': { input: z.object({ repositoryId: z.number().int().positive(), fingerprint: FingerprintSchema }), output: DebtItemSchema },
  /** Agreed debt, kept on purpose: left out of totals until it changes materially. */
  'inventory.accept': { input: DecisionSchema, output: DebtItemSchema },
  /** Not debt (a false finding): left out of totals until it changes materially. */
  'inventory.dismiss': { input: DecisionSchema, output: DebtItemSchema },
  'inventory.reopen': { input: DecisionSchema, output: DebtItemSchema },
} as const;

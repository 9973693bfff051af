import { z } from 'zod';
import { AnalysisIdSchema } from '../api/analyses.js';
import { ExportFiltersSchema } from '../api/exports.js';
import { type DebtItem, DraftKindSchema, ItemKindSchema, confidences, evidenceName, evidenceText, itemStatuses, severities } from '../api/inventory.js';

/**
 * The one definition of an exported debt item: its columns, in order, with their meaning and unit.
 * CSV, XLSX and JSON exports and `steward inventory --csv` all write these rows; the JSON Schema
 * (docs/export.schema.json) and the spreadsheet cell types are derived from it; docs/exports.md
 * lists the same columns.
 */
const ExportRowSchema = z.object({
  repository: z.string().describe("The repository's name (its folder's name)"),
  fingerprint: z.string().describe('The item\'s stable identity across scans, line moves and renames: 16 letters (steward item accept|dismiss|reopen takes it)'),
  kind: ItemKindSchema.describe('What kind of debt it is (docs/exports.md lists the kinds)'),
  title: z.string().describe('One line saying what it is'),
  path: z.string().nullable().describe("The file it is in, relative to the repository's root; empty for an item about the whole repository (a dependency, say)"),
  line: z.number().int().positive().nullable().describe('The line it starts at in that file (1-based); empty when it is about a whole file or none'),
  symbol: z.string().nullable().describe('The function, export, package or advisory it is about'),
  severity: z.enum(severities).describe('How bad it is: critical, high, medium, low or info'),
  confidence: z.enum(confidences).describe('How sure Steward is that it is debt: high, medium or low'),
  confidenceReason: z.string().describe('Why Steward is that sure'),
  effortHours: z.number().nonnegative().describe('Hours to fix it (the cost model, docs/cost-model.md), to 0.01 h'),
  interestHoursPerMonth: z.number().nonnegative().describe('Hours a month it costs while it stays (from how often its file changes), to 0.01 h'),
  risk: z.number().min(0).max(100).describe('How bad it is if it bites, 0–100 (severity, confidence, CVSS, test coverage)'),
  priority: z.number().nonnegative().describe('What to do first: (a year of interest in minutes + risk) per hour of effort; higher first'),
  status: z.enum(itemStatuses).describe('open, accepted (debt kept on purpose), dismissed (not debt) or resolved (no longer found)'),
  decisionReason: z.string().nullable().describe('Why a person accepted, dismissed or reopened it'),
  owner: z.string().nullable().describe('Who owns its code: the CODEOWNERS owner, else the main author in git history; empty when unknown'),
  ownerSource: z.enum(['CODEOWNERS', 'history']).nullable().describe('Where the owner comes from'),
  firstSeen: z.iso.date().describe('The day (UTC) of the first scan that found it'),
  isNew: z.boolean().describe('First found by the latest scan (not by the one before)'),
  evidence: z.string().describe('The measurements behind it, "name: value" separated by "; "'),
  fix: z.string().describe('The proposed fix'),
  draft: DraftKindSchema.nullable().describe('The maintenance draft that can make the fix (steward draft <kind>), if one can'),
  analysis: AnalysisIdSchema.describe('The analysis that found it'),
});
export type ExportRow = z.infer<typeof ExportRowSchema>;

export const exportColumns = Object.keys(ExportRowSchema.shape) as (keyof ExportRow)[];

/** A JSON export: the rows, with what they were taken from. */
export const ExportDocumentSchema = z
  .object({
    schemaVersion: z.literal(1).describe('Changes when a column is renamed or removed, or changes meaning (adding one does not)'),
    exportedAt: z.iso.datetime().describe('When the export was made (UTC)'),
    filters: ExportFiltersSchema.describe('The inventory filters and order the items were taken with'),
    repositories: z
      .array(
        z.object({
          name: z.string(),
          path: z.string().describe("The repository's folder on the machine that exported it"),
          snapshotId: z.number().int().positive().describe('The scan the items are of (steward history lists them)'),
          scannedAt: z.iso.datetime().describe('When that scan finished'),
          items: z.number().int().nonnegative().describe('How many of the items are of this repository'),
        }),
      )
      .describe('Every repository exported, with the scan its items are of'),
    items: z.array(ExportRowSchema).describe('One per debt item, in the order asked for (by repository, then by the sort)'),
  })
  .meta({ title: 'Steward inventory export', description: 'Debt items of the latest scan of each repository, as `steward export --format json` and the Inventory page write them (docs/exports.md)' });
export type ExportDocument = z.infer<typeof ExportDocumentSchema>;

const hours = (minutes: number): number => Math.round((minutes / 60) * 100) / 100;

/** A debt item as an exported row. */
export function exportRow(item: DebtItem, repository: string): ExportRow {
  return {
    repository,
    fingerprint: item.fingerprint,
    kind: item.kind,
    title: item.title,
    path: item.path,
    line: item.line,
    symbol: item.symbol,
    severity: item.severity,
    confidence: item.confidence,
    confidenceReason: item.confidenceReason,
    effortHours: hours(item.cost.effortMinutes),
    interestHoursPerMonth: hours(item.cost.interestMinutesPerMonth),
    risk: item.cost.risk,
    priority: item.cost.priority,
    status: item.status,
    decisionReason: item.decision?.reason ?? null,
    owner: item.owner?.name ?? null,
    ownerSource: item.owner?.source ?? null,
    firstSeen: new Date(item.firstSeen.at).toISOString().slice(0, 10),
    isNew: item.isNew,
    evidence: evidenceSummary(item.evidence),
    fix: item.fix.text,
    draft: item.fix.draft,
    analysis: item.analysis,
  };
}

/** "cognitive: 23; max nesting: 4; imports: a.ts:3 → b.ts, b.ts:1 → a.ts": the evidence in one cell, empty values left out. */
function evidenceSummary(evidence: DebtItem['evidence']): string {
  return Object.entries(evidence)
    .map(([name, value]) => [evidenceName(name), evidenceText(value, { number: String, date: (iso) => iso.slice(0, 10) })])
    .filter(([, text]) => text !== null)
    .map(([name, text]) => `${name}: ${text}`)
    .join('; ');
}

/** How a column is typed in a spreadsheet, read off its schema: numbers as numbers, days as dates, yes/no as booleans. */
export type CellType = 'text' | 'number' | 'date' | 'boolean';

interface JsonSchemaProperty {
  type?: string;
  format?: string;
  anyOf?: JsonSchemaProperty[];
}

function cellType(property: JsonSchemaProperty): CellType {
  const variants = property.anyOf ?? [property];
  if (variants.some((variant) => variant.type === 'number' || variant.type === 'integer')) return 'number';
  if (variants.some((variant) => variant.format === 'date')) return 'date';
  if (variants.some((variant) => variant.type === 'boolean')) return 'boolean';
  return 'text';
}

const rowProperties = (z.toJSONSchema(ExportRowSchema) as { properties: Record<keyof ExportRow, JsonSchemaProperty> }).properties;
export const columnTypes = Object.fromEntries(exportColumns.map((column) => [column, cellType(rowProperties[column])])) as Record<keyof ExportRow, CellType>;

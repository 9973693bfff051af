import { z } from 'zod';
import { InventoryQuerySchema } from './inventory.js';

/** The file formats the inventory exports to (docs/exports.md). */
export const exportFormats = ['csv', 'xlsx', 'json'] as const;
const ExportFormatSchema = z.enum(exportFormats);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

/** The inventory's filters and order, as an export applies them to the latest scan of each repository (an export has every item: no page). */
export const ExportFiltersSchema = InventoryQuerySchema.pick({ kinds: true, statuses: true, confidences: true, severities: true, folder: true, owner: true, since: true, search: true, sort: true, productCodeOnly: true });

const ExportRequestSchema = ExportFiltersSchema.extend({
  repositoryIds: z.array(z.number().int().positive()).min(1, 'Name at least one repository'),
  format: ExportFormatSchema,
  /** Leave out repositories never scanned, with a warning (an export of them all), instead of refusing. */
  skipUnscanned: z.boolean().default(false),
});
export type ExportFilters = z.infer<typeof ExportFiltersSchema>;
export type ExportRequest = z.infer<typeof ExportRequestSchema>;

const ExportFileSchema = z.object({
  fileName: z.string().min(1),
  mediaType: z.string().min(1),
  /** The file's bytes in base64, so that binary files (XLSX) cross IPC and HTTP as JSON. */
  content: z.base64(),
  /** Debt items exported (rows, not counting the header). */
  items: z.number().int().nonnegative(),
  /** Repositories left out, and why. */
  warnings: z.array(z.string()),
});
export type ExportFile = z.infer<typeof ExportFileSchema>;

export const exportRoutes = {
  /** The inventory as a file a spreadsheet or a script reads: one row per debt item, the same columns in every format. */
  'inventory.export': { input: ExportRequestSchema, output: ExportFileSchema },
} as const;

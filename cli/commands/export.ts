import { call } from '../../core/api/call.js';
import { StewardError } from '../../core/api/errors.js';
import { type ExportFormat, exportFormats } from '../../core/api/exports.js';
import type { Steward } from '../../core/steward.js';
import { plural } from '../../core/wording.js';
import { type InventoryFilterOptions, inventoryFilters } from '../inventory-filters.js';
import { outputFile, writeOutputFile } from '../output-file.js';

export interface ExportOptions extends InventoryFilterOptions {
  all?: boolean;
  format?: ExportFormat;
  out?: string;
  quiet?: boolean;
}

/**
 * `steward export`: the debt items of the latest scan of each repository named (or of all), one row
 * each, as CSV, XLSX or JSON; to a file (written whole or not at all) or to stdout.
 */
export async function exportCommand(steward: Steward, paths: string[], options: ExportOptions): Promise<void> {
  if (options.all && paths.length > 0) throw new StewardError('invalid-input', 'Name repositories or give --all, not both');
  if (!options.all && paths.length === 0) throw new StewardError('invalid-input', 'Name the repositories to export (steward export <path>…), or give --all');
  const format = options.format ?? formatOf(options.out);
  if (options.out === undefined && format === 'xlsx' && process.stdout.isTTY) throw new StewardError('invalid-input', 'An XLSX file is not for a terminal: give --out <file.xlsx>, or redirect the output to a file');
  // A path that cannot be written is refused before the work is done.
  const file = options.out === undefined ? undefined : outputFile(options.out);

  const repositories = options.all ? await call(steward.handlers, 'repositories.list', {}) : await Promise.all(paths.map((path) => call(steward.handlers, 'repositories.find', { path })));
  if (repositories.length === 0) throw new StewardError('not-found', 'No repositories yet. Add one with: steward scan <path>');
  const exported = await call(steward.handlers, 'inventory.export', {
    repositoryIds: repositories.map((repository) => repository.id),
    ...inventoryFilters(options),
    format,
    skipUnscanned: options.all === true,
  });
  for (const warning of exported.warnings) process.stderr.write(`steward: ${warning}\n`);
  const bytes = Buffer.from(exported.content, 'base64');
  if (file === undefined) {
    process.stdout.write(bytes);
    return;
  }
  writeOutputFile(file, bytes);
  if (!options.quiet) process.stderr.write(`Exported ${plural(exported.items, 'item')} to ${file}\n`);
}

/** The format an --out file's extension names, when --format is not given. */
function formatOf(out: string | undefined): ExportFormat {
  const extension = out?.split('.').pop()?.toLowerCase();
  const format = exportFormats.find((candidate) => candidate === extension);
  if (!format) throw new StewardError('invalid-input', `Give --format ${exportFormats.join('|')}${out === undefined ? '' : ` (the extension of ${out} names none)`}`);
  return format;
}

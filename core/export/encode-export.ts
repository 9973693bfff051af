import { stringify } from 'csv-stringify/sync';
import type { ExportFormat } from '../api/exports.js';
import { type CellType, type ExportDocument, type ExportRow, columnTypes, exportColumns } from './export-columns.js';

export const mediaTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
};

/** An export as the bytes of its file. */
export async function encodeExport(document: ExportDocument, format: ExportFormat): Promise<Buffer> {
  switch (format) {
    case 'csv':
      return Buffer.from(toCsv(document.items), 'utf8');
    case 'xlsx':
      return toXlsx(document);
    case 'json':
      return Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8');
  }
}

type Value = ExportRow[keyof ExportRow];

/**
 * A header row, then one row per item: RFC 4180 (csv-stringify: quotes where needed, CRLF between
 * records), with a UTF-8 byte-order mark, without which Excel reads names beyond ASCII as
 * Windows-1252 ("â€œ" for "“"). Days are ISO (2024-05-01), which Excel and LibreOffice read as dates.
 */
function toCsv(rows: readonly ExportRow[]): string {
  return stringify([exportColumns, ...rows.map((row) => exportColumns.map((column) => csvCell(row[column], columnTypes[column])))], { bom: true, record_delimiter: 'windows' });
}

/**
 * Text from a repository (a file name, a TODO's text, an author's name) that starts like a formula
 * would run as one when Excel opens the CSV: a leading apostrophe keeps it text (OWASP's advice).
 */
function csvCell(value: Value, type: CellType): string {
  if (value === null) return '';
  if (type === 'text' && typeof value === 'string' && /^[=+\-@\t\r]/.test(value)) return `'${value}`;
  return String(value);
}

/** The most a cell holds in Excel; a longer text makes the whole file unreadable to it. */
const cellLimit = 32_767;
/** Characters XML 1.0 cannot hold (a control character in a TODO's text would corrupt the sheet). */
// eslint-disable-next-line no-control-regex -- control characters are what it finds.
const notXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function xlsxCell(value: Value, type: CellType): string | number | boolean | Date | null {
  if (value === null) return null;
  if (type === 'date') return new Date(`${String(value)}T00:00:00Z`);
  if (typeof value !== 'string') return value;
  const text = value.replace(notXml, '\uFFFD');
  return text.length > cellLimit ? `${text.slice(0, cellLimit - 1)}…` : text;
}

/** Width in characters: the longest of the header and the first rows' values, within bounds. */
function columnWidth(column: keyof ExportRow, rows: readonly ExportRow[]): number {
  const longest = Math.max(column.length, ...rows.slice(0, 500).map((row) => (columnTypes[column] === 'date' ? 10 : String(row[column] ?? '').length)));
  return Math.min(60, Math.max(8, longest + 2));
}

/** One sheet of typed cells (numbers, dates, booleans, text) under a bold header row that stays in view and carries the filter buttons. */
async function toXlsx(document: ExportDocument): Promise<Buffer> {
  // Loaded here, not with the module: exceljs takes a quarter of a second to load, which every scan would pay.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Steward';
  workbook.created = new Date(document.exportedAt);
  const sheet = workbook.addWorksheet('Debt items', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = exportColumns.map((column) => ({
    header: column,
    key: column,
    width: columnWidth(column, document.items),
    ...(columnTypes[column] === 'date' ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRows(document.items.map((row) => exportColumns.map((column) => xlsxCell(row[column], columnTypes[column]))));
  const range = `$A$1:$${sheet.getColumn(exportColumns.length).letter}$${document.items.length + 1}`;
  sheet.autoFilter = range.replaceAll('$', '');
  // LibreOffice shows the filter buttons only with the sheet's own _xlnm._FilterDatabase name (Excel
  // makes one itself), and exceljs writes no name scoped to a sheet: its model is given the name whole.
  Object.defineProperty(workbook.definedNames, 'model', { value: [{ name: '_xlnm._FilterDatabase', localSheetId: 0, ranges: [`'${sheet.name}'!${range}`] }] });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

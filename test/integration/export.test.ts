import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DebtItem, InventoryPage } from '../../core/api/inventory.js';
import { exportColumns } from '../../core/export/export-columns.js';
import type { ExportDocument, ExportRow } from '../../core/export/export-columns.js';
import { steward, stewardJson } from '../support/cli.js';
import { createRepository, temporaryDirectory } from '../support/git-fixture.js';
import { orderShopFiles, util } from '../support/shop-fixture.js';

/** Names a spreadsheet must keep whole: beyond ASCII, commas, quotes and (git allows them in file names) line breaks. */
const owner = 'O\'Brien, Zoë “Zed”';
const oddFile = 'src/übersicht, "alt"\nversion.ts';
/** A file whose name reads as a formula to a spreadsheet. */
const formulaFile = '=SUM(1,2).ts';

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
if (!soffice) console.warn('export.test.ts: soffice (LibreOffice) is not installed: the tests that open the exports in LibreOffice are skipped');

/** Converts files with LibreOffice as a user's "Save as" would, into `folder`; one profile of its own, so that no other LibreOffice blocks it. */
function libreOfficeConvert(files: string[], to: string, folder: string, infilter?: string): void {
  const profile = join(folder, '.profile');
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', to, '--outdir', folder, ...files], { stdio: 'pipe' });
}

async function readSheet(file: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets[0]!;
}

/** A sheet's rows as plain values (LibreOffice writes a boolean as the formula TRUE() or FALSE()). */
function sheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    rows.push(exportColumns.map((_, index) => {
      const value = row.getCell(index + 1).value;
      if (value !== null && typeof value === 'object' && 'formula' in value && /^(TRUE|FALSE)\(\)$/.test(String(value.formula))) return value.formula === 'TRUE()';
      return value;
    }));
  });
  return rows;
}

/** Columns that hold the item's field of the same name, as it is. */
const asIs = ['fingerprint', 'kind', 'title', 'path', 'line', 'symbol', 'severity', 'confidence', 'confidenceReason', 'status', 'isNew', 'analysis'] as const;
const hours = (minutes: number): number => Math.round((minutes / 60) * 100) / 100;

/** What a row says of an item, as `steward inventory --json` has it. */
function expectedRow(item: DebtItem): Partial<ExportRow> {
  return {
    ...Object.fromEntries(asIs.map((field) => [field, item[field]])),
    repository: 'café',
    effortHours: hours(item.cost.effortMinutes),
    interestHoursPerMonth: hours(item.cost.interestMinutesPerMonth),
    risk: item.cost.risk,
    priority: item.cost.priority,
    owner: item.owner?.name ?? null,
    firstSeen: item.firstSeen.at.slice(0, 10),
    fix: item.fix.text,
    draft: item.fix.draft,
  };
}

/** A spreadsheet row (empty cells as null, days as dates) as the row it was made from. */
function asRow(cells: unknown[]): Partial<ExportRow> {
  const row = Object.fromEntries(exportColumns.map((column, index) => [column, cells[index] ?? null])) as Record<string, unknown>;
  if (row['firstSeen'] instanceof Date) row['firstSeen'] = row['firstSeen'].toISOString().slice(0, 10);
  return row as Partial<ExportRow>;
}

describe('steward export: the inventory as CSV, XLSX and JSON that spreadsheets and scripts read', () => {
  const home = temporaryDirectory();
  const repository = createRepository(join(temporaryDirectory(), 'café'), [
    {
      author: owner,
      email: 'zoe@example.com',
      date: '2024-01-01T09:00:00Z',
      files: {
        ...orderShopFiles('cafe'),
        'src/util.ts': `${util}// TODO: rename "total", later; naïve\n`,
        [oddFile]: 'export const old = 1;\n',
        [formulaFile]: 'export const formula = 1;\n',
      },
    },
  ]);
  const unscanned = createRepository(join(temporaryDirectory(), 'never-scanned'), [{ author: 'Ada', email: 'ada@example.com', date: '2024-01-01T09:00:00Z', files: { 'a.ts': 'export const a = 1;\n' } }]);
  const out = temporaryDirectory();
  let inventory: InventoryPage;

  beforeAll(() => {
    stewardJson(home, ['scan', repository, '--offline']);
    // Known to Steward (drafts' consent registers it), never scanned.
    expect(steward(home, ['draft', 'consent', unscanned]).status).toBe(0);
    inventory = stewardJson<InventoryPage>(home, ['inventory', repository]);
    expect(inventory.items.map((item) => item.path)).toEqual(expect.arrayContaining([oddFile, formulaFile]));
    for (const format of ['csv', 'xlsx', 'json']) {
      const result = steward(home, ['export', repository, '--out', join(out, `export.${format}`)]);
      expect([result.status, result.stderr]).toEqual([0, `Exported ${inventory.total} items to ${join(out, `export.${format}`)}\n`]);
    }
  });

  it('CSV: a byte-order mark, the documented header, quoted where needed; the same file as steward inventory --csv and as on stdout', () => {
    const csv = readFileSync(join(out, 'export.csv'), 'utf8');
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv.slice(1, csv.indexOf('\r\n'))).toBe(exportColumns.join(','));
    // RFC 4180: the odd name quoted whole, its quotes doubled, its line break kept inside the quotes.
    expect(csv).toContain('"src/übersicht, ""alt""\nversion.ts"');
    // A name that reads as a formula stays text in Excel.
    expect(csv).toContain(`,"'${formulaFile}",`);
    expect(csv).toContain(`"${owner.replaceAll('"', '""')}"`);
    expect(steward(home, ['export', repository, '--format', 'csv']).stdout).toBe(csv);
    expect(steward(home, ['inventory', repository, '--csv']).stdout).toBe(csv);
  });

  it('XLSX: one row per item under a bold, frozen header with filter buttons; numbers, dates and booleans typed as such', async () => {
    const sheet = await readSheet(join(out, 'export.xlsx'));
    expect(sheet.name).toBe('Debt items');
    const rows = sheetRows(sheet);
    expect(rows[0]).toEqual(exportColumns);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe(`A1:X${inventory.total + 1}`);
    for (const column of sheet.columns) expect(column.width).toBeGreaterThanOrEqual(8);
    expect(rows.slice(1).map(asRow)).toEqual(inventory.items.map((item) => expect.objectContaining(expectedRow(item))));
    const complex = rows.slice(1).find((row) => row[exportColumns.indexOf('kind')] === 'complex-function')!;
    expect(typeof complex[exportColumns.indexOf('effortHours')]).toBe('number');
    expect(typeof complex[exportColumns.indexOf('line')]).toBe('number');
    expect(complex[exportColumns.indexOf('firstSeen')]).toBeInstanceOf(Date);
    expect(typeof complex[exportColumns.indexOf('isNew')]).toBe('boolean');
  });

  it('JSON: valid against the published schema (docs/export.schema.json), with the items of steward inventory --json, in its order', () => {
    const text = readFileSync(join(out, 'export.json'), 'utf8');
    const document = JSON.parse(text) as ExportDocument;
    const schema = JSON.parse(readFileSync(new URL('../../docs/export.schema.json', import.meta.url), 'utf8')) as object;
    const ajv = new Ajv2020({ allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(document), ajv.errorsText(validate.errors)).toBe(true);
    expect(document.repositories).toEqual([{ name: 'café', path: repository, snapshotId: inventory.snapshotId, scannedAt: expect.any(String), items: inventory.total }]);
    expect(document.items).toEqual(inventory.items.map((item) => expect.objectContaining(expectedRow(item))));
    // The schema holds the file to it: a row with a number as text does not pass.
    expect(validate({ ...document, items: [{ ...document.items[0], effortHours: '1' }] })).toBe(false);
  });

  it('the inventory filters apply: --kind, --status and --sort as steward inventory has them', () => {
    const filtered = stewardJson<InventoryPage>(home, ['inventory', repository, '--kind', 'unused-file,debt-marker', '--sort', 'effort']);
    const document = JSON.parse(steward(home, ['export', repository, '--format', 'json', '--kind', 'unused-file,debt-marker', '--sort', 'effort']).stdout) as ExportDocument;
    expect(document.items.map((row) => row.fingerprint)).toEqual(filtered.items.map((item) => item.fingerprint));
    expect(document.filters).toEqual({ kinds: ['unused-file', 'debt-marker'], sort: 'effort' });
    expect(steward(home, ['export', repository, '--format', 'csv', '--status', 'resolved']).stdout).toBe(`\ufeff${exportColumns.join(',')}\r\n`);
  });

  it.skipIf(!soffice)('LibreOffice opens the CSV and the XLSX (soffice --convert-to): names whole, numbers as numbers, days as dates, the filter kept', async () => {
    const converted = temporaryDirectory();
    // As its import dialog reads a file with a UTF-8 byte-order mark: comma-separated, quoted with ", UTF-8 (76).
    libreOfficeConvert([join(out, 'export.csv')], 'xlsx', join(converted, 'from-csv'), 'CSV:44,34,76,1');
    libreOfficeConvert([join(out, 'export.xlsx')], 'xlsx', join(converted, 'from-xlsx'));
    for (const file of [join(converted, 'from-csv', 'export.xlsx'), join(converted, 'from-xlsx', 'export.xlsx')]) {
      const sheet = await readSheet(file);
      const rows = sheetRows(sheet);
      expect(rows[0], file).toEqual(exportColumns);
      const fromCsv = file.includes('from-csv');
      // The CSV's guard against formulas shows as the apostrophe it is; the XLSX holds the name as text, as is.
      const shown = (item: DebtItem) => {
        const row = expectedRow(item);
        if (fromCsv) for (const column of ['title', 'path'] as const) if (row[column]?.startsWith('=')) row[column] = `'${row[column]}`;
        return row;
      };
      expect(rows.slice(1).map(asRow), file).toEqual(inventory.items.map((item) => expect.objectContaining(shown(item))));
      if (!fromCsv) expect(sheet.autoFilter).toBe(`A1:X${inventory.total + 1}`);
    }
  });

  it('bad --out: a missing folder, a folder that cannot be written, a folder itself — one line, exit 2, no file left', () => {
    const locked = join(temporaryDirectory(), 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    // root writes anywhere but where the kernel refuses (sysfs).
    const notWritable = process.getuid?.() === 0 ? '/sys' : locked;
    const cases: [string, RegExp][] = [
      [join(out, 'no-such-folder', 'debt.csv'), /^steward: Cannot write .*debt\.csv: its folder does not exist\n$/],
      [join(notWritable, 'debt.csv'), /^steward: Cannot write .*debt\.csv: permission denied\n$/],
      [out, /^steward: Cannot write .*: it is a folder\n$/],
    ];
    const before = readdirSync(out);
    for (const [file, message] of cases) {
      const result = steward(home, ['export', repository, '--format', 'csv', '--out', file]);
      expect([file, result.status, result.stdout]).toEqual([file, 2, '']);
      expect(result.stderr).toMatch(message);
    }
    expect(existsSync(join(notWritable, 'debt.csv'))).toBe(false);
    expect(readdirSync(out)).toEqual(before);
    chmodSync(locked, 0o755);
  });

  it('a repository never scanned: an error for its path, left out with a warning under --all; an unknown path is not found', () => {
    const single = steward(home, ['export', unscanned, '--format', 'json']);
    expect([single.status, single.stdout]).toEqual([2, '']);
    expect(single.stderr).toBe(`steward: never-scanned has not been scanned yet (steward scan ${unscanned})\n`);

    const all = steward(home, ['export', '--all', '--format', 'json']);
    expect(all.status).toBe(0);
    expect(all.stderr).toBe(`steward: never-scanned has not been scanned yet (steward scan ${unscanned}): left out\n`);
    const document = JSON.parse(all.stdout) as ExportDocument;
    expect(document.repositories.map((exported) => exported.name)).toEqual(['café']);
    expect(document.items).toHaveLength(inventory.total);

    const cases: [string[], RegExp][] = [
      [['export', join(temporaryDirectory(), 'nowhere'), '--format', 'csv'], /No such folder/],
      [['export', '--format', 'csv'], /Name the repositories to export/],
      [['export', repository, '--all', '--format', 'csv'], /not both/],
      [['export', repository], /Give --format csv\|xlsx\|json/],
      [['export', repository, '--format', 'pdf'], /expected one of csv, xlsx, json/],
    ];
    for (const [args, message] of cases) {
      const result = steward(home, args);
      expect([args.join(' '), result.status, result.stdout, result.stderr.trim().split('\n').length]).toEqual([args.join(' '), 2, '', 1]);
      expect(result.stderr).toMatch(message);
    }
  });
});

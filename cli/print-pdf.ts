import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';
import { StewardError } from '../core/api/errors.js';

/** Where Chromium may be: CHROMIUM_PATH first, then the usual names on PATH. */
const chromiumNames = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findChromium(): string | null {
  const { CHROMIUM_PATH: chosen, PATH: path } = process.env;
  if (chosen) return executable(chosen) ? chosen : null;
  const folders = [...(path ?? '').split(delimiter).filter(Boolean), '/usr/bin'];
  for (const name of chromiumNames) for (const folder of folders) if (executable(join(folder, name))) return join(folder, name);
  return null;
}

/** The HTML printed to PDF by headless Chromium (no network, no sandbox needed for a local file of ours). */
export async function printPdf(html: string): Promise<Buffer> {
  const chromium = findChromium();
  if (chromium === null) throw new StewardError('invalid-input', 'No Chromium found for the PDF (set CHROMIUM_PATH, or install chromium); use --format html and print it from a browser');
  const folder = mkdtempSync(join(tmpdir(), 'steward-report-'));
  try {
    const page = join(folder, 'report.html');
    const pdf = join(folder, 'report.pdf');
    writeFileSync(page, html);
    await promisify(execFile)(
      chromium,
      ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', `--user-data-dir=${join(folder, 'profile')}`, '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, pathToFileURL(page).href],
      { timeout: 60_000 },
    );
    return readFileSync(pdf);
  } catch (error) {
    if (error instanceof StewardError) throw error;
    throw new StewardError('unavailable', `Chromium could not print the PDF (${(error as Error).message.split('\n')[0]}); use --format html and print it from a browser`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

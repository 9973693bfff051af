import { InvalidArgumentError } from 'commander';
import { resolve } from 'node:path';
import Table from 'cli-table3';
import { printable } from '../core/wording.js';
import { BackfillPeriodSchema } from '../core/api/backfill.js';

export interface OutputOptions {
  json?: boolean;
  quiet?: boolean;
}

/** Machine output: one JSON document on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Text for a person on stdout, line by line. Names from a repository can hold terminal control
 * characters (an escape sequence in a file name clears the screen): every one is shown escaped.
 */
export function printText(text: string): void {
  process.stdout.write(`${text.split('\n').map(printable).join('\n')}\n`);
}

/**
 * Rows a table shows at most. No one reads further on a terminal, and drawing a table takes time
 * that grows with the square of its rows (cli-table3: 8,000 rows took 45 s, so `score --explain` of
 * a repository with 50,000 findings ran for half an hour); --json has every row.
 */
export const tableRowLimit = 500;

export function printTable(head: string[], rows: (string | number)[][], numericFrom = 1): void {
  const table = new Table({
    head,
    style: { head: process.env.NO_COLOR || !process.stdout.isTTY ? [] : ['cyan'], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    colAligns: head.map((_, index) => (index >= numericFrom ? 'right' : 'left')),
  });
  table.push(...rows.slice(0, tableRowLimit).map((row) => row.map((cell) => (typeof cell === 'number' ? formatNumber(cell) : printable(cell)))));
  process.stdout.write(`${table.toString()}\n`);
  if (rows.length > tableRowLimit) process.stdout.write(`… and ${formatNumber(rows.length - tableRowLimit)} more rows, left out here (--json has every one)\n`);
}

export function formatNumber(value: number): string {
  return value.toLocaleString('en-US');
}

/** "2024-05-01" from an ISO timestamp, in the timestamp's own offset. */
export function formatDate(iso: string): string {
  return iso.slice(0, 10);
}

/** Whether to draw progress: only for a person watching a terminal that can redraw a line. */
export function wantsProgress(options: OutputOptions): boolean {
  return !options.quiet && process.stderr.isTTY === true && !process.env.CI && process.env.TERM !== 'dumb';
}

/** A flag's whole number of at least 1 (`--top 10`). */
export function parseCount(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return Number(value);
}

/**
 * A folder or file given on the command line, as its full path: the shell's working folder means
 * something here, and nothing to the API, which takes only full paths (`steward serve` was started elsewhere).
 */
export function parsePath(value: string): string {
  return resolve(value);
}

/** Several of them (`<files...>`): commander hands over each one with those before it. */
export function parsePaths(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), resolve(value)];
}

/** A health score given on the command line: a number from 0 to 100. */
export function parseScore(value: string): number {
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) > 100) throw new InvalidArgumentError('expected a score from 0 to 100');
  return Number(value);
}

/** A day given on the command line: YYYY-MM-DD, a real date. */
export function parseDay(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError('expected a date such as 2026-03-21');
  }
  return value;
}

/** A period such as `1w` or `10d`, checked as the API checks it (backfill.start). */
export function parsePeriod(value: string): string {
  const parsed = BackfillPeriodSchema.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError(parsed.error.issues[0]!.message);
  return value;
}

/** Ctrl-C (or a SIGTERM) cancels the running job instead of killing the process; returns what stops listening. */
export function cancelOnInterrupt(cancel: () => void): () => void {
  process.once('SIGINT', cancel);
  process.once('SIGTERM', cancel);
  return () => {
    process.off('SIGINT', cancel);
    process.off('SIGTERM', cancel);
  };
}

import Table from 'cli-table3';

export interface OutputOptions {
  json?: boolean;
  quiet?: boolean;
}

/** Machine output: one JSON document on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printTable(head: string[], rows: (string | number)[][], numericFrom = 1): void {
  const table = new Table({
    head,
    style: { head: process.env.NO_COLOR || !process.stdout.isTTY ? [] : ['cyan'], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    colAligns: head.map((_, index) => (index >= numericFrom ? 'right' : 'left')),
  });
  table.push(...rows.map((row) => row.map((cell) => (typeof cell === 'number' ? formatNumber(cell) : cell))));
  process.stdout.write(`${table.toString()}\n`);
}

export function formatNumber(value: number): string {
  return value.toLocaleString('en-US');
}

/** "2024-05-01" from an ISO timestamp, in the timestamp's own offset. */
export function formatDate(iso: string): string {
  return iso.slice(0, 10);
}

/** Whether to draw progress: only for a person watching a terminal. */
export function wantsProgress(options: OutputOptions): boolean {
  return !options.quiet && process.stderr.isTTY === true && !process.env.CI;
}

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { round } from './measure.js';
import type { RunRecord, ToolName } from './tools.js';

export interface Summary {
  readonly tool: ToolName;
  readonly variant: string;
  readonly runs: number;
  readonly ok: number;
  readonly medianWallSeconds?: number;
  readonly medianCpuSeconds?: number;
  readonly medianPeakRssMb?: number;
  /** Median wall time over fallow's full run on the same repository. */
  readonly wallVsFallow?: number;
  /** A scan's: medians of when the code results were in and when the snapshot was saved (after Node loaded the CLI). */
  readonly medianCodeReadySeconds?: number;
  readonly medianSavedSeconds?: number;
  readonly note: string;
}

/** Medians over the successful runs of each tool and variant, in the order they first ran. */
export function summarise(records: readonly RunRecord[]): Summary[] {
  const groups = new Map<string, RunRecord[]>();
  for (const record of records) {
    const key = `${record.tool} ${record.variant}`;
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  const rows = [...groups.values()].map(summariseGroup);
  const fallow = rows.find((row) => row.tool === 'fallow' && row.variant === 'full')?.medianWallSeconds;
  return rows.map((row) =>
    fallow === undefined || row.medianWallSeconds === undefined ? row : { ...row, wallVsFallow: round(row.medianWallSeconds / fallow) },
  );
}

function summariseGroup(records: readonly RunRecord[]): Summary {
  const first = records[0];
  if (!first) throw new Error('empty group');
  const ok = records.filter((record) => record.ok);
  const medianOf = (pick: (record: RunRecord) => number | undefined): number | undefined => median(ok.map(pick).filter((value) => value !== undefined));
  return {
    tool: first.tool,
    variant: first.variant,
    runs: records.length,
    ok: ok.length,
    ...defined('medianWallSeconds', medianOf((record) => record.wallSeconds)),
    ...defined('medianCpuSeconds', medianOf((record) => record.cpuSeconds)),
    ...defined('medianPeakRssMb', medianOf((record) => record.peakRssMb)),
    ...defined('medianCodeReadySeconds', medianOf((record) => statOf(record, 'codeReadySeconds'))),
    ...defined('medianSavedSeconds', medianOf((record) => statOf(record, 'savedSeconds'))),
    note: note(records),
  };
}

function statOf(record: RunRecord, key: string): number | undefined {
  const value = typeof record.stats === 'object' && record.stats !== null ? (record.stats as Record<string, unknown>)[key] : undefined;
  return typeof value === 'number' ? value : undefined;
}

function defined<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}

export function median(values: readonly number[]): number | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return value === undefined ? undefined : round(value);
}

/** Failures first (with the reason), then exit codes of successful runs that were not 0, then steward's cache stats. */
function note(records: readonly RunRecord[]): string {
  const failed = records.filter((record) => !record.ok);
  const parts: string[] = [];
  const firstFailure = failed[0];
  if (firstFailure) parts.push(`${failed.length}/${records.length} failed: ${reason(firstFailure)}`);
  const lastOk = records.filter((record) => record.ok).at(-1);
  if (lastOk?.exitCode) parts.push(`exit ${lastOk.exitCode}${lastOk.stderrFirstLine ? `: ${lastOk.stderrFirstLine}` : ''}`);
  if (lastOk?.stats !== undefined) parts.push(describeStats(lastOk.stats));
  return parts.join('; ');
}

function reason(record: RunRecord): string {
  if (record.error !== undefined) return record.error;
  return `exit ${record.exitCode ?? '?'}${record.stderrFirstLine ? `: ${record.stderrFirstLine}` : ', no JSON on stdout'}`;
}

function describeStats(stats: unknown): string {
  if (typeof stats !== 'object' || stats === null) return `stats ${JSON.stringify(stats)}`;
  const { parsed, cached, files, codeReadySeconds, savedSeconds } = stats as Record<string, unknown>;
  if (savedSeconds !== undefined) return `code results in after ${String(codeReadySeconds)} s, snapshot saved after ${String(savedSeconds)} s (last run)`;
  return `parsed ${String(parsed)}, cached ${String(cached)} of ${String(files)} files`;
}

export function markdownTable(rows: readonly Summary[]): string {
  const lines = [
    '| tool | variant | runs ok | median wall s | median CPU s | median peak MB | wall ÷ fallow | code results in s | saved s | notes |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map((row) =>
      [
        row.tool,
        row.variant,
        `${row.ok}/${row.runs}`,
        fixed(row.medianWallSeconds),
        fixed(row.medianCpuSeconds),
        fixed(row.medianPeakRssMb, 0),
        fixed(row.wallVsFallow),
        fixed(row.medianCodeReadySeconds),
        fixed(row.medianSavedSeconds),
        row.note.replaceAll('|', '\\|'),
      ].join(' | '),
    ).map((line) => `| ${line} |`),
  ];
  return lines.join('\n');
}

function fixed(value: number | undefined, digits = 2): string {
  return value === undefined ? '—' : value.toFixed(digits);
}

export function writeJson(file: string, value: unknown): void {
  mkdirSync(dirname(resolve(file)), { recursive: true });
  writeFileSync(resolve(file), `${JSON.stringify(value, null, 2)}\n`);
}

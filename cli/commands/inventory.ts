import { stringify } from 'csv-stringify/sync';
import { analysisDescriptor } from '../../core/api/analyses.js';
import { call } from '../../core/api/call.js';
import { type DebtItem, type InventoryPage, itemKindTitles } from '../../core/api/inventory.js';
import type { RouteInput } from '../../core/api/routes.js';
import type { Steward } from '../../core/steward.js';
import { plural } from '../../core/wording.js';
import { type OutputOptions, formatDate, formatNumber, printJson, printTable, printText } from '../output.js';

export interface InventoryOptions extends OutputOptions {
  csv?: boolean;
  kind?: string[];
  status?: string[];
  confidence?: string[];
  severity?: string[];
  folder?: string;
  owner?: string;
  since?: string;
  sort: 'priority' | 'effort' | 'age' | 'severity';
  top: number;
}

/** `steward inventory <path>`: the repository's debt items as of its latest scan, filtered and sorted; text, JSON or CSV. */
export async function inventoryCommand(steward: Steward, path: string, options: InventoryOptions): Promise<void> {
  const repository = await call(steward.handlers, 'repositories.find', { path });
  const everything = options.json || options.csv;
  const query = {
    repositoryId: repository.id,
    ...(options.kind ? { kinds: options.kind } : {}),
    ...(options.status ? { statuses: options.status } : {}),
    ...(options.confidence ? { confidences: options.confidence } : {}),
    ...(options.severity ? { severities: options.severity } : {}),
    ...(options.folder !== undefined ? { folder: options.folder } : {}),
    ...(options.owner !== undefined ? { owner: options.owner } : {}),
    ...(options.since !== undefined ? { since: /^\d+$/.test(options.since) ? Number(options.since) : options.since } : {}),
    sort: options.sort,
    offset: 0,
    limit: everything ? pageSize : options.top,
  } as RouteInput<'inventory.list'>;
  const page = await call(steward.handlers, 'inventory.list', query);
  // Every item for JSON and CSV, a page at a time (the facets come with the first).
  while (everything && page.items.length < page.total) {
    const next = await call(steward.handlers, 'inventory.list', { ...query, offset: page.items.length, facets: false, snapshotId: page.snapshotId });
    if (next.items.length === 0) break;
    page.items.push(...next.items);
  }
  if (options.csv) process.stdout.write(toCsv(page.items));
  else if (options.json) printJson({ repository: { name: repository.name, path: repository.path }, ...page });
  else printInventory(options.folder ? `${repository.name}/${options.folder.replace(/\/+$/, '')}` : repository.name, page);
}

/** Items per request when printing every one. */
const pageSize = 20_000;

const csvColumns: [string, (item: DebtItem) => string | number | null][] = [
  ['fingerprint', (item) => item.fingerprint],
  ['kind', (item) => itemKindTitles[item.kind]],
  ['title', (item) => item.title],
  ['path', (item) => item.path],
  ['line', (item) => item.line],
  ['symbol', (item) => item.symbol],
  ['severity', (item) => item.severity],
  ['confidence', (item) => item.confidence],
  ['confidence reason', (item) => item.confidenceReason],
  ['status', (item) => item.status],
  ['decision reason', (item) => item.decision?.reason ?? null],
  ['effort minutes', (item) => item.cost.effortMinutes],
  ['interest minutes per month', (item) => item.cost.interestMinutesPerMonth],
  ['risk', (item) => item.cost.risk],
  ['priority', (item) => item.cost.priority],
  ['owner', (item) => item.owner?.name ?? null],
  ['owner from', (item) => item.owner?.source ?? null],
  ['fix', (item) => item.fix.text],
  ['draft', (item) => item.fix.draft],
  ['first seen', (item) => item.firstSeen.at],
  ['new', (item) => (item.isNew ? 'yes' : 'no')],
  ['analysis', (item) => analysisDescriptor(item.analysis).tab.label],
];

/**
 * One row per item, a header row first; RFC 4180 quoting (csv-stringify), and a UTF-8 byte-order
 * mark, without which Excel reads names beyond ASCII as Windows-1252 ("â€œ" for "“").
 */
function toCsv(items: readonly DebtItem[]): string {
  return stringify([csvColumns.map(([name]) => name), ...items.map((item) => csvColumns.map(([, value]) => value(item) ?? ''))], { bom: true });
}

function printInventory(name: string, page: InventoryPage): void {
  const { totals, changes } = page;
  const hours = (minutes: number): string => `${formatNumber(Math.round((minutes / 60) * 10) / 10)} h`;
  printText(
    `${name}: ${plural(totals.items, 'open item')}, ${hours(totals.effortMinutes)} to fix, ${hours(totals.interestMinutesPerMonth)} a month of interest; ` +
      `debt ratio ${totals.debtRatio === null ? 'unknown' : `${(totals.debtRatio * 100).toFixed(1)} % (${totals.rating})`} of ${formatNumber(totals.linesOfCode)} lines of code.`,
  );
  if (page.previousSnapshotId !== null) printText(`Since the previous scan: ${changes.new} new, ${changes.resolved} resolved.`);
  printText(`\n${page.total === page.items.length ? plural(page.total, 'item') : `The first ${page.items.length} of ${plural(page.total, 'item')} (--top, --json or --csv for more)`}:`);
  printTable(
    ['Fingerprint', 'Kind', 'What', 'Where', 'Sev.', 'Conf.', 'Effort', 'Priority', 'Owner', 'Status'],
    page.items.map((item) => [
      item.fingerprint,
      itemKindTitles[item.kind],
      item.title.length > 70 ? `${item.title.slice(0, 69)}…` : item.title,
      item.path === null ? '' : `${item.path}${item.line === null ? '' : `:${item.line}`}`,
      item.severity,
      item.confidence,
      `${formatNumber(item.cost.effortMinutes)} min`,
      item.cost.priority,
      item.owner?.name ?? '',
      `${item.status}${item.isNew ? ' (new)' : ''}`,
    ]),
    6,
  );
  printText('\nsteward item accept|dismiss|reopen <fingerprint> --reason "…" records a decision; --json has every item with its evidence and fix.');
  const first = page.items[0];
  if (first) printText(`First to do: ${first.fix.text} (first seen ${formatDate(first.firstSeen.at)})`);
}

import { call } from '../../core/api/call.js';
import { type InventoryPage, itemKindTitles } from '../../core/api/inventory.js';
import type { Steward } from '../../core/steward.js';
import { plural } from '../../core/wording.js';
import { type InventoryFilterOptions, inventoryFilters } from '../inventory-filters.js';
import { type OutputOptions, formatDate, formatNumber, printJson, printTable, printText } from '../output.js';

export interface InventoryOptions extends OutputOptions, InventoryFilterOptions {
  csv?: boolean;
  top: number;
}

/** `steward inventory <path>`: the repository's debt items as of its latest scan, filtered and sorted; text, JSON or CSV. */
export async function inventoryCommand(steward: Steward, path: string, options: InventoryOptions): Promise<void> {
  const repository = await call(steward.handlers, 'repositories.find', { path });
  // The CSV is an export's (the same columns as steward export).
  if (options.csv) {
    const exported = await call(steward.handlers, 'inventory.export', { repositoryIds: [repository.id], ...inventoryFilters(options), format: 'csv' });
    process.stdout.write(Buffer.from(exported.content, 'base64'));
    return;
  }
  const query = { repositoryId: repository.id, ...inventoryFilters(options), offset: 0, limit: options.json ? pageSize : options.top };
  const page = await call(steward.handlers, 'inventory.list', query);
  // Every item for JSON, a page at a time (the facets come with the first).
  while (options.json && page.items.length < page.total) {
    const next = await call(steward.handlers, 'inventory.list', { ...query, offset: page.items.length, facets: false, snapshotId: page.snapshotId });
    if (next.items.length === 0) break;
    for (const item of next.items) page.items.push(item);
  }
  if (options.json) printJson({ repository: { name: repository.name, path: repository.path }, ...page });
  else printInventory(options.folder ? `${repository.name}/${options.folder.replace(/\/+$/, '')}` : repository.name, page);
}

/** Items per request when printing every one. */
const pageSize = 20_000;

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

import { StewardError } from '../api/errors.js';
import type { ExportFile, ExportFilters, ExportFormat, ExportRequest } from '../api/exports.js';
import type { DebtItem } from '../api/inventory.js';
import type { Repository } from '../api/repositories.js';
import { hasInventory, listInventory } from '../inventory/inventory-store.js';
import type { Database } from '../store/database.js';
import { findRepository } from '../store/repositories.js';
import { getSnapshotSummary } from '../store/snapshots.js';
import { encodeExport, mediaTypes } from './encode-export.js';
import { type ExportDocument, exportRow } from './export-columns.js';

/** The most items the inventory lists at a time. */
const pageSize = 100_000;

/**
 * The debt items of the latest scan of each repository asked for, under the inventory's filters and
 * in its order (the inventory's own query, a page at a time), as a CSV, XLSX or JSON file.
 */
export async function exportInventory(db: Database, request: ExportRequest, now: Date): Promise<ExportFile> {
  const { repositoryIds, format, skipUnscanned, ...filters } = request;
  const warnings: string[] = [];
  const document: ExportDocument = { schemaVersion: 1, exportedAt: now.toISOString(), filters, repositories: [], items: [] };
  for (const id of new Set(repositoryIds)) {
    const repository = findRepository(db, id);
    if (!repository) throw new StewardError('not-found', `No repository with id ${id}; it may have been removed`);
    if (!hasInventory(db, id)) {
      const unscanned = `${repository.name} has not been scanned yet (steward scan ${repository.path})`;
      if (!skipUnscanned) throw new StewardError('not-found', unscanned);
      warnings.push(`${unscanned}: left out`);
      continue;
    }
    const { snapshotId, items } = everyItem(db, repository, filters);
    const scan = getSnapshotSummary(db, snapshotId)!;
    document.repositories.push({ name: repository.name, path: repository.path, snapshotId, scannedAt: scan.snapshot.finishedAt, items: items.length });
    // One by one: spreading a large repository's items into push's arguments overflows the stack (bug 29).
    for (const item of items) document.items.push(exportRow(item, repository.name));
  }
  if (document.repositories.length === 0) throw new StewardError('not-found', 'None of these repositories has been scanned yet: nothing to export');
  return {
    fileName: fileName(document, format, now),
    mediaType: mediaTypes[format],
    content: (await encodeExport(document, format)).toString('base64'),
    items: document.items.length,
    warnings,
  };
}

function everyItem(db: Database, repository: Repository, filters: ExportFilters): { snapshotId: number; items: DebtItem[] } {
  const query = { ...filters, repositoryId: repository.id, facets: false, offset: 0, limit: pageSize };
  const first = listInventory(db, query);
  const items = [...first.items];
  while (items.length < first.total) {
    const next = listInventory(db, { ...query, snapshotId: first.snapshotId, offset: items.length });
    if (next.items.length === 0) break;
    for (const item of next.items) items.push(item);
  }
  return { snapshotId: first.snapshotId, items };
}

/** `shop-debt-2026-12-03.csv` for one repository, `steward-debt-2026-12-03.csv` for several; nothing a file system refuses. */
function fileName(document: ExportDocument, format: ExportFormat, now: Date): string {
  const [only, ...others] = document.repositories;
  // eslint-disable-next-line no-control-regex -- control characters are among what file systems refuse.
  const name = only && others.length === 0 ? only.name.replace(/[\\/:*?"<>|\u0000-\u001F]+/g, '-') : 'steward';
  return `${name}-debt-${now.toISOString().slice(0, 10)}.${format}`;
}

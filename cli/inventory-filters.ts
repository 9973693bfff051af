import type { RouteInput } from '../core/api/routes.js';

/** The inventory's filters and order as `steward inventory` and `steward export` take them. */
export interface InventoryFilterOptions {
  kind?: string[];
  status?: string[];
  confidence?: string[];
  severity?: string[];
  folder?: string;
  owner?: string;
  since?: string;
  sort: 'priority' | 'effort' | 'age' | 'severity';
}

type InventoryFilters = Omit<RouteInput<'inventory.export'>, 'repositoryIds' | 'format' | 'skipUnscanned'>;

/** The flags as the inventory's query (validated by the route that receives it). */
export function inventoryFilters(options: InventoryFilterOptions): InventoryFilters {
  return {
    ...(options.kind ? { kinds: options.kind } : {}),
    ...(options.status ? { statuses: options.status } : {}),
    ...(options.confidence ? { confidences: options.confidence } : {}),
    ...(options.severity ? { severities: options.severity } : {}),
    ...(options.folder !== undefined ? { folder: options.folder } : {}),
    ...(options.owner !== undefined ? { owner: options.owner } : {}),
    ...(options.since !== undefined ? { since: /^\d+$/.test(options.since) ? Number(options.since) : options.since } : {}),
    sort: options.sort,
  } as InventoryFilters;
}

import { userInfo } from 'node:os';
import type { z } from 'zod';
import type { AnalysisId } from '../api/analyses.js';
import { StewardError } from '../api/errors.js';
import { type Confidence, type DebtItem, type InventoryPage, type InventoryQuerySchema, type ItemKind, type ItemStatus, type Severity, severities } from '../api/inventory.js';
import { groupBy } from '../../analyzers/collections/group-by.js';
import { type Database, placeholders } from '../store/database.js';
import { type CostModel, debtTotals, defaultCostModel } from './cost-model.js';
import { lastSeenMaterial, lastSeenSnapshot } from './update-inventory.js';

type InventoryQuery = z.infer<typeof InventoryQuerySchema>;

interface SnapshotInventoryRow {
  id: number;
  analyses: string;
  lines_of_code: number;
  minutes_per_line: number;
}

/** Every scan of the repository's HEAD that has its items, newest first. */
function snapshotsWithItems(db: Database, repositoryId: number): SnapshotInventoryRow[] {
  return inventoryHistories(db, [repositoryId]).get(repositoryId) ?? [];
}

/** snapshotsWithItems of each of the given repositories that has any, in one query (the portfolio reads hundreds). */
export function inventoryHistories(db: Database, repositoryIds: readonly number[]): Map<number, SnapshotInventoryRow[]> {
  if (repositoryIds.length === 0) return new Map();
  const rows = db
    .prepare<unknown[], SnapshotInventoryRow & { repository_id: number }>(
      `SELECT s.repository_id, s.id, i.analyses, i.lines_of_code, i.minutes_per_line FROM snapshots s JOIN snapshot_inventory i ON i.snapshot_id = s.id
       WHERE s.repository_id IN (${placeholders(repositoryIds)}) AND s.kind = 'head' ORDER BY s.repository_id, s.finished_at DESC, s.id DESC`,
    )
    .all(...repositoryIds);
  return groupBy(rows, (row) => row.repository_id);
}

/** Whether the repository has been scanned (at HEAD, with an inventory) at all. */
export function hasInventory(db: Database, repositoryId: number): boolean {
  return snapshotsWithItems(db, repositoryId).length > 0;
}

/**
 * Which snapshot speaks for each analysis as of a snapshot: itself for the analyses it ran, else the
 * newest earlier one that ran it (a `scan --only code` does not resolve the dependency items).
 */
function effectiveSnapshots(history: readonly SnapshotInventoryRow[], from: number): [AnalysisId, number][] {
  const start = history.findIndex((row) => row.id === from);
  const speaking = new Map<AnalysisId, number>();
  for (const row of history.slice(start)) {
    for (const analysis of JSON.parse(row.analyses) as AnalysisId[]) if (!speaking.has(analysis)) speaking.set(analysis, row.id);
  }
  return [...speaking];
}

interface Condition {
  sql: string;
  params: unknown[];
}

/** SQL true for the rows of `snapshot_items <si> JOIN debt_items <d>` found as of those snapshots. */
function foundIn(pairs: readonly [AnalysisId, number][], si = 'si', d = 'd'): Condition {
  if (pairs.length === 0) return { sql: '0', params: [] };
  return { sql: `(${pairs.map(() => `(${si}.snapshot_id = ? AND ${d}.analysis = ?)`).join(' OR ')})`, params: pairs.flatMap(([analysis, snapshot]) => [snapshot, analysis]) };
}

const itemColumns = 'si.item_id, si.snapshot_id, si.severity, si.confidence, si.effort, si.interest, si.priority, si.owner, d.kind, d.first_seen';
/** What a search looks in. */
const searchedText = "lower(si.title || char(10) || coalesce(si.path, '') || char(10) || coalesce(si.symbol, ''))";
const itemJoins = 'snapshot_items si JOIN debt_items d ON d.id = si.item_id';

const orderBy: Record<InventoryQuery['sort'], string> = {
  priority: 'priority DESC, effort, item_id',
  // Quick wins first.
  effort: 'effort, priority DESC, item_id',
  // The oldest debt first.
  age: 'first_seen, priority DESC, item_id',
  severity: `CASE severity ${severities.map((severity, index) => `WHEN '${severity}' THEN ${index}`).join(' ')} END, priority DESC, item_id`,
};

/** The filters with a menu, whose facets count what every other filter leaves. */
type Facet = 'kinds' | 'statuses' | 'confidences' | 'severities' | 'owner';

/**
 * A repository's inventory as of a snapshot (the latest by default): filtered, sorted and paged in
 * SQL, with the facets (what each filter menu would leave) and the totals of the open items of the
 * folder asked for (of the repository without one).
 */
export function listInventory(db: Database, query: InventoryQuery): InventoryPage {
  const history = snapshotsWithItems(db, query.repositoryId);
  const snapshot = query.snapshotId === undefined ? history[0] : history.find((row) => row.id === query.snapshotId);
  if (!snapshot) {
    throw new StewardError('not-found', query.snapshotId === undefined ? 'This repository has no inventory yet: scan it first' : `Snapshot ${query.snapshotId} is not a scan of this repository's HEAD with an inventory`);
  }
  const previous = history[history.indexOf(snapshot) + 1];
  const now = effectiveSnapshots(history, snapshot.id);
  const then = previous ? effectiveSnapshots(history, previous.id) : undefined;
  const current = foundIn(now);
  const analyses = now.map(([analysis]) => analysis);
  const folder = query.folder?.replace(/\/+$/, '') ?? '';
  // Filters without a menu narrow the rows listed; the menus' filters are counted over those rows.
  const scope = both(inFolder(folder, 'si.path'), narrowing(db, query));
  const wantResolved = query.statuses?.includes('resolved') ?? false;
  // Found now, with the person's decision as their status; and, when asked for, the items found before and not now, as last seen.
  const items = `
    SELECT ${itemColumns}, d.decision AS status FROM ${itemJoins} WHERE ${current.sql} AND ${scope.sql}
    ${
      wantResolved
        ? `UNION ALL SELECT ${itemColumns}, 'resolved' AS status FROM ${itemJoins}
           WHERE si.snapshot_id = ${lastSeenSnapshot} AND d.repository_id = ? AND d.analysis IN (${placeholders(analyses) || "''"}) AND ${scope.sql}
             AND NOT EXISTS (SELECT 1 FROM snapshot_items si2 JOIN debt_items d2 ON d2.id = si2.item_id WHERE si2.item_id = d.id AND ${foundIn(now, 'si2', 'd2').sql})`
        : ''
    }`;
  const itemParams = [...current.params, ...scope.params, ...(wantResolved ? [query.repositoryId, ...analyses, ...scope.params, ...current.params] : [])];

  // The listed items, once into a table of this connection that the count, the page and the facets
  // read (better-sqlite3 is synchronous: no other call can see it before it is dropped below).
  db.prepare(`CREATE TEMP TABLE listed AS ${items}`).run(...itemParams);
  try {
    const { total, items: page, facets: counted } = listed(db, query, then ? foundIn(then) : undefined);
    return {
      snapshotId: snapshot.id,
      previousSnapshotId: previous?.id ?? null,
      total,
      items: page,
      facets: counted,
      totals: folderTotals(db, snapshot, current, folder),
      changes: then ? { new: foundOnlyIn(db, now, then, folder), resolved: foundOnlyIn(db, then, now, folder) } : { new: 0, resolved: 0 },
    };
  } finally {
    db.exec('DROP TABLE listed');
  }
}

/** What the health score weighs of an open item. */
export interface ScorableItem {
  fingerprint: string;
  kind: ItemKind;
  title: string;
  path: string | null;
  confidence: Confidence;
  effortMinutes: number;
}

/**
 * The open items (no person's decision) of a snapshot's inventory (the latest by default) in a folder
 * and below ('' the repository), highest priority first: what the health score weighs, in one query.
 */
export function openItemsOf(db: Database, { repositoryId, snapshotId, folder }: { repositoryId: number; snapshotId: number | undefined; folder: string }): { snapshotId: number; items: ScorableItem[] } {
  const history = snapshotsWithItems(db, repositoryId);
  const snapshot = snapshotId === undefined ? history[0] : history.find((row) => row.id === snapshotId);
  if (!snapshot) {
    throw new StewardError('not-found', snapshotId === undefined ? 'This repository has no inventory yet: scan it first' : `Snapshot ${snapshotId} is not a scan of this repository's HEAD with an inventory`);
  }
  const current = foundIn(effectiveSnapshots(history, snapshot.id));
  const within = inFolder(folder.replace(/\/+$/, ''), 'si.path');
  const items = db
    .prepare<unknown[], ScorableItem>(
      `SELECT d.fingerprint, d.kind, si.title, si.path, si.confidence, si.effort AS "effortMinutes" FROM ${itemJoins}
       WHERE ${current.sql} AND d.decision = 'open' AND ${within.sql} ORDER BY ${orderBy.priority}`,
    )
    .all(...current.params, ...within.params);
  return { snapshotId: snapshot.id, items };
}

export type OpenItemCounts = { bySeverity: Partial<Record<Severity, number>>; byKind: Partial<Record<ItemKind, number>>; total: number; effortMinutes: number };

/**
 * The open items of each repository's latest scan (not accepted, dismissed or resolved), counted by
 * severity and by kind, with their effort in minutes: what the portfolio shows of its repositories,
 * in one grouped query however many there are (the list's facets would make and count each whole
 * table). From each repository's inventoryHistories; one without an inventory has none.
 */
export function openItemCounts(db: Database, histories: ReadonlyMap<number, readonly SnapshotInventoryRow[]>): Map<number, OpenItemCounts> {
  // The snapshots that speak for each repository's latest scan, each for the analyses it speaks for.
  const speakers = new Map<number, { repositoryId: number; analyses: Set<AnalysisId> }>();
  for (const [repositoryId, history] of histories) {
    for (const [analysis, snapshotId] of effectiveSnapshots(history, history[0]!.id)) {
      if (!speakers.has(snapshotId)) speakers.set(snapshotId, { repositoryId, analyses: new Set() });
      speakers.get(snapshotId)!.analyses.add(analysis);
    }
  }
  const counts = new Map([...histories.keys()].map((repositoryId): [number, OpenItemCounts] => [repositoryId, { bySeverity: {}, byKind: {}, total: 0, effortMinutes: 0 }]));
  if (speakers.size === 0) return counts;
  const snapshotIds = [...speakers.keys()];
  const rows = db
    .prepare<unknown[], { snapshot_id: number; analysis: AnalysisId; severity: Severity; kind: ItemKind; count: number; effort: number }>(
      `SELECT si.snapshot_id, d.analysis, si.severity, d.kind, count(*) AS count, sum(si.effort) AS effort FROM ${itemJoins}
       WHERE si.snapshot_id IN (${placeholders(snapshotIds)}) AND d.decision = 'open' GROUP BY si.snapshot_id, d.analysis, si.severity, d.kind`,
    )
    .all(...snapshotIds);
  for (const row of rows) {
    const speaker = speakers.get(row.snapshot_id)!;
    if (!speaker.analyses.has(row.analysis)) continue;
    const count = counts.get(speaker.repositoryId)!;
    count.bySeverity[row.severity] = (count.bySeverity[row.severity] ?? 0) + row.count;
    count.byKind[row.kind] = (count.byKind[row.kind] ?? 0) + row.count;
    count.total += row.count;
    count.effortMinutes += row.effort;
  }
  return counts;
}

/** The count, the page and the facets of the listed items, under the menus' filters. */
function listed(db: Database, query: InventoryQuery, before: Condition | undefined): Pick<InventoryPage, 'total' | 'items' | 'facets'> {
  const conditions = menuConditions(query);
  const all = both(...conditions.map(([, condition]) => condition));
  const total = db.prepare<unknown[], { total: number }>(`SELECT count(*) AS total FROM listed WHERE ${all.sql}`).get(...all.params)!.total;
  const isNew = before ? `CASE WHEN EXISTS (SELECT 1 FROM snapshot_items si JOIN debt_items d ON d.id = si.item_id WHERE si.item_id = listed.item_id AND ${before.sql}) THEN 0 ELSE 1 END` : '0';
  const page = db
    .prepare<unknown[], { item_id: number; snapshot_id: number; status: ItemStatus; is_new: number }>(
      `SELECT item_id, snapshot_id, status, CASE WHEN status = 'resolved' THEN 0 ELSE ${isNew} END AS is_new
       FROM listed WHERE ${all.sql} ORDER BY ${orderBy[query.sort]} LIMIT ? OFFSET ?`,
    )
    // The select list's parameters (is_new) come before the filter's.
    .all(...(before?.params ?? []), ...all.params, query.limit, query.offset);
  return { total, items: fullItems(db, page), facets: query.facets ? facets(db, conditions) : null };
}

/** The open items of the folder ('' the repository) against its lines of code. */
function folderTotals(db: Database, snapshot: SnapshotInventoryRow, current: Condition, folder: string): InventoryPage['totals'] {
  const within = inFolder(folder, 'si.path');
  const open = db
    .prepare<unknown[], { effort: number | null; interest: number | null; count: number }>(
      `SELECT sum(si.effort) AS effort, sum(si.interest) AS interest, count(*) AS count FROM ${itemJoins} WHERE ${current.sql} AND d.decision = 'open' AND ${within.sql}`,
    )
    .get(...current.params, ...within.params)!;
  const files = inFolder(folder, 'path');
  const linesOfCode =
    folder === ''
      ? snapshot.lines_of_code
      : db.prepare<unknown[], { lines: number | null }>(`SELECT sum(code_lines) AS lines FROM snapshot_files WHERE snapshot_id = ? AND ${files.sql}`).get(snapshot.id, ...files.params)!.lines ?? 0;
  const model: CostModel = { ...defaultCostModel, minutesPerLine: snapshot.minutes_per_line };
  return debtTotals({ items: open.count, effortMinutes: open.effort ?? 0, interestMinutesPerMonth: open.interest ?? 0 }, linesOfCode, model);
}

/** Items of the folder found in one set of snapshots and not in the other. */
function foundOnlyIn(db: Database, from: readonly [AnalysisId, number][], without: readonly [AnalysisId, number][], folder: string): number {
  const [inside, outside, within] = [foundIn(from), foundIn(without, 'si2', 'd2'), inFolder(folder, 'si.path')];
  return db
    .prepare<unknown[], { n: number }>(
      `SELECT count(*) AS n FROM ${itemJoins} WHERE ${inside.sql} AND ${within.sql} AND NOT EXISTS (SELECT 1 FROM snapshot_items si2 JOIN debt_items d2 ON d2.id = si2.item_id WHERE si2.item_id = si.item_id AND ${outside.sql})`,
    )
    .get(...inside.params, ...within.params, ...outside.params)!.n;
}

/** Every condition at once. */
function both(...conditions: Condition[]): Condition {
  return { sql: conditions.length === 0 ? '1 = 1' : conditions.map((condition) => condition.sql).join(' AND '), params: conditions.flatMap((condition) => condition.params) };
}

/** Paths in the folder or below; everything for ''. */
function inFolder(folder: string, column: string): Condition {
  return folder === '' ? { sql: '1 = 1', params: [] } : { sql: `(${column} = ? OR substr(${column}, 1, ?) = ?)`, params: [folder, folder.length + 1, `${folder}/`] };
}

const facetColumns = { kinds: 'kind', statuses: 'status', confidences: 'confidence', severities: 'severity', owner: 'owner' } as const;

/**
 * What each filter menu would leave: per facet, the rows every *other* filter keeps, counted by the
 * facet's value. One pass: rows grouped by the facets' values and by which filters they pass.
 */
function facets(db: Database, conditions: readonly [Facet, Condition][]): NonNullable<InventoryPage['facets']> {
  const columns = Object.values(facetColumns);
  const rows = db
    .prepare<unknown[], Record<string, string | number | null>>(
      `SELECT ${columns.join(', ')}, ${conditions.map(([, { sql }], index) => `(${sql}) AS pass${index}`).join(', ') || '1 AS pass'}, count(*) AS n
       FROM listed GROUP BY ${[...columns, ...conditions.map((_, index) => `pass${index}`)].join(', ')}`,
    )
    .all(...conditions.flatMap(([, { params }]) => params));
  const counted = Object.fromEntries(Object.keys(facetColumns).map((facet) => [facet, {} as Record<string, number>])) as Record<keyof typeof facetColumns, Record<string, number>>;
  for (const row of rows) {
    for (const [facet, column] of Object.entries(facetColumns) as [keyof typeof facetColumns, string][]) {
      const value = row[column];
      if (value === null || value === undefined) continue;
      const kept = conditions.every(([name], index) => name === facet || row[`pass${index}`] === 1);
      if (kept) counted[facet][value] = (counted[facet][value] ?? 0) + Number(row['n']);
    }
  }
  return { kinds: counted.kinds, statuses: counted.statuses, confidences: counted.confidences, severities: counted.severities, owners: counted.owner };
}

/** The filters with a menu, as conditions on the listed rows. */
function menuConditions(query: InventoryQuery): [Facet, Condition][] {
  const conditions: [Facet, Condition][] = [];
  const statuses = query.statuses ?? ['open', 'accepted', 'dismissed'];
  conditions.push(['statuses', { sql: `status IN (${placeholders(statuses)})`, params: [...statuses] }]);
  if (query.kinds) conditions.push(['kinds', { sql: `kind IN (${placeholders(query.kinds)})`, params: [...query.kinds] }]);
  if (query.confidences) conditions.push(['confidences', { sql: `confidence IN (${placeholders(query.confidences)})`, params: [...query.confidences] }]);
  if (query.severities) conditions.push(['severities', { sql: `severity IN (${placeholders(query.severities)})`, params: [...query.severities] }]);
  if (query.owner !== undefined) conditions.push(['owner', { sql: 'owner = ?', params: [query.owner] }]);
  return conditions;
}

/** The filters without a menu besides the folder (a fingerprint, words, first seen since), on `snapshot_items si JOIN debt_items d`. */
function narrowing(db: Database, query: InventoryQuery): Condition {
  const conditions: Condition[] = [];
  if (query.fingerprint !== undefined) conditions.push({ sql: 'd.fingerprint = ?', params: [query.fingerprint] });
  if (query.productCodeOnly) conditions.push({ sql: '(si.path IS NULL OR is_product_code(si.path) = 1)', params: [] });
  const words = (query.search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length > 0) conditions.push({ sql: words.map(() => `instr(${searchedText}, ?) > 0`).join(' AND '), params: words });
  // Scans of HEAD get ids that grow with time, so "first seen since" compares ids (a backfill's snapshots are of past commits and find no items).
  const { since } = query;
  if (typeof since === 'number') {
    if (!db.prepare('SELECT 1 FROM snapshots WHERE id = ? AND repository_id = ?').get(since, query.repositoryId)) throw new StewardError('not-found', `Snapshot ${since} is not one of this repository's`);
    conditions.push({ sql: 'd.first_seen > ?', params: [since] });
  } else if (since !== undefined) {
    const first = db.prepare<[number, string], { id: number | null }>("SELECT min(id) AS id FROM snapshots WHERE repository_id = ? AND kind = 'head' AND finished_at >= ?").get(query.repositoryId, new Date(since).toISOString())!;
    conditions.push({ sql: 'd.first_seen >= ?', params: [first.id ?? Number.MAX_SAFE_INTEGER] });
  }
  return both(...conditions);
}

interface FullRow {
  itemId: number;
  fingerprint: string;
  kind: DebtItem['kind'];
  analysis: AnalysisId;
  title: string;
  path: string | null;
  line: number | null;
  symbol: string | null;
  evidence: string;
  severity: DebtItem['severity'];
  confidence: DebtItem['confidence'];
  confidenceReason: string;
  effort: number;
  interest: number;
  risk: number;
  priority: number;
  owner: string | null;
  ownerSource: 'CODEOWNERS' | 'history' | null;
  fix: string;
  draft: DebtItem['fix']['draft'];
  decisionReason: string | null;
  decisionBy: string | null;
  decisionAt: string | null;
  firstSeen: number;
  firstSeenAt: string;
  lastSeen: number;
  lastSeenAt: string;
}

/** The page's items in full, in the order given. */
function fullItems(db: Database, rows: readonly { item_id: number; snapshot_id: number; status: ItemStatus; is_new: number }[]): DebtItem[] {
  const select = db.prepare<[number, number], FullRow>(
    `SELECT d.id AS "itemId", d.fingerprint, d.kind, d.analysis, si.title, si.path, si.line, si.symbol, si.evidence, si.severity, si.confidence,
       si.confidence_reason AS "confidenceReason", si.effort, si.interest, si.risk, si.priority, si.owner, si.owner_source AS "ownerSource",
       si.fix, si.draft, d.decision_reason AS "decisionReason", d.decision_by AS "decisionBy", d.decision_at AS "decisionAt",
       d.first_seen AS "firstSeen", (SELECT finished_at FROM snapshots WHERE id = d.first_seen) AS "firstSeenAt",
       ${lastSeenSnapshot} AS "lastSeen", (SELECT finished_at FROM snapshots WHERE id = ${lastSeenSnapshot}) AS "lastSeenAt"
     FROM snapshot_items si JOIN debt_items d ON d.id = si.item_id WHERE si.snapshot_id = ? AND si.item_id = ?`,
  );
  return rows.map((row) => {
    const full = select.get(row.snapshot_id, row.item_id)!;
    return {
      fingerprint: full.fingerprint,
      kind: full.kind,
      analysis: full.analysis,
      title: full.title,
      path: full.path,
      line: full.line,
      symbol: full.symbol,
      evidence: JSON.parse(full.evidence) as DebtItem['evidence'],
      severity: full.severity,
      confidence: full.confidence,
      confidenceReason: full.confidenceReason,
      cost: { effortMinutes: full.effort, interestMinutesPerMonth: full.interest, risk: full.risk, priority: full.priority },
      owner: full.owner && full.ownerSource ? { name: full.owner, source: full.ownerSource } : null,
      fix: { text: full.fix, draft: full.draft },
      status: row.status,
      decision: full.decisionReason && full.decisionBy && full.decisionAt ? { reason: full.decisionReason, by: full.decisionBy, at: full.decisionAt } : null,
      firstSeen: { snapshotId: full.firstSeen, at: full.firstSeenAt },
      lastSeen: { snapshotId: full.lastSeen, at: full.lastSeenAt },
      isNew: row.is_new === 1,
    };
  });
}

/** One item by fingerprint, as of the latest snapshot. */
export function getItem(db: Database, repositoryId: number, fingerprint: string): DebtItem {
  const item = listInventory(db, { repositoryId, fingerprint, statuses: ['open', 'accepted', 'dismissed', 'resolved'], sort: 'priority', facets: false, offset: 0, limit: 1 }).items[0];
  if (!item) throw new StewardError('not-found', `No item with fingerprint ${fingerprint} in this repository (steward inventory lists them)`);
  return item;
}

export type Decision = 'accepted' | 'dismissed' | 'open';

/**
 * A person's decision on an item, with a reason: remembered across scans (until the item changes
 * materially), and written to the item's events with who and when.
 */
export function decideItem(db: Database, input: { repositoryId: number; fingerprint: string; reason: string; by?: string | undefined }, decision: Decision, now: Date): DebtItem {
  const by = input.by ?? userInfo().username;
  db.transaction(() => {
    const item = db
      .prepare<[number, string], { id: number; decision: Decision; material: string | null }>(
        `SELECT d.id, d.decision, ${lastSeenMaterial} AS material FROM debt_items d WHERE d.repository_id = ? AND d.fingerprint = ?`,
      )
      .get(input.repositoryId, input.fingerprint);
    if (!item) throw new StewardError('not-found', `No item with fingerprint ${input.fingerprint} in this repository (steward inventory lists them)`);
    if (item.decision === decision) throw new StewardError('invalid-input', `That item is already ${decision === 'open' ? 'open' : decision}`);
    if (decision === 'open') {
      db.prepare(`UPDATE debt_items SET decision = 'open', decision_reason = ?, decision_by = ?, decision_at = ?, decision_material = NULL WHERE id = ?`).run(input.reason, by, now.toISOString(), item.id);
    } else {
      db.prepare('UPDATE debt_items SET decision = ?, decision_reason = ?, decision_by = ?, decision_at = ?, decision_material = ? WHERE id = ?').run(decision, input.reason, by, now.toISOString(), item.material, item.id);
    }
    db.prepare('INSERT INTO item_events (item_id, at, action, reason, by) VALUES (?, ?, ?, ?, ?)').run(item.id, now.toISOString(), decision === 'open' ? 'reopened' : decision, input.reason, by);
  }).immediate();
  return getItem(db, input.repositoryId, input.fingerprint);
}

/** Items a person accepted or dismissed: left out of what Steward drafts fixes for. */
export function decidedFingerprints(db: Database, repositoryId: number): Set<string> {
  return new Set(
    db.prepare<[number], { fingerprint: string }>("SELECT fingerprint FROM debt_items WHERE repository_id = ? AND decision IN ('accepted', 'dismissed')").all(repositoryId).map((row) => row.fingerprint),
  );
}

/**
 * The items found as of a snapshot (each analysis's as its latest run up to that snapshot found them),
 * whatever a person decided on them; undefined for a snapshot without an inventory (a backfill, a
 * draft's, or one taken before Steward kept items).
 */
export function itemsFoundAt(db: Database, repositoryId: number, snapshotId: number): { fingerprint: string; kind: string; title: string; path: string | null; line: number | null }[] | undefined {
  const history = snapshotsWithItems(db, repositoryId);
  if (!history.some((row) => row.id === snapshotId)) return undefined;
  const found = foundIn(effectiveSnapshots(history, snapshotId));
  return db
    .prepare<unknown[], { fingerprint: string; kind: string; title: string; path: string | null; line: number | null }>(
      `SELECT d.fingerprint, d.kind, si.title, si.path, si.line FROM ${itemJoins} WHERE ${found.sql}`,
    )
    .all(...found.params);
}

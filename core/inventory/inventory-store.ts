import { userInfo } from 'node:os';
import type { z } from 'zod';
import type { AnalysisId } from '../api/analyses.js';
import { StewardError } from '../api/errors.js';
import { type DebtItem, type InventoryPage, type InventoryQuerySchema, type ItemStatus, severities } from '../api/inventory.js';
import type { Database } from '../store/database.js';
import { type CostModel, debtTotals, defaultCostModel } from './cost-model.js';

type InventoryQuery = z.infer<typeof InventoryQuerySchema>;

/** What filtering and sorting need of an item; the rest is read for the page only. */
interface LightRow {
  itemId: number;
  fingerprint: string;
  snapshotId: number;
  kind: DebtItem['kind'];
  decision: 'open' | 'accepted' | 'dismissed';
  firstSeen: number;
  firstSeenAt: string;
  path: string | null;
  symbol: string | null;
  title: string;
  severity: DebtItem['severity'];
  confidence: DebtItem['confidence'];
  effort: number;
  interest: number;
  priority: number;
  owner: string | null;
}

interface Listed extends LightRow {
  status: ItemStatus;
  isNew: boolean;
}

interface SnapshotInventoryRow {
  id: number;
  analyses: string;
  lines_of_code: number;
  minutes_per_line: number;
}

/** Every scan of the repository's HEAD that has its items, newest first. */
function snapshotsWithItems(db: Database, repositoryId: number): SnapshotInventoryRow[] {
  return db
    .prepare<[number], SnapshotInventoryRow>(
      `SELECT s.id, i.analyses, i.lines_of_code, i.minutes_per_line FROM snapshots s JOIN snapshot_inventory i ON i.snapshot_id = s.id
       WHERE s.repository_id = ? AND s.kind = 'head' ORDER BY s.finished_at DESC, s.id DESC`,
    )
    .all(repositoryId);
}

/**
 * Which snapshot speaks for each analysis as of a snapshot: itself for the analyses it ran, else the
 * newest earlier one that ran it (a `scan --only code` does not resolve the dependency items).
 */
function effectiveSnapshots(history: readonly SnapshotInventoryRow[], from: number): Map<AnalysisId, number> {
  const start = history.findIndex((row) => row.id === from);
  const speaking = new Map<AnalysisId, number>();
  for (const row of history.slice(start)) {
    for (const analysis of JSON.parse(row.analyses) as AnalysisId[]) if (!speaking.has(analysis)) speaking.set(analysis, row.id);
  }
  return speaking;
}

const lightColumns = `d.id AS itemId, d.fingerprint, si.snapshot_id AS snapshotId, d.kind, d.decision, d.first_seen AS firstSeen,
  (SELECT finished_at FROM snapshots WHERE id = d.first_seen) AS firstSeenAt, si.path, si.symbol, si.title,
  si.severity, si.confidence, si.effort, si.interest, si.priority, si.owner`;

function itemsAsOf(db: Database, speaking: ReadonlyMap<AnalysisId, number>): LightRow[] {
  if (speaking.size === 0) return [];
  const pairs = [...speaking];
  return db
    .prepare<unknown[], LightRow>(
      `SELECT ${lightColumns} FROM snapshot_items si JOIN debt_items d ON d.id = si.item_id
       WHERE ${pairs.map(() => '(si.snapshot_id = ? AND d.analysis = ?)').join(' OR ')}`,
    )
    .all(...pairs.flatMap(([analysis, snapshot]) => [snapshot, analysis]));
}

/** Items found before and not now, by an analysis that ran: resolved, shown as they were last seen. */
function resolvedItems(db: Database, repositoryId: number, speaking: ReadonlyMap<AnalysisId, number>, current: ReadonlySet<number>): LightRow[] {
  if (speaking.size === 0) return [];
  const analyses = [...speaking.keys()];
  return db
    .prepare<unknown[], LightRow>(
      `SELECT ${lightColumns} FROM debt_items d JOIN snapshot_items si ON si.item_id = d.id AND si.snapshot_id = d.last_seen
       WHERE d.repository_id = ? AND d.analysis IN (${analyses.map(() => '?').join(', ')})`,
    )
    .all(repositoryId, ...analyses)
    .filter((row) => !current.has(row.itemId));
}

const severityOrder = new Map(severities.map((severity, index) => [severity, index]));

const sorters: Record<InventoryQuery['sort'], (a: Listed, b: Listed) => number> = {
  priority: (a, b) => b.priority - a.priority || a.effort - b.effort,
  // Quick wins first.
  effort: (a, b) => a.effort - b.effort || b.priority - a.priority,
  // The oldest debt first.
  age: (a, b) => a.firstSeen - b.firstSeen || b.priority - a.priority,
  severity: (a, b) => severityOrder.get(a.severity)! - severityOrder.get(b.severity)! || b.priority - a.priority,
};

/** A repository's inventory as of a snapshot (the latest by default): filtered, sorted, one page of it, with facets and totals. */
export function listInventory(db: Database, query: InventoryQuery): InventoryPage {
  const history = snapshotsWithItems(db, query.repositoryId);
  const snapshot = query.snapshotId === undefined ? history[0] : history.find((row) => row.id === query.snapshotId);
  if (!snapshot) {
    throw new StewardError('not-found', query.snapshotId === undefined ? 'This repository has no inventory yet: scan it first' : `Snapshot ${query.snapshotId} is not a scan of this repository's HEAD with an inventory`);
  }
  const previous = history[history.indexOf(snapshot) + 1];
  const speaking = effectiveSnapshots(history, snapshot.id);
  const found = itemsAsOf(db, speaking);
  const currentIds = new Set(found.map((row) => row.itemId));
  const previousIds = previous ? new Set(itemsAsOf(db, effectiveSnapshots(history, previous.id)).map((row) => row.itemId)) : undefined;
  const isNew = (row: LightRow): boolean => previousIds !== undefined && !previousIds.has(row.itemId);
  const wantResolved = query.statuses?.includes('resolved') ?? false;
  const resolved = wantResolved ? resolvedItems(db, query.repositoryId, speaking, currentIds) : [];
  const all: Listed[] = [
    ...found.map((row) => ({ ...row, status: row.decision as ItemStatus, isNew: isNew(row) })),
    ...resolved.map((row) => ({ ...row, status: 'resolved' as const, isNew: false })),
  ];

  const filters = itemFilters(db, query);
  const passing = (row: Listed, except?: keyof typeof filters): boolean => Object.entries(filters).every(([name, test]) => name === except || test(row));
  const rows = all.filter((row) => passing(row)).sort(sorters[query.sort]);
  const count = <K extends string>(facet: keyof typeof filters, key: (row: Listed) => K | null): Partial<Record<K, number>> => {
    const counts: Partial<Record<K, number>> = {};
    for (const row of all) {
      const value = key(row);
      if (value !== null && passing(row, facet)) counts[value] = (counts[value] ?? 0) + 1;
    }
    return counts;
  };
  const open = found.filter((row) => row.decision === 'open');
  const model: CostModel = { ...defaultCostModel, minutesPerLine: snapshot.minutes_per_line };
  return {
    snapshotId: snapshot.id,
    previousSnapshotId: previous?.id ?? null,
    total: rows.length,
    items: fullItems(db, rows.slice(query.offset, query.offset + query.limit)),
    facets: {
      kinds: count('kinds', (row) => row.kind),
      statuses: count('statuses', (row) => row.status),
      confidences: count('confidences', (row) => row.confidence),
      severities: count('severities', (row) => row.severity),
      owners: count('owner', (row) => row.owner) as Record<string, number>,
    },
    totals: debtTotals(open.map((row) => ({ effortMinutes: row.effort, interestMinutesPerMonth: row.interest })), snapshot.lines_of_code, model),
    changes: {
      new: previousIds ? found.filter((row) => !previousIds.has(row.itemId)).length : 0,
      resolved: previousIds ? [...previousIds].filter((id) => !currentIds.has(id)).length : 0,
    },
  };
}

function itemFilters(db: Database, query: InventoryQuery): Record<'fingerprint' | 'kinds' | 'statuses' | 'confidences' | 'severities' | 'folder' | 'owner' | 'since' | 'search', (row: Listed) => boolean> {
  const statuses = query.statuses ?? ['open', 'accepted', 'dismissed'];
  const folder = query.folder?.replace(/\/+$/, '') ?? '';
  const words = (query.search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const since = sinceTest(db, query);
  return {
    fingerprint: (row) => query.fingerprint === undefined || row.fingerprint === query.fingerprint,
    kinds: (row) => !query.kinds || query.kinds.includes(row.kind),
    statuses: (row) => statuses.includes(row.status),
    confidences: (row) => !query.confidences || query.confidences.includes(row.confidence),
    severities: (row) => !query.severities || query.severities.includes(row.severity),
    folder: (row) => folder === '' || (row.path !== null && (row.path === folder || row.path.startsWith(`${folder}/`))),
    owner: (row) => query.owner === undefined || row.owner === query.owner,
    since,
    search: (row) => words.every((word) => `${row.title}\n${row.path ?? ''}\n${row.symbol ?? ''}`.toLowerCase().includes(word)),
  };
}

/** `--since`: first seen after a snapshot, or at or after a date. */
function sinceTest(db: Database, query: InventoryQuery): (row: Listed) => boolean {
  const { since } = query;
  if (since === undefined) return () => true;
  if (typeof since === 'number') {
    const row = db.prepare<[number, number], { finished_at: string }>('SELECT finished_at FROM snapshots WHERE id = ? AND repository_id = ?').get(since, query.repositoryId);
    if (!row) throw new StewardError('not-found', `Snapshot ${since} is not one of this repository's`);
    return (item) => Date.parse(item.firstSeenAt) > Date.parse(row.finished_at);
  }
  const from = Date.parse(since);
  return (item) => Date.parse(item.firstSeenAt) >= from;
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
function fullItems(db: Database, rows: readonly Listed[]): DebtItem[] {
  const select = db.prepare<[number, number], FullRow>(
    `SELECT d.id AS itemId, d.fingerprint, d.kind, d.analysis, si.title, si.path, si.line, si.symbol, si.evidence, si.severity, si.confidence,
       si.confidence_reason AS confidenceReason, si.effort, si.interest, si.risk, si.priority, si.owner, si.owner_source AS ownerSource,
       si.fix, si.draft, d.decision_reason AS decisionReason, d.decision_by AS decisionBy, d.decision_at AS decisionAt,
       d.first_seen AS firstSeen, (SELECT finished_at FROM snapshots WHERE id = d.first_seen) AS firstSeenAt,
       d.last_seen AS lastSeen, (SELECT finished_at FROM snapshots WHERE id = d.last_seen) AS lastSeenAt
     FROM snapshot_items si JOIN debt_items d ON d.id = si.item_id WHERE si.snapshot_id = ? AND si.item_id = ?`,
  );
  return rows.map((row) => {
    const full = select.get(row.snapshotId, row.itemId)!;
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
      isNew: row.isNew,
    };
  });
}

/** One item by fingerprint, as of the latest snapshot. */
export function getItem(db: Database, repositoryId: number, fingerprint: string): DebtItem {
  const item = listInventory(db, { repositoryId, fingerprint, statuses: ['open', 'accepted', 'dismissed', 'resolved'], sort: 'priority', offset: 0, limit: 1 }).items[0];
  if (!item) throw new StewardError('not-found', `No item with fingerprint ${fingerprint} in this repository (steward inventory lists them)`);
  return item;
}

type Decision = 'accepted' | 'dismissed' | 'open';

/**
 * A person's decision on an item, with a reason: remembered across scans (until the item changes
 * materially), and written to the item's events with who and when.
 */
export function decideItem(db: Database, input: { repositoryId: number; fingerprint: string; reason: string; by?: string | undefined }, decision: Decision, now: Date): DebtItem {
  const by = input.by ?? userInfo().username;
  db.transaction(() => {
    const item = db
      .prepare<[number, string], { id: number; decision: Decision; material: string | null; current: number | null }>(
        `SELECT d.id, d.decision, (SELECT material FROM snapshot_items WHERE item_id = d.id AND snapshot_id = d.last_seen) AS material, d.last_seen AS current
         FROM debt_items d WHERE d.repository_id = ? AND d.fingerprint = ?`,
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

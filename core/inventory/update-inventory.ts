import { createHash } from 'node:crypto';
import type { AnalysisId } from '../api/analyses.js';
import type { Database } from '../store/database.js';
import { type PreparedItem, matchKey } from './prepare-items.js';

/** Bumped when the same reports would give other items. */
export const inventoryVersion = '1';

interface InventoryUpdate {
  repositoryId: number;
  snapshotId: number;
  /** The analyses that ran: items of the others are neither found nor resolved by this snapshot. */
  analyses: readonly AnalysisId[];
  items: readonly PreparedItem[];
  /** Files renamed since the previous snapshot (old path → new), as git detects them. */
  renames: ReadonlyMap<string, string>;
  linesOfCode: number;
  minutesPerLine: number;
  now: Date;
}

interface StoredItem {
  id: number;
  match_key: string;
  decision: 'open' | 'accepted' | 'dismissed';
  decision_material: string | null;
}

/**
 * Gives the snapshot's findings their identity and records them; runs inside the snapshot's
 * transaction. A finding is the item it was before when its match key (kind, path, symbol: never a
 * line) is the same, or was before its file was renamed; an accepted or dismissed item whose material
 * changed is open again; an item of an analysis that ran and did not find it again is resolved (it
 * is simply not in this snapshot). Everything else is a new item with a new fingerprint.
 */
export function updateInventory(db: Database, update: InventoryUpdate): void {
  const { repositoryId, snapshotId } = update;
  const stored = db
    .prepare<[number], StoredItem>('SELECT id, match_key, decision, decision_material FROM debt_items WHERE repository_id = ?')
    .all(repositoryId);
  const byKey = new Map(stored.map((item) => [item.match_key, item]));
  const previousPath = new Map([...update.renames].map(([from, to]) => [to, from]));
  const takenFingerprints = new Set(db.prepare<[number], { fingerprint: string }>('SELECT fingerprint FROM debt_items WHERE repository_id = ?').all(repositoryId).map((row) => row.fingerprint));

  const insertItem = db.prepare(
    `INSERT INTO debt_items (repository_id, fingerprint, kind, analysis, match_key, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const seenAgain = db.prepare('UPDATE debt_items SET last_seen = max(last_seen, ?), match_key = ? WHERE id = ?');
  const reopen = db.prepare(`UPDATE debt_items SET decision = 'open', decision_reason = NULL, decision_by = NULL, decision_at = NULL, decision_material = NULL WHERE id = ?`);
  const event = db.prepare('INSERT INTO item_events (item_id, at, action, reason, by, snapshot_id) VALUES (?, ?, ?, ?, ?, ?)');
  const insertFound = db.prepare(
    `INSERT INTO snapshot_items (snapshot_id, item_id, title, path, line, symbol, evidence, severity, confidence, confidence_reason,
       effort, interest, risk, priority, owner, owner_source, fix, draft, material)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  const claimed = new Set<number>();
  for (const item of update.items) {
    let found = byKey.get(item.key);
    if (!found && item.path !== null && previousPath.has(item.path)) {
      const renamed = byKey.get(matchKey(item.kind, previousPath.get(item.path)!, item.symbol));
      // The renamed item follows its file, unless the new key is taken by an item of its own.
      if (renamed && !byKey.has(item.key)) found = renamed;
    }
    if (found && claimed.has(found.id)) found = undefined;
    let id: number;
    if (found) {
      id = found.id;
      if (found.match_key !== item.key) {
        byKey.delete(found.match_key);
        byKey.set(item.key, found);
      }
      seenAgain.run(snapshotId, item.key, id);
      if (found.decision !== 'open' && found.decision_material !== item.material) {
        reopen.run(id);
        event.run(id, update.now.toISOString(), 'reopened by a change', `It changed since it was ${found.decision}: ${item.title}`, 'Steward', snapshotId);
      }
    } else {
      const fingerprint = newFingerprint(item.key, takenFingerprints);
      id = Number(insertItem.run(repositoryId, fingerprint, item.kind, item.analysis, item.key, snapshotId, snapshotId).lastInsertRowid);
      byKey.set(item.key, { id, match_key: item.key, decision: 'open', decision_material: null });
    }
    claimed.add(id);
    insertFound.run(
      snapshotId,
      id,
      item.title,
      item.path,
      item.line,
      item.symbol,
      JSON.stringify(item.evidence),
      item.severity,
      item.confidence,
      item.confidenceReason,
      item.cost.effortMinutes,
      item.cost.interestMinutesPerMonth,
      item.cost.risk,
      item.cost.priority,
      item.owner?.name ?? null,
      item.owner?.source ?? null,
      item.fix.text,
      item.fix.draft,
      item.material,
    );
  }
  db.prepare('INSERT INTO snapshot_inventory (snapshot_id, version, analyses, lines_of_code, minutes_per_line) VALUES (?, ?, ?, ?, ?)').run(
    snapshotId,
    inventoryVersion,
    JSON.stringify(update.analyses),
    update.linesOfCode,
    update.minutesPerLine,
  );
}

/** 16 hex digits of SHA-256 of an item's first match key. */
export function fingerprintOf(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** The fingerprint of a new item; a key seen before (its item moved on, renamed) gets a suffix. */
function newFingerprint(key: string, taken: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    const fingerprint = attempt === 0 ? fingerprintOf(key) : fingerprintOf(`${key}\0${attempt}`);
    if (!taken.has(fingerprint)) {
      taken.add(fingerprint);
      return fingerprint;
    }
  }
}

/**
 * The fingerprints findings of a run that saved nothing have: the item's they match in the
 * repository's inventory, else what a new item's would be.
 */
export function fingerprintsFor(db: Database, repositoryId: number, items: readonly PreparedItem[]): string[] {
  const known = db.prepare<[number, string], { fingerprint: string }>('SELECT fingerprint FROM debt_items WHERE repository_id = ? AND match_key = ?');
  return items.map((item) => known.get(repositoryId, item.key)?.fingerprint ?? fingerprintOf(item.key));
}

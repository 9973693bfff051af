import { createHash } from 'node:crypto';
import { fingerprintLetters } from '../api/inventory.js';
import type { AnalysisId } from '../api/analyses.js';
import type { Database } from '../store/database.js';
import { type PreparedItem, matchKey, matchKeySeparator } from './prepare-items.js';

/** Bumped when the same reports would give other items. */
const inventoryVersion = '1';

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
  /** The owners CODEOWNERS gives the whole repository; null when it names none. */
  team: readonly string[] | null;
  now: Date;
}

interface StoredItem {
  id: number;
  fingerprint: string;
  match_key: string;
  decision: 'open' | 'accepted' | 'dismissed';
  decision_material: string | null;
  /** As last seen. */
  material: string | null;
}

/**
 * SQL for when item `d` was last seen: the newest snapshot that found it (an index on snapshot_items
 * reads it). Not kept on the item, which would rewrite every found item's row at every scan.
 */
export const lastSeenSnapshot = '(SELECT max(seen.snapshot_id) FROM snapshot_items seen WHERE seen.item_id = d.id)';

/** SQL for item `d`'s material as last seen. */
export const lastSeenMaterial = `(SELECT seen.material FROM snapshot_items seen WHERE seen.item_id = d.id ORDER BY seen.snapshot_id DESC LIMIT 1)`;

/** The key's group: kind, path and symbol without its ordinal (`#2`), where same-named functions are told apart. */
function groupOf(key: string): string {
  return key.replace(/ #\d+$/, '');
}

/**
 * Gives the snapshot's findings their identity and records them; runs inside the snapshot's
 * transaction. A finding is matched to a stored item of the same kind, file (followed through the
 * renames git saw since the previous snapshot) and symbol, in this order: same key and same material
 * (unchanged); same group and same material (an unchanged function whose ordinal among same-named
 * functions moved, because one was added or removed before it); same key (changed in place). An
 * accepted or dismissed item whose material changed is open again; an item of an analysis that ran
 * and did not find it again is resolved (it is simply not in this snapshot). Anything else is a new
 * item with a new fingerprint.
 */
export function updateInventory(db: Database, update: InventoryUpdate): void {
  const { repositoryId, snapshotId } = update;
  const stored = db
    .prepare<[number], StoredItem>(
      `SELECT d.id, d.fingerprint, d.match_key, d.decision, d.decision_material, ${lastSeenMaterial} AS material FROM debt_items d WHERE d.repository_id = ?`,
    )
    .all(repositoryId);
  // Stored keys as they read after this snapshot's renames.
  const renamedKey = (key: string): string => {
    const [kind, path, ...symbol] = key.split(matchKeySeparator);
    const to = path === undefined ? undefined : update.renames.get(path);
    return to === undefined ? key : matchKey(kind!, to, symbol.join(matchKeySeparator) || null);
  };
  const byKey = new Map<string, StoredItem[]>();
  const byGroup = new Map<string, StoredItem[]>();
  for (const item of stored) {
    const key = renamedKey(item.match_key);
    byKey.set(key, [...(byKey.get(key) ?? []), item]);
    byGroup.set(groupOf(key), [...(byGroup.get(groupOf(key)) ?? []), item]);
  }
  const claimed = new Set<number>();
  const unclaimed = (items: readonly StoredItem[] | undefined, test: (item: StoredItem) => boolean): StoredItem | undefined => items?.find((item) => !claimed.has(item.id) && test(item));
  const assigned = new Map<PreparedItem, StoredItem>();
  const passes: ((item: PreparedItem) => StoredItem | undefined)[] = [
    (item) => unclaimed(byKey.get(item.key), (found) => found.material === item.material),
    (item) => unclaimed(byGroup.get(groupOf(item.key)), (found) => found.material === item.material),
    (item) => unclaimed(byKey.get(item.key), () => true),
  ];
  for (const pass of passes) {
    for (const item of update.items) {
      if (assigned.has(item)) continue;
      const found = pass(item);
      if (found) {
        assigned.set(item, found);
        claimed.add(found.id);
      }
    }
  }
  const takenFingerprints = new Set(stored.map((item) => item.fingerprint));

  const insertItem = db.prepare(`INSERT INTO debt_items (repository_id, fingerprint, kind, analysis, match_key, first_seen) VALUES (?, ?, ?, ?, ?, ?)`);
  const moved = db.prepare('UPDATE debt_items SET match_key = ? WHERE id = ?');
  const reopen = db.prepare(`UPDATE debt_items SET decision = 'open', decision_reason = NULL, decision_by = NULL, decision_at = NULL, decision_material = NULL WHERE id = ?`);
  const event = db.prepare('INSERT INTO item_events (item_id, at, action, reason, by, snapshot_id) VALUES (?, ?, ?, ?, ?, ?)');
  const insertFound = db.prepare(
    `INSERT INTO snapshot_items (snapshot_id, item_id, title, path, line, symbol, evidence, severity, confidence, confidence_reason,
       effort, interest, risk, priority, owner, owner_source, fix, draft, material)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  // New items first, all together, then their ids in one read: a team store gets them in a few
  // statements instead of a round trip each (a first scan has thousands).
  const fingerprints = new Map<PreparedItem, string>();
  for (const item of update.items) {
    const found = assigned.get(item);
    if (!found) {
      const fingerprint = newFingerprint(item.key, takenFingerprints);
      fingerprints.set(item, fingerprint);
      insertItem.run(repositoryId, fingerprint, item.kind, item.analysis, item.key, snapshotId);
    } else {
      if (found.match_key !== item.key) moved.run(item.key, found.id);
      if (found.decision !== 'open' && found.decision_material !== item.material) {
        reopen.run(found.id);
        event.run(found.id, update.now.toISOString(), 'reopened by a change', `It changed since it was ${found.decision}: ${item.title}`, 'Steward', snapshotId);
      }
    }
  }
  const newIds = new Map(
    db
      .prepare<[number, number], { id: number; fingerprint: string }>('SELECT id, fingerprint FROM debt_items WHERE repository_id = ? AND first_seen = ?')
      .all(repositoryId, snapshotId)
      .map((row) => [row.fingerprint, row.id]),
  );
  for (const item of update.items) {
    const id = assigned.get(item)?.id ?? newIds.get(fingerprints.get(item)!)!;
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
  db.prepare('INSERT INTO snapshot_inventory (snapshot_id, version, analyses, lines_of_code, minutes_per_line, owners) VALUES (?, ?, ?, ?, ?, ?)').run(
    snapshotId,
    inventoryVersion,
    JSON.stringify(update.analyses),
    update.linesOfCode,
    update.minutesPerLine,
    update.team === null ? null : JSON.stringify(update.team),
  );
}

/**
 * The first 64 bits of SHA-256 of an item's first match key, written as 16 letters (one per 4 bits,
 * from `fingerprintLetters`). Letters only and no vowels: a spreadsheet never reads a fingerprint as a
 * number (hex such as 0944… or 2059e523… loses its leading zero or becomes 1.8E+308) and none spells a word.
 * Hashed with NUL between the parts, as keys were written before they could go to PostgreSQL: a
 * finding keeps the fingerprint it always had, in a new store as in an old one.
 */
export function fingerprintOf(key: string): string {
  let fingerprint = '';
  for (const byte of createHash('sha256').update(key.replaceAll(matchKeySeparator, '\0')).digest().subarray(0, 8)) {
    fingerprint += fingerprintLetters[byte >> 4]! + fingerprintLetters[byte & 15]!;
  }
  return fingerprint;
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

import type { AuditEntry, Draft, DraftDetail, DraftPlan, DraftRequest, DraftRisk, DraftState } from '../api/drafts.js';
import type { DraftKind } from '../api/inventory.js';
import type { Database } from './database.js';

interface DraftRow {
  id: string;
  repository_id: number;
  kind: DraftKind;
  state: DraftState;
  title: string;
  branch: string;
  base_commit: string;
  head_commit: string | null;
  worktree: string | null;
  step: string | null;
  request: string;
  plan: string | null;
  risk: string | null;
  error: string | null;
  created_by: string;
  owner_pid: number | null;
  owner_host: string | null;
  command_group: number | null;
  created_at: string;
  updated_at: string;
}

/** What a new draft starts with: the worktree and branch it is drafted in, and who asked. */
interface NewDraft {
  id: string;
  repositoryId: number;
  kind: DraftKind;
  title: string;
  branch: string;
  baseCommit: string;
  worktree: string;
  request: DraftRequest;
  createdBy: string;
  ownerPid: number;
  ownerHost: string;
}

/** One line of the audit log, as the draft's process writes it (the time is the store's). */
export type AuditRecord = Omit<AuditEntry, 'at'>;

const toDraft = (row: DraftRow): Draft => ({
  id: row.id,
  repositoryId: row.repository_id,
  kind: row.kind,
  state: row.state,
  title: row.title,
  branch: row.branch,
  baseCommit: row.base_commit,
  headCommit: row.head_commit,
  worktree: row.worktree,
  step: row.step,
  risk: row.risk === null ? null : (JSON.parse(row.risk) as DraftRisk),
  error: row.error,
  createdBy: row.created_by,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Records a new draft as drafting, with its `initiate` audit entry, in one transaction. */
export function insertDraft(db: Database, draft: NewDraft, initiated: AuditRecord, now: Date): Draft {
  const at = now.toISOString();
  db.transaction(() => {
    db.prepare(
      `INSERT INTO drafts (id, repository_id, kind, state, title, branch, base_commit, worktree, step, request, created_by, owner_pid, owner_host, created_at, updated_at)
       VALUES (?, ?, ?, 'drafting', ?, ?, ?, ?, 'Creating the worktree', ?, ?, ?, ?, ?, ?)`,
    ).run(draft.id, draft.repositoryId, draft.kind, draft.title, draft.branch, draft.baseCommit, draft.worktree, JSON.stringify(draft.request), draft.createdBy, draft.ownerPid, draft.ownerHost, at, at);
    appendAudit(db, draft.id, initiated, now);
  })();
  return getDraft(db, draft.id)!;
}

interface DraftChange {
  state?: DraftState;
  title?: string;
  step?: string | null;
  headCommit?: string | null;
  worktree?: string | null;
  plan?: DraftPlan;
  error?: string | null;
}

const columns: Record<keyof DraftChange, string> = { state: 'state', title: 'title', step: 'step', headCommit: 'head_commit', worktree: 'worktree', plan: 'plan', error: 'error' };

/** Changes a draft, with its audit entry when the change is a transition, in one transaction. */
export function updateDraft(db: Database, id: string, change: DraftChange, now: Date, audit?: AuditRecord): Draft {
  const set: string[] = ['updated_at = @updatedAt'];
  const values: Record<string, unknown> = { id, updatedAt: now.toISOString() };
  for (const [key, value] of Object.entries(change) as [keyof DraftChange, unknown][]) {
    if (value === undefined) continue;
    set.push(`${columns[key]} = @${key}`);
    values[key] = key === 'plan' ? JSON.stringify(value) : value;
  }
  if (change.plan) {
    set.push('risk = @risk');
    values['risk'] = JSON.stringify(change.plan.risk);
  }
  if (change.state && change.state !== 'drafting') set.push('owner_pid = NULL', 'owner_host = NULL', 'command_group = NULL');
  db.transaction(() => {
    db.prepare(`UPDATE drafts SET ${set.join(', ')} WHERE id = @id`).run(values);
    if (audit) appendAudit(db, id, audit, now);
  })();
  return getDraft(db, id)!;
}

export function appendAudit(db: Database, draftId: string, entry: AuditRecord, now: Date): void {
  db.prepare('INSERT INTO draft_audit (draft_id, at, actor, action, what, place, how, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    draftId,
    now.toISOString(),
    entry.actor,
    entry.action,
    entry.what,
    entry.where,
    JSON.stringify(entry.how),
    entry.note,
  );
}

export function getDraft(db: Database, id: string): Draft | null {
  const row = db.prepare<[string], DraftRow>('SELECT * FROM drafts WHERE id = ?').get(id);
  return row ? toDraft(row) : null;
}

export function getDraftDetail(db: Database, id: string): DraftDetail | null {
  const row = db.prepare<[string], DraftRow>('SELECT * FROM drafts WHERE id = ?').get(id);
  if (!row) return null;
  const audit = db
    .prepare<[string], { at: string; actor: string; action: AuditEntry['action']; what: string; place: string; how: string; note: string | null }>(
      'SELECT at, actor, action, what, place, how, note FROM draft_audit WHERE draft_id = ? ORDER BY id',
    )
    .all(id)
    .map(({ place, how, ...entry }) => ({ ...entry, where: place, how: JSON.parse(how) as string[] }));
  return { ...toDraft(row), plan: row.plan === null ? null : (JSON.parse(row.plan) as DraftPlan), audit };
}

/** Newest first; of one repository, or of every repository still added. */
export function listDrafts(db: Database, repositoryId?: number): Draft[] {
  const rows =
    repositoryId === undefined
      ? db.prepare<[], DraftRow>('SELECT d.* FROM drafts d JOIN repositories r ON r.id = d.repository_id WHERE r.removed_at IS NULL ORDER BY d.created_at DESC, d.id').all()
      : db.prepare<[number], DraftRow>('SELECT * FROM drafts WHERE repository_id = ? ORDER BY created_at DESC, id').all(repositoryId);
  return rows.map(toDraft);
}

/** Drafts whose process stopped while drafting (a crash, a kill), for recovery: those of this host whose process is gone, with the process group of the command they were running. */
export function abandonedDrafts(db: Database, host: string, alive: (pid: number) => boolean): (Draft & { commandGroup: number | null })[] {
  return db
    .prepare<[string], DraftRow>("SELECT * FROM drafts WHERE state = 'drafting' AND (owner_host IS NULL OR owner_host = ?)")
    .all(host)
    .filter((row) => row.owner_pid === null || !alive(row.owner_pid))
    .map((row) => ({ ...toDraft(row), commandGroup: row.command_group }));
}

/** The process group of the command a draft runs now (null once it ended). */
export function recordCommandGroup(db: Database, id: string, group: number | null): void {
  db.prepare('UPDATE drafts SET command_group = ? WHERE id = ?').run(group, id);
}

/** Worktree folders drafts still own (the others in Steward's worktree folder are leftovers). */
export function draftWorktrees(db: Database): Set<string> {
  return new Set(db.prepare<[], { worktree: string }>('SELECT worktree FROM drafts WHERE worktree IS NOT NULL').all().map((row) => row.worktree));
}

interface Consent {
  granted: boolean;
  by: string | null;
  at: string | null;
}

export function readConsent(db: Database, repositoryId: number): Consent {
  const row = db.prepare<[number], { granted_by: string; granted_at: string }>('SELECT granted_by, granted_at FROM code_consents WHERE repository_id = ?').get(repositoryId);
  return row ? { granted: true, by: row.granted_by, at: row.granted_at } : { granted: false, by: null, at: null };
}

export function grantConsent(db: Database, repositoryId: number, by: string, now: Date): void {
  db.prepare('INSERT INTO code_consents (repository_id, granted_by, granted_at) VALUES (?, ?, ?) ON CONFLICT (repository_id) DO UPDATE SET granted_by = excluded.granted_by, granted_at = excluded.granted_at').run(repositoryId, by, now.toISOString());
}

export function revokeConsent(db: Database, repositoryId: number): void {
  db.prepare('DELETE FROM code_consents WHERE repository_id = ?').run(repositoryId);
}

/**
 * Decisions per draft kind, from the audit log (a draft approved and later discarded, once merged,
 * still counts as approved): the kinds people keep rejecting are the ones to fix.
 */
export function approvalRates(db: Database): { kind: DraftKind; approved: number; rejected: number; discarded: number; rate: number | null }[] {
  return db
    .prepare<[], { kind: DraftKind; approved: number; rejected: number; discarded: number }>(
      `SELECT d.kind, SUM(CASE WHEN a.action = 'approve' THEN 1 ELSE 0 END) AS approved, SUM(CASE WHEN a.action = 'reject' THEN 1 ELSE 0 END) AS rejected, SUM(CASE WHEN a.action = 'discard' THEN 1 ELSE 0 END) AS discarded
       FROM drafts d JOIN draft_audit a ON a.draft_id = d.id WHERE a.action IN ('approve', 'reject', 'discard') GROUP BY d.kind ORDER BY d.kind`,
    )
    .all()
    .map((row) => ({ ...row, rate: row.approved + row.rejected === 0 ? null : row.approved / (row.approved + row.rejected) }));
}

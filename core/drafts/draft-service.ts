import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { type Draft, type DraftRequest, draftKindTitles } from '../api/drafts.js';
import { StewardError } from '../api/errors.js';
import type { Repository } from '../api/repositories.js';
import { inspectRepository } from '../git/inspect-repository.js';
import { type ScanService, isProcessAlive } from '../scan/scan-service.js';
import type { Database } from '../store/database.js';
import {
  type AuditRecord,
  abandonedDrafts,
  appendAudit,
  draftWorktrees,
  getDraft,
  getDraftDetail,
  grantConsent,
  insertDraft,
  listDrafts,
  readConsent,
  recordCommandGroup,
  revokeConsent,
  updateDraft,
} from '../store/drafts.js';
import { findRepository } from '../store/repositories.js';
import { planMarkdown } from './plan-markdown.js';
import { actorOf, branchExists, deleteBranch, removeWorktree } from './worktree.js';

interface DraftServiceOptions {
  db: Database;
  scans: ScanService;
  /** Steward's data folder: logs live under it. */
  home: string;
  /** The folder of this store's drafts' worktrees (a folder of its own per store: see worktreesFolder). */
  worktrees: string;
  parseWorkerUrl: URL | string;
  onUpdate(draft: Draft): void;
}

const idLetters = 'abcdefghijkmnpqrstuvwxyz23456789';

/**
 * Drafts run in this process (their heavy parts, scans and gates, in workers and child processes),
 * each in its own worktree, one transition at a time in the audit log. A draft left `drafting` by a
 * process that died is recovered at the next start: its worktree and branch removed, its state failed.
 */
export class DraftService {
  private readonly running = new Map<string, { controller: AbortController; done: Promise<Draft> }>();
  /** Recovery of what a crashed process left behind, started when the service is made. */
  readonly recovered: Promise<void>;

  constructor(private readonly options: DraftServiceOptions) {
    this.recovered = this.recover().catch(() => {});
  }

  /** Drafts being started (not yet running). */
  private starting = 0;

  /** Whether a draft is being made in this process, or started. */
  get busy(): boolean {
    return this.running.size > 0 || this.starting > 0;
  }

  async create(repository: Repository, request: DraftRequest, by?: string): Promise<Draft> {
    this.starting++;
    try {
      return await this.start(repository, request, by);
    } finally {
      this.starting--;
    }
  }

  private async start(repository: Repository, request: DraftRequest, by?: string): Promise<Draft> {
    await this.recovered;
    const { db } = this.options;
    refuseWhileDrafting(db, repository);
    const { root, head } = await inspectRepository(repository.path);
    const actor = by ?? (await actorOf(root));
    const consented = readConsent(db, repository.id).granted;
    const now = new Date();
    const { id, branch, taken } = await freeBranch(root, request.kind, now, newId);
    const where = `${repository.name} (${root}), branch ${branch} from ${head.commit.slice(0, 12)}`;
    // Checked again in the insert's transaction: another create (here or in another process) may have begun since.
    const draft = db.transaction(() => {
      refuseWhileDrafting(db, repository);
      return insertDraft(
        db,
        { id, repositoryId: repository.id, kind: request.kind, title: `${draftKindTitles[request.kind]} (drafting)`, branch, baseCommit: head.commit, worktree: join(this.options.worktrees, id), request, createdBy: actor, ownerPid: process.pid, ownerHost: hostname() },
        {
          actor,
          action: 'initiate',
          what: `${request.kind} draft of ${request.items ? `${request.items.length} chosen item${request.items.length === 1 ? '' : 's'}` : `every open item at ${request.confidence} confidence or above`}${request.kind === 'deps' ? `, target ${request.target}` : ''}`,
          where,
          how: [],
          note: taken.length > 0 ? `${taken.join(', ')} already existed; drafted as ${branch}` : null,
        },
        now,
      );
    }).immediate();
    if (request.consent && !consented) {
      grantConsent(db, repository.id, actor, now);
      appendAudit(db, id, { actor, action: 'consent', what: `Consent to run ${repository.name}'s own code in draft worktrees`, where, how: [], note: null }, now);
    }
    const controller = new AbortController();
    const done = this.drive(draft, repository, root, request, request.consent || consented, actor, where, controller.signal).finally(() => this.running.delete(id));
    this.running.set(id, { controller, done });
    this.options.onUpdate(draft);
    return draft;
  }

  /** Resolves with the draft once it is no longer drafting. */
  settled(id: string): Promise<Draft> {
    return this.running.get(id)?.done ?? Promise.resolve(this.get(id));
  }

  isRunning(id: string): boolean {
    return this.running.has(id);
  }

  cancel(id: string): Draft {
    const running = this.running.get(id);
    if (!running) throw new StewardError('not-found', `Draft ${id} is not being drafted here (it may have finished, or be running in another Steward process)`);
    running.controller.abort(new StewardError('cancelled', 'The draft was cancelled'));
    return this.get(id);
  }

  /** Approval never merges or pushes: it says how to. The worktree goes; the branch stays for the person to push. */
  async approve(id: string, note: string | undefined, by: string | undefined): Promise<{ draft: Draft; next: string[] }> {
    const draft = this.expect(id, ['ready'], 'approved');
    const markdown = join(this.dataFolder(id), 'pull-request.md');
    await mkdir(this.dataFolder(id), { recursive: true });
    await writeFile(markdown, planMarkdown(getDraftDetail(this.options.db, id)!));
    const next = [`git push -u origin ${draft.branch}`, `gh pr create --head ${draft.branch} --title ${JSON.stringify(draft.title)} --body-file ${markdown}`];
    const root = await this.removeWorktreeOf(draft);
    const approved = this.transition(draft, 'approved', { action: 'approve', what: `Approved ${draft.title}`, how: next, note: note ?? null }, by ?? (await actorOf(root)));
    return { draft: approved, next };
  }

  async reject(id: string, note: string | undefined, by: string | undefined): Promise<Draft> {
    const draft = this.expect(id, ['ready'], 'rejected');
    const root = await this.removeWorktreeOf(draft);
    return this.transition(draft, 'rejected', { action: 'reject', what: `Rejected ${draft.title}`, how: [], note: note ?? null }, by ?? (await actorOf(root)));
  }

  /** Removes the worktree and the branch (the caller has asked the person to confirm). */
  async discard(id: string, note: string | undefined, by: string | undefined): Promise<Draft> {
    const draft = this.expect(id, ['ready', 'failed', 'approved', 'rejected'], 'discarded');
    const root = await this.removeWorktreeOf(draft);
    await deleteBranch(root, draft.branch);
    return this.transition(draft, 'discarded', { action: 'discard', what: `Discarded ${draft.title}: worktree and branch ${draft.branch} removed`, how: [`git worktree remove --force ${draft.worktree ?? '(already removed)'}`, `git branch -D ${draft.branch}`], note: note ?? null }, by ?? (await actorOf(root)));
  }

  consent(repository: Repository, grant: boolean | undefined, by: string): ReturnType<typeof readConsent> {
    const { db } = this.options;
    if (grant === true) grantConsent(db, repository.id, by, new Date());
    if (grant === false) revokeConsent(db, repository.id);
    return readConsent(db, repository.id);
  }

  get(id: string): Draft {
    const draft = getDraft(this.options.db, id);
    if (!draft) throw new StewardError('not-found', `No draft ${id} (steward drafts lists them)`);
    return draft;
  }

  /** Cancels the drafts running here and waits for them to stop. */
  async close(): Promise<void> {
    const running = [...this.running.values()];
    for (const draft of running) draft.controller.abort(new StewardError('cancelled', 'Steward is closing'));
    await Promise.allSettled(running.map((draft) => draft.done));
    await this.recovered;
  }

  private async drive(draft: Draft, repository: Repository, root: string, request: DraftRequest, consent: boolean, actor: string, where: string, signal: AbortSignal): Promise<Draft> {
    const { db } = this.options;
    const update = (change: Parameters<typeof updateDraft>[2], audit?: Omit<AuditRecord, 'actor' | 'where'>): Draft => {
      const updated = updateDraft(db, draft.id, change, new Date(), audit ? { ...audit, actor, where } : undefined);
      this.options.onUpdate(updated);
      return updated;
    };
    try {
      // Loaded when a draft runs: its kinds bring ts-morph, which no scan needs.
      const { runDraft } = await import('./run-draft.js');
      const { plan, headCommit, title } = await runDraft({
        db,
        scans: this.options.scans,
        repository,
        root,
        draft,
        request,
        consent,
        actor,
        dataFolder: this.dataFolder(draft.id),
        parseWorkerUrl: this.options.parseWorkerUrl,
        signal,
        step: (step) => void update({ step }),
        onCommandGroup: (group) => recordCommandGroup(db, draft.id, group),
        audit: (record) => appendAudit(db, draft.id, { ...record, actor, where }, new Date()),
        now: () => new Date(),
      });
      if (headCommit) return update({ state: 'ready', plan, headCommit, title, step: null }, { action: 'ready', what: `Ready for review: ${title}, ${plan.commits.length} commit${plan.commits.length === 1 ? '' : 's'}, risk ${plan.risk.level} (${plan.risk.score})`, how: [], note: null });
      const why = plan.leftOut.length > 0 ? `no part of the change passed the gates (${plan.leftOut.map((left) => `${left.unit.label}: ${left.gate}`).join('; ')})` : `there was nothing to draft${plan.warnings.length > 0 ? `: ${plan.warnings.slice(0, 3).join('; ')}` : ''}`;
      return update({ state: 'failed', plan, title, step: null, worktree: null, error: `Nothing was drafted: ${why}` }, { action: 'failed', what: `Nothing was drafted: ${why}`, how: [], note: null });
    } catch (error) {
      // Whatever the cause, the worktree and the branch go: nothing half-made stays in the user's repository.
      await removeWorktree(root, draft.worktree!).catch(() => {});
      await removeWorktree(root, `${draft.worktree!}-rehearsal`).catch(() => {});
      await deleteBranch(root, draft.branch).catch(() => {});
      const message = signal.aborted ? (signal.reason as Error).message : error instanceof Error ? error.message : String(error);
      return update({ state: 'failed', step: null, worktree: null, error: message }, { action: 'failed', what: `Failed: ${message}`, how: [], note: null });
    }
  }

  private dataFolder(id: string): string {
    return join(this.options.home, 'drafts', id);
  }

  private expect(id: string, states: readonly Draft['state'][], to: Draft['state']): Draft {
    const draft = this.get(id);
    if (!states.includes(draft.state)) throw new StewardError('invalid-input', `Draft ${id} is ${draft.state}; it cannot be ${to}${draft.state === 'drafting' ? ' until it is ready (or cancel it)' : ''}`);
    return draft;
  }

  private transition(draft: Draft, state: Draft['state'], audit: Omit<AuditRecord, 'actor' | 'where'>, actor: string): Draft {
    const repository = findRepository(this.options.db, draft.repositoryId);
    const updated = updateDraft(this.options.db, draft.id, { state, worktree: null }, new Date(), { ...audit, actor, where: `${repository?.name ?? 'repository'} (${repository?.path ?? '?'}), branch ${draft.branch} from ${draft.baseCommit.slice(0, 12)}` });
    this.options.onUpdate(updated);
    return updated;
  }

  /** Removes a draft's worktree if it still has one; returns the repository's folder. */
  private async removeWorktreeOf(draft: Draft): Promise<string> {
    const repository = findRepository(this.options.db, draft.repositoryId);
    if (!repository) throw new StewardError('not-found', `The repository of draft ${draft.id} is no longer in Steward`);
    if (draft.worktree) await removeWorktree(repository.path, draft.worktree);
    return repository.path;
  }

  /** Drafts a dead process left `drafting`: worktree and branch removed, marked failed; folders of no draft removed. */
  private async recover(): Promise<void> {
    const { db } = this.options;
    for (const draft of abandonedDrafts(db, hostname(), isProcessAlive)) {
      // Its gate's processes outlive it (a group of their own): they go first, or they write on into the folder.
      if (draft.commandGroup !== null) stopGroup(draft.commandGroup);
      const repository = findRepository(db, draft.repositoryId);
      if (repository && existsSync(repository.path)) {
        if (draft.worktree) await removeWorktree(repository.path, draft.worktree).catch(() => {});
        if (draft.worktree) await removeWorktree(repository.path, `${draft.worktree}-rehearsal`).catch(() => {});
        await deleteBranch(repository.path, draft.branch, { ownerGone: true }).catch(() => {});
      }
      const what = `Interrupted: the Steward process drafting it stopped; its worktree and branch ${draft.branch} were removed`;
      const updated = updateDraft(db, draft.id, { state: 'failed', step: null, worktree: null, error: what }, new Date(), { actor: 'steward', action: 'recover', what, where: `${repository?.name ?? 'repository'} (${repository?.path ?? '?'})`, how: [`git worktree remove --force ${draft.worktree ?? ''}`, `git branch -D ${draft.branch}`], note: null });
      this.options.onUpdate(updated);
    }
    // Folders no draft owns (a crash between making the folder and recording it) are leftovers.
    // A rehearsal's scratch worktree outlives only a crash.
    const folder = this.options.worktrees;
    const owned = draftWorktrees(db);
    for (const name of await readdir(folder).catch(() => [] as string[])) {
      const owner = getDraft(db, name.replace(/-rehearsal$/, ''));
      const leftover = owner?.state !== 'drafting' && (name.endsWith('-rehearsal') || !owned.has(join(folder, name)));
      if (leftover) await rm(join(folder, name), { recursive: true, force: true });
    }
  }
}

/** One draft of a repository at a time. */
function refuseWhileDrafting(db: Database, repository: Repository): void {
  const running = listDrafts(db, repository.id).find((draft) => draft.state === 'drafting');
  if (running) throw new StewardError('busy', `Draft ${running.id} of ${repository.name} is being drafted (${running.step ?? 'starting'}); wait for it to finish or cancel it`);
}

function stopGroup(group: number): void {
  try {
    process.kill(-group, 'SIGKILL');
  } catch {
    // Gone already.
  }
}

/**
 * A draft's id and branch (`steward/<kind>-<date>-<id>`): a branch of that name that exists already
 * (made by hand, or left by another tool) is never reused; another id is drawn, and the ones taken are said.
 */
export async function freeBranch(root: string, kind: Draft['kind'], now: Date, ids: () => string): Promise<{ id: string; branch: string; taken: string[] }> {
  const taken: string[] = [];
  for (;;) {
    const id = ids();
    const branch = branchName(kind, now, id);
    if (!(await branchExists(root, branch))) return { id, branch, taken };
    taken.push(branch);
    if (taken.length >= 5) throw new StewardError('busy', `Branches ${taken.join(', ')} already exist; remove some steward/ branches and try again`);
  }
}

function newId(): string {
  return [...randomBytes(8)].map((byte) => idLetters[byte % idLetters.length]).join('');
}

function branchName(kind: Draft['kind'], now: Date, id: string): string {
  return `steward/${kind}-${now.toISOString().slice(0, 10)}-${id}`;
}

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { analyses } from '../../../core/analyses/registry.js';
import type { AnalysisId } from '../../../core/api/analyses.js';
import type { Database } from '../../../core/store/database.js';
import { SqliteDatabase } from '../../../core/store/sqlite-database.js';

/**
 * What of a user's repository Steward must never change, even when killed mid-write:
 * - every file of the work tree (bytes and mode; a link's target), and `git status` with ignored files;
 * - every file of `.git` that is the user's — HEAD, config, index, hooks, info, the refs and their
 *   logs — byte for byte, except the refs (and reflogs) under refs/heads/steward/, which are draft
 *   branches; packed-refs by the refs it lists (draft branches aside), as deleting a branch rewrites it;
 * - the object store may only grow (a draft's commits are new objects; nothing of the user's goes);
 * - `.git/worktrees` (git's records of worktrees) and refs/heads/steward/ are compared separately: after
 *   the next start they hold only the worktrees and branches of drafts that are ready for review.
 */
export interface RepositoryState {
  workTree: Map<string, string>;
  gitFiles: Map<string, string>;
  objects: Set<string>;
  status: string;
  worktrees: string[];
  draftBranches: string[];
}

const draftRefs = /^(refs|logs\/refs)\/heads\/steward(\/|$)/;

function gitOut(repository: string, args: string[]): string {
  const result = spawnSync('git', args, { cwd: repository, encoding: 'utf8', env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' } });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${repository}: ${result.stderr}`);
  return result.stdout;
}

function hashTree(folder: string, skip: (path: string) => boolean): Map<string, string> {
  const hashes = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const key = relative(folder, path);
      if (skip(key)) continue;
      const stat = lstatSync(path);
      if (stat.isDirectory()) walk(path);
      else if (stat.isSymbolicLink()) hashes.set(key, `link ${readlinkSync(path)}`);
      else hashes.set(key, `${stat.mode.toString(8)} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`);
    }
  };
  walk(folder);
  return hashes;
}

/**
 * packed-refs by what it says: deleting a branch (a draft's, on discard or recovery) makes git write
 * the file, with only its header when no ref was packed. The refs it lists, draft branches aside, are the user's.
 */
function packedRefs(git: string): string | undefined {
  if (!existsSync(join(git, 'packed-refs'))) return undefined;
  const lines = readFileSync(join(git, 'packed-refs'), 'utf8').split('\n');
  const kept = lines.filter((line, index) => line !== '' && !line.startsWith('#') && !/ refs\/heads\/steward\//.test(line) && !(line.startsWith('^') && / refs\/heads\/steward\//.test(lines[index - 1] ?? '')));
  return kept.length === 0 ? undefined : kept.join('\n');
}

export function repositoryState(repository: string): RepositoryState {
  const git = join(repository, '.git');
  const gitFiles = hashTree(git, (path) => path === 'objects' || path === 'worktrees' || path === 'packed-refs' || draftRefs.test(path));
  const packed = packedRefs(git);
  if (packed !== undefined) gitFiles.set('packed-refs', createHash('sha256').update(packed).digest('hex'));
  return {
    workTree: hashTree(repository, (path) => path === '.git'),
    gitFiles,
    objects: new Set(gitOut(repository, ['cat-file', '--batch-all-objects', '--batch-check=%(objectname)']).split('\n').filter(Boolean)),
    status: gitOut(repository, ['status', '--porcelain=v1', '--untracked-files=all', '--ignored']),
    worktrees: existsSync(join(git, 'worktrees')) ? readdirSync(join(git, 'worktrees')).sort() : [],
    draftBranches: gitOut(repository, ['for-each-ref', '--format=%(refname:short)', 'refs/heads/steward/']).split('\n').filter(Boolean).sort(),
  };
}

/** How the repository differs from before, beyond the worktrees and branches of the drafts allowed to have them. */
export function repositoryChanges(before: RepositoryState, after: RepositoryState, allowed: { worktrees: ReadonlySet<string>; branches: ReadonlySet<string> }): string[] {
  const problems: string[] = [];
  const compare = (what: string, a: Map<string, string>, b: Map<string, string>): void => {
    for (const [path, hash] of a) if (b.get(path) !== hash) problems.push(`${what} ${path} ${b.has(path) ? 'changed' : 'is gone'}`);
    for (const path of b.keys()) if (!a.has(path)) problems.push(`${what} ${path} appeared`);
  };
  compare('work tree file', before.workTree, after.workTree);
  compare('.git file', before.gitFiles, after.gitFiles);
  const lost = [...before.objects].filter((object) => !after.objects.has(object));
  if (lost.length > 0) problems.push(`${lost.length} git objects lost`);
  if (after.status !== before.status) problems.push(`git status changed:\n${before.status}---\n${after.status}`);
  const extraWorktrees = after.worktrees.filter((name) => !before.worktrees.includes(name) && !allowed.worktrees.has(name));
  if (extraWorktrees.length > 0) problems.push(`leftover worktree records in .git/worktrees: ${extraWorktrees.join(', ')}`);
  const extraBranches = after.draftBranches.filter((name) => !before.draftBranches.includes(name) && !allowed.branches.has(name));
  if (extraBranches.length > 0) problems.push(`leftover draft branches: ${extraBranches.join(', ')}`);
  return problems;
}

interface DraftRow {
  id: string;
  state: string;
  branch: string;
  head_commit: string | null;
  worktree: string | null;
  plan: string | null;
  error: string | null;
  repository_path: string;
}

/**
 * Whether the SQLite store in `home` is whole after a kill: SQLite's own checks, then the store's
 * (storeProblems). Opened read-write, as the next start opens it: SQLite replays or drops the
 * write-ahead log the kill left. Returns what is wrong.
 */
export function databaseProblems(home: string, recovered: boolean): string[] {
  const file = join(home, 'steward.db');
  if (!existsSync(file)) return [];
  const db = new BetterSqlite3(file, { fileMustExist: true });
  const problems: string[] = [];
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const foreign = db.pragma('foreign_key_check') as unknown[];
    if (foreign.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(foreign.slice(0, 5))}`);
    // Killed before its schema was made: nothing else to check.
    if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'snapshots'").get() === undefined) return problems;
    problems.push(...storeProblems(new SqliteDatabase(db), recovered));
  } finally {
    db.close();
  }
  return problems;
}

/**
 * Steward's promises after a kill, on either engine: no half snapshot (every one complete, with each
 * analysis's report, its git summary, score and, of HEAD, its inventory), no half item update (the
 * inventory is that of the latest snapshot of HEAD, every item of it with its row of that snapshot),
 * no half draft (its state claims only what exists; its audit log agrees). `recovered`: after the
 * next start, no draft is left drafting. Returns what is wrong.
 */
export function storeProblems(db: Database, recovered: boolean): string[] {
  const problems: string[] = [];
  const snapshots = db
    .prepare<[], { id: number; repository_id: number; kind: string; status: string; analyzer_versions: string }>('SELECT id, repository_id, kind, status, analyzer_versions FROM snapshots')
    .all();
  const has = (table: string, id: number): boolean => db.prepare<[number]>(`SELECT 1 FROM ${table} WHERE snapshot_id = ?`).get(id) !== undefined;
  for (const snapshot of snapshots) {
    const half = (what: string) => problems.push(`half snapshot ${snapshot.id} (${snapshot.kind}): ${what}`);
    if (snapshot.status !== 'complete') half(`status ${snapshot.status}`);
    if (!has('snapshot_git_history', snapshot.id)) half('no git summary');
    if (!has('health_scores', snapshot.id)) half('no score');
    if (snapshot.kind === 'head' && !has('snapshot_inventory', snapshot.id)) half('no inventory');
    for (const id of Object.keys(JSON.parse(snapshot.analyzer_versions) as Record<string, string>) as AnalysisId[]) {
      if (analyses[id].load(db, snapshot.id) === undefined) half(`no ${id} report`);
    }
  }

  // A resumed backfill never snapshots a past commit twice.
  for (const twice of db.prepare<[], { commit_sha: string; n: number }>("SELECT commit_sha, count(*) AS n FROM snapshots WHERE kind = 'backfill' GROUP BY repository_id, commit_sha HAVING count(*) > 1").all()) {
    problems.push(`commit ${twice.commit_sha.slice(0, 7)} backfilled ${twice.n} times`);
  }

  for (const { id: repositoryId } of db.prepare<[], { id: number }>('SELECT id FROM repositories').all()) {
    const latest = db.prepare<[number], { id: number }>("SELECT id FROM snapshots WHERE repository_id = ? AND kind = 'head' ORDER BY finished_at DESC, id DESC LIMIT 1").get(repositoryId);
    const items = db
      .prepare<[number, number], { n: number; newest: number | null }>(
        'SELECT count(*) AS n, (SELECT max(si.snapshot_id) FROM snapshot_items si JOIN debt_items d ON d.id = si.item_id WHERE d.repository_id = ?) AS newest FROM debt_items WHERE repository_id = ?',
      )
      .get(repositoryId, repositoryId)!;
    if (!latest) {
      if (items.n > 0) problems.push(`half item update: ${items.n} items of repository ${repositoryId}, which has no snapshot of HEAD`);
      continue;
    }
    if (items.newest !== null && items.newest !== latest.id) problems.push(`half item update: items last seen in snapshot ${items.newest}, the latest of HEAD is ${latest.id}`);
    const unseen = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM debt_items d WHERE repository_id = ? AND NOT EXISTS (SELECT 1 FROM snapshot_items si WHERE si.item_id = d.id)').get(repositoryId)!.n;
    if (unseen > 0) problems.push(`half item update: ${unseen} items of repository ${repositoryId} found by no snapshot`);
    const uncounted = db
      .prepare<[number], { n: number }>(
        'SELECT count(DISTINCT s.id) AS n FROM snapshots s JOIN snapshot_items si ON si.snapshot_id = s.id WHERE s.repository_id = ? AND NOT EXISTS (SELECT 1 FROM snapshot_inventory i WHERE i.snapshot_id = s.id)',
      )
      .get(repositoryId)!.n;
    if (uncounted > 0) problems.push(`half item update: ${uncounted} snapshots of repository ${repositoryId} hold items without their inventory`);
  }

  const drafts = db.prepare<[], DraftRow>('SELECT d.*, r.path AS repository_path FROM drafts d JOIN repositories r ON r.id = d.repository_id').all();
  for (const draft of drafts) problems.push(...draftProblems(db, draft, recovered));
  return problems;
}

/** The fingerprints of the items the latest scan of HEAD found. */
export function latestItems(db: Database): string[] {
  return db
    .prepare<[], { fingerprint: string }>(
      "SELECT d.fingerprint FROM debt_items d JOIN snapshot_items si ON si.item_id = d.id WHERE si.snapshot_id = (SELECT id FROM snapshots WHERE kind = 'head' ORDER BY finished_at DESC, id DESC LIMIT 1) ORDER BY d.fingerprint",
    )
    .all()
    .map((row) => row.fingerprint);
}

function draftProblems(db: Database, draft: DraftRow, recovered: boolean): string[] {
  const problems: string[] = [];
  const half = (what: string) => problems.push(`half draft ${draft.id} (${draft.state}): ${what}`);
  const audit = db.prepare<[string], { action: string; what: string; note: string | null }>('SELECT action, what, note FROM draft_audit WHERE draft_id = ? ORDER BY id').all(draft.id);
  const actions = audit.map((entry) => entry.action);
  const branchAt = (): string | null => {
    const result = spawnSync('git', ['rev-parse', '--verify', '--quiet', `refs/heads/${draft.branch}`], { cwd: draft.repository_path, encoding: 'utf8' });
    return result.status === 0 ? result.stdout.trim() : null;
  };
  if (actions[0] !== 'initiate') half(`its audit log starts with ${actions[0] ?? 'nothing'}`);
  // Every commit the log names exists in the repository.
  for (const entry of audit.filter((line) => line.action === 'commit')) {
    const sha = /committed as ([0-9a-f]{7,40})/.exec(entry.what)?.[1];
    if (!sha || spawnSync('git', ['cat-file', '-e', `${sha}^{commit}`], { cwd: draft.repository_path }).status !== 0) half(`its audit log names commit ${sha ?? '?'}, which does not exist`);
  }
  if (draft.state === 'ready') {
    if (actions.at(-1) !== 'ready') half(`its audit log ends with ${actions.at(-1)}`);
    if (!draft.plan || !draft.head_commit) half('no plan or head commit');
    if (branchAt() !== draft.head_commit) half(`branch ${draft.branch} is at ${branchAt()}, not ${draft.head_commit}`);
    if (!draft.worktree || !existsSync(join(draft.worktree, '.git'))) half(`worktree ${draft.worktree} is missing`);
  } else if (draft.state === 'failed') {
    if (!['failed', 'recover'].includes(actions.at(-1) ?? '')) half(`its audit log ends with ${actions.at(-1)}`);
    if (draft.worktree !== null || !draft.error) half('a worktree or no error');
    if (recovered && branchAt() !== null) half(`branch ${draft.branch} is still there`);
    if (recovered && existsSync(join(draft.repository_path, '.git', 'worktrees', draft.id))) half('git still records its worktree');
  } else if (draft.state === 'drafting' && recovered) {
    half('still drafting after the next start');
  }
  return problems;
}

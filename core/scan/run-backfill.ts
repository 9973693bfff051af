import { pickBackfillPoints } from '../../analyzers/health/backfill-points.js';
import { usableDate } from '../../analyzers/history/commit-date.js';
import { updateHistoryLog } from '../analyses/history/update-history-log.js';
import { analyses } from '../analyses/registry.js';
import type { AnalysisId } from '../api/analyses.js';
import { StewardError } from '../api/errors.js';
import { readGit } from '../git/git-runner.js';
import { readHistorySummary } from '../git/history-summary.js';
import { inspectRepository } from '../git/inspect-repository.js';
import { backfilledCommits, removeUnreachableBackfills, saveBackfillPlan } from '../store/backfill-jobs.js';
import { plural } from '../wording.js';
import { type RunScanOptions, runScan } from './run-scan.js';

interface RunBackfillOptions extends Pick<RunScanOptions, 'db' | 'repositoryId' | 'path' | 'options' | 'parseWorkerUrl' | 'signal' | 'onProgress'> {
  everyDays: number;
  count: number;
  now?: () => Date;
}

const day = 86_400_000;

/**
 * Snapshots of past commits, one per period back from HEAD along the first-parent line, each analysed
 * from git's objects (nothing checked out; facts reused by blob; the history taken from the stored log
 * as of the commit) and saved as a snapshot of kind `backfill`. The plan is stored first; a commit
 * already backfilled is skipped, so a run that stopped resumes where it was. Snapshots of commits HEAD
 * no longer reaches (history rewritten) are removed. Returns the notes of the plan and of the run.
 */
export async function runBackfill(options: RunBackfillOptions): Promise<{ notes: string[] }> {
  const { db, repositoryId, signal, onProgress, now = () => new Date() } = options;
  onProgress({ step: 'Planning the backfill', progress: 0, detail: options.path });
  const { root, head } = await inspectRepository(options.path, signal);
  const summary = await readHistorySummary(root, head.commit, signal);
  if (summary.committedAt === null) throw new StewardError('invalid-input', `HEAD (${head.commit.slice(0, 7)}) has no usable date, so no period can be counted back from it`);
  // Every point takes its history from the stored log as of its commit: bring that log up to HEAD once.
  await updateHistoryLog({
    db,
    root,
    repository: summary.rootCommits.join(' '),
    tip: head.commit,
    signal,
    estimate: summary.commits,
    onProgress: (read, total) => onProgress({ step: 'Reading git log', progress: 0, detail: `${read}/${total} commits` }),
  });
  const line = await firstParentLine(root, head.commit, signal);
  const plan = pickBackfillPoints(line, { everyMs: options.everyDays * day, count: options.count });
  const notes = planNotes(plan, summary.shallow, options.count);
  const removed = removeUnreachableBackfills(db, repositoryId, new Set((await readGit(root, ['rev-list', head.commit, '--'], { signal })).split('\n').filter(Boolean)));
  if (removed > 0) notes.push(`History was rewritten: removed ${plural(removed, 'backfilled snapshot')} of commits HEAD no longer reaches`);
  const iso = (at: number) => new Date(at).toISOString();
  saveBackfillPlan(
    db,
    {
      repositoryId,
      everyDays: options.everyDays,
      count: options.count,
      headCommit: head.commit,
      points: plan.points.map((point) => ({ commit: point.sha, committedAt: iso(point.at), periodEnd: iso(point.periodEnd) })),
      notes,
    },
    now(),
  );

  const done = backfilledCommits(db, repositoryId);
  const pending = plan.points.filter((point) => !done.has(point.sha));
  const failed: string[] = [];
  for (const [index, point] of pending.entries()) {
    signal.throwIfAborted();
    const label = `${new Date(point.at).toISOString().slice(0, 10)} ${point.sha.slice(0, 7)}`;
    const step = `Backfill ${plan.points.length - pending.length + index + 1} of ${plan.points.length}: ${label}`;
    try {
      await runScan({
        ...options,
        analyses: Object.keys(analyses) as AnalysisId[],
        save: true,
        past: { commit: point.sha, committedAt: new Date(point.at) },
        onProgress: (progress) => onProgress({ step, progress: (index + progress.progress) / pending.length, detail: progress.step }),
      });
    } catch (error) {
      // One commit that cannot be analysed (objects missing, a broken tree) does not stop the others.
      if (signal.aborted || !(error instanceof StewardError)) throw error;
      failed.push(`${label}: ${error.message}`);
    }
  }
  if (failed.length > 0) notes.push(`${plural(failed.length, 'commit')} could not be analysed: ${failed.join('; ')}`);
  if (pending.length > 0 && failed.length === pending.length) throw new StewardError('invalid-input', notes.at(-1)!);
  return { notes };
}

/** HEAD's first-parent line, newest first, with committer dates (commits git gives no usable date for are left out). */
async function firstParentLine(root: string, head: string, signal: AbortSignal): Promise<{ sha: string; at: number }[]> {
  const output = await readGit(root, ['log', '--first-parent', '--format=%H %cI', head, '--'], { signal });
  return output.split('\n').flatMap((line) => {
    const [sha, date] = line.split(' ');
    const usable = date ? usableDate(date) : null;
    return sha && usable ? [{ sha, at: Date.parse(usable) }] : [];
  });
}

function planNotes(plan: ReturnType<typeof pickBackfillPoints>, shallow: boolean, count: number): string[] {
  const notes: string[] = [];
  const date = (at: number) => new Date(at).toISOString().slice(0, 10);
  if (plan.emptyPeriods.length > 0) {
    notes.push(`${plural(plan.emptyPeriods.length, 'period')} without commits skipped (the commit before stands for them): ${plan.emptyPeriods.map((period) => `${date(period.from)}–${date(period.to)}`).join(', ')}`);
  }
  if (plan.historyBeginsAt !== null) {
    const where = shallow ? 'this shallow clone cuts history at' : 'history begins';
    notes.push(`Only ${plural(plan.points.length + plan.emptyPeriods.length, 'period')} of ${count}: ${where} ${date(plan.historyBeginsAt)}`);
  }
  return notes;
}

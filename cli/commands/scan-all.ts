import { call } from '../../core/api/call.js';
import { StewardError } from '../../core/api/errors.js';
import type { HealthNotification } from '../../core/api/notifications.js';
import type { Repository } from '../../core/api/repositories.js';
import type { ScanJob } from '../../core/api/scans.js';
import type { Steward } from '../../core/steward.js';
import { preview, signedChange } from '../../core/wording.js';
import { type OutputOptions, cancelOnInterrupt, printJson, printText, wantsProgress } from '../output.js';

/** One repository's outcome, as `--json` prints it. */
interface ScanAllOutcome {
  repositoryId: number;
  name: string;
  path: string;
  state: ScanJob['state'];
  snapshotId: number | null;
  /** Nothing new was saved: HEAD was already scanned today with the same analyses and inputs, and `snapshotId` is that scan's. */
  alreadyScanned: boolean;
  /** The new snapshot's health score (null: it has none, or the scan failed). */
  score: number | null;
  changeSinceWeek: number | null;
  error: ScanJob['error'];
  /** What the scan had to tell (the settings' notifications): a fall in a week, a forecast. */
  notifications: { kind: HealthNotification['kind']; title: string; body: string }[];
}

/**
 * `steward scan --all`: scans every registered repository a few at a time (as the app's Scan all
 * does), printing a line for each as it finishes; exit 0 when every one was scanned, 2 naming those
 * that could not be (a missing folder, a failed scan).
 */
export async function scanAllCommand(steward: Steward, options: OutputOptions & { rescan?: boolean }): Promise<void> {
  const repositories = new Map((await call(steward.handlers, 'repositories.list', {})).map((repository) => [repository.id, repository]));
  const { jobs } = await call(steward.handlers, 'scans.startAll', { rescan: options.rescan ?? false });
  if (jobs.length === 0) {
    if (options.json) printJson({ repositories: [] });
    else process.stderr.write('No repositories yet. Add one with: steward scan <path>\n');
    return;
  }
  const showStarts = wantsProgress(options);
  const news: HealthNotification[] = [];
  const unsubscribe = steward.subscribe((event) => {
    if (event.type === 'notification') news.push(event.notification);
    if (showStarts && event.type === 'scan' && event.job.state === 'running' && event.job.progress === 0 && jobs.some((job) => job.id === event.job.id)) {
      process.stderr.write(`${repositories.get(event.job.repositoryId)?.name ?? event.job.repositoryId}: scanning…\n`);
    }
  });
  const detach = cancelOnInterrupt(() => {
    for (const job of steward.scans.list()) if (jobs.some((started) => started.id === job.id)) steward.scans.cancel(job.id);
  });
  let outcomes: ScanAllOutcome[];
  try {
    outcomes = await Promise.all(
      jobs.map(async (job) => {
        const final = job.state === 'queued' || job.state === 'running' ? await steward.scans.settled(job.id) : job;
        const told = news.filter((notification) => notification.snapshotId === final.snapshotId).map(({ kind, title, body }) => ({ kind, title, body }));
        const outcome = { ...(await describe(steward, repositories.get(job.repositoryId)!, final)), notifications: told };
        if (!options.json) printText(outcomeLine(outcome));
        return outcome;
      }),
    );
  } finally {
    detach();
    unsubscribe();
  }
  if (options.json) printJson({ repositories: outcomes });
  if (outcomes.some((outcome) => outcome.state === 'cancelled')) throw new StewardError('cancelled', 'Scans cancelled');
  const failed = outcomes.filter((outcome) => outcome.state !== 'succeeded');
  if (failed.length > 0) {
    throw new StewardError('invalid-input', `${failed.length} of ${outcomes.length} repositories could not be scanned: ${preview(failed.map((outcome) => outcome.name))}`);
  }
}

async function describe(steward: Steward, repository: Repository, job: ScanJob): Promise<Omit<ScanAllOutcome, 'notifications'>> {
  const health = job.state === 'succeeded' ? await call(steward.handlers, 'health.score', { repositoryId: repository.id }).catch(() => null) : null;
  return {
    repositoryId: repository.id,
    name: repository.name,
    path: repository.path,
    state: job.state,
    snapshotId: job.snapshotId,
    alreadyScanned: job.alreadyScanned,
    score: health?.score ?? null,
    changeSinceWeek: health?.changeSinceWeek ?? null,
    error: job.error,
  };
}

function outcomeLine({ name, state, snapshotId, alreadyScanned, score, changeSinceWeek, error, notifications }: ScanAllOutcome): string {
  if (state !== 'succeeded') return `${name}: not scanned. ${error?.message ?? state}`;
  const health = score === null ? 'no health score' : `health ${score.toFixed(1)}${changeSinceWeek === null ? '' : ` (${signedChange(changeSinceWeek)} in a week)`}`;
  const snapshot = alreadyScanned ? `snapshot ${snapshotId} kept (already scanned today with the same analyses and inputs)` : `snapshot ${snapshotId}`;
  return [`${name}: scanned, ${snapshot}, ${health}`, ...notifications.map((notification) => `  ! ${notification.title}. ${notification.body}`)].join('\n');
}

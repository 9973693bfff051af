import { call } from '../../core/api/call.js';
import type { BackfillJob } from '../../core/api/backfill.js';
import type { Steward } from '../../core/steward.js';
import { plural } from '../../core/wording.js';
import { type OutputOptions, printJson, printText } from '../output.js';
import { runJob } from './follow-job.js';

export interface BackfillOptions extends OutputOptions {
  every: string;
  count: number;
  offline?: boolean;
}

/** `steward backfill <path>`: snapshots of past commits, one per period back from HEAD; running it again resumes. */
export async function backfillCommand(steward: Steward, path: string, options: BackfillOptions): Promise<void> {
  const final = await runJob(steward, path, {}, options, (repositoryId) => call(steward.handlers, 'backfill.start', { repositoryId, every: options.every, count: options.count, ...(options.offline ? { offline: true } : {}) }));
  const job = await call(steward.handlers, 'backfill.status', { repositoryId: final.repositoryId });
  if (!job) throw new Error('The backfill left no record');
  if (options.json) printJson(job);
  else printText(describeBackfill(path, job));
}

function describeBackfill(path: string, job: BackfillJob): string {
  const lines = [`Backfilled ${plural(job.done, 'past commit')} of ${job.points.length} planned (${job.count} periods of ${job.every} back from ${job.headCommit.slice(0, 7)}).`];
  const dated = job.points.filter((point) => point.done).map((point) => point.committedAt.slice(0, 10));
  if (dated.length > 0) lines.push(`From ${dated.at(-1)} to ${dated[0]}.`);
  lines.push(...job.notes.map((note) => `note: ${note}`));
  lines.push(`steward forecast ${path} fits the trend; steward score ${path} explains today's score.`);
  return lines.join('\n');
}

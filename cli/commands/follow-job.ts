import { type AnalysisId, analysisDescriptor } from '../../core/api/analyses.js';
import { call } from '../../core/api/call.js';
import { StewardError } from '../../core/api/errors.js';
import type { RouteInput } from '../../core/api/routes.js';
import type { ScanJob } from '../../core/api/scans.js';
import type { Steward } from '../../core/steward.js';
import { type OutputOptions, cancelOnInterrupt, wantsProgress } from '../output.js';
import { progressBar } from '../progress-bar.js';

/** When each analysis's results were in, in seconds from the start of the run. */
type ReadyTimes = { analysis: AnalysisId; seconds: number }[];

/**
 * Starts a run through the API, as the app does (registering the repository first if needed), draws
 * its progress (with a line as each analysis's results are in), cancels it on Ctrl-C, and returns it
 * once it succeeded, with when each analysis was ready; a failed or cancelled run is thrown as its
 * error (exit 2, 3 or 130). A scan by default; `start` starts another kind (a backfill).
 */
export async function runJob(
  steward: Steward,
  path: string,
  request: Omit<RouteInput<'scans.start'>, 'repositoryId'>,
  output: OutputOptions,
  start: (repositoryId: number) => Promise<ScanJob> = (repositoryId) => call(steward.handlers, 'scans.start', { repositoryId, ...request }),
): Promise<ScanJob & { readyTimes: ReadyTimes }> {
  const started = performance.now();
  const repository = await call(steward.handlers, 'repositories.add', { path });
  const job = await start(repository.id);
  const bar = wantsProgress(output) ? progressBar() : undefined;
  const readyTimes: ReadyTimes = [];
  const unsubscribe = steward.subscribe((event) => {
    if (event.type !== 'scan' || event.job.id !== job.id) return;
    for (const analysis of event.job.ready.slice(readyTimes.length)) {
      readyTimes.push({ analysis, seconds: (performance.now() - started) / 1000 });
      bar?.note(`${analysisDescriptor(analysis).tab.label}: results in after ${readyTimes.at(-1)!.seconds.toFixed(1)} s`);
    }
    bar?.update(event.job.progress, event.job.step, event.job.detail);
  });
  const detach = cancelOnInterrupt(() => void steward.scans.cancel(job.id));
  let final: ScanJob;
  try {
    final = await steward.scans.settled(job.id);
  } finally {
    detach();
    unsubscribe();
    bar?.stop();
  }
  if (final.state !== 'succeeded') {
    const error = final.error ?? { code: 'internal' as const, message: 'The run did not finish' };
    throw new StewardError(error.code, error.message);
  }
  return { ...final, readyTimes };
}

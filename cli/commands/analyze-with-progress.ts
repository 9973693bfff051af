import { StewardError } from '../../core/api/errors.js';
import { type PathAnalysis, analyzePath } from '../../core/code/analyze-path.js';
import type { Steward } from '../../core/steward.js';
import { plural } from '../../core/wording.js';
import { type OutputOptions, wantsProgress } from '../output.js';
import { progressBar } from '../progress-bar.js';

/**
 * The code engine on HEAD with a progress bar, then `finish` with its result; Ctrl-C stops either
 * cleanly (exit 130).
 */
export async function analyzeWithProgress<T>(
  steward: Steward,
  path: string,
  options: OutputOptions,
  finish: (result: PathAnalysis, signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const interrupt = (): void => controller.abort(new StewardError('cancelled', 'The analysis was interrupted'));
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  const bar = wantsProgress(options) ? progressBar() : undefined;
  try {
    const result = await analyzePath(path, {
      db: steward.db,
      parseWorkerUrl: steward.workers.parse,
      signal: controller.signal,
      onProgress: (done, total, detail) => bar?.update(total > 0 ? done / total : 0, `Analysing ${plural(total, 'code file')}`, detail),
    });
    bar?.stop();
    return await finish(result, controller.signal);
  } catch (error) {
    // Whatever a stopped git process or worker threw, the user pressed Ctrl-C.
    throw controller.signal.aborted ? controller.signal.reason : error;
  } finally {
    bar?.stop();
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}

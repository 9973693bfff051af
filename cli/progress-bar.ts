import { SingleBar } from 'cli-progress';
import type { ScanJob } from '../core/api/scans.js';

/** A progress bar on stderr for a running scan. */
export function scanProgressBar(): { update(job: ScanJob): void; stop(): void } {
  const bar = new SingleBar({
    format: ' {bar} {percentage}% | {step} {detail}',
    barsize: 30,
    hideCursor: true,
    clearOnComplete: true,
    stream: process.stderr,
    barCompleteChar: '█',
    barIncompleteChar: '░',
  });
  bar.start(100, 0, { step: 'Starting', detail: '' });
  const width = () => Math.max(10, (process.stderr.columns ?? 80) - 60);
  return {
    update(job) {
      const detail = job.detail.length > width() ? `…${job.detail.slice(-width())}` : job.detail;
      bar.update(Math.round(job.progress * 100), { step: job.step, detail });
    },
    stop: () => bar.stop(),
  };
}

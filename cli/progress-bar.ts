import { SingleBar } from 'cli-progress';
import { printable } from '../core/wording.js';

interface ProgressBar {
  /** `fraction` is 0…1 over the whole task; `step` names the stage and `detail` what it is on. */
  update(fraction: number, step: string, detail?: string): void;
  /** A line printed above the bar, which stays (a result that is in). */
  note(line: string): void;
  stop(): void;
}

/** A progress bar on stderr for long work (a scan, an analysis). */
export function progressBar(): ProgressBar {
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
    update(fraction, step, detail = '') {
      const visible = printable(detail);
      const shown = visible.length > width() ? `…${visible.slice(-width())}` : visible;
      bar.update(Math.round(fraction * 100), { step, detail: shown });
    },
    note(line) {
      process.stderr.write(`\r\x1b[K${printable(line)}\n`);
      bar.render();
    },
    stop: () => bar.stop(),
  };
}

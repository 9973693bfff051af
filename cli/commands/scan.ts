import { call } from '../../core/api/call.js';
import { StewardError } from '../../core/api/errors.js';
import type { SnapshotReport } from '../../core/api/snapshots.js';
import type { Steward } from '../../core/steward.js';
import { plural } from '../../core/wording.js';
import { type OutputOptions, formatDate, printJson, printTable, printText, wantsProgress } from '../output.js';
import { progressBar } from '../progress-bar.js';

export interface ScanOptions extends OutputOptions {
  registry?: string;
  offline?: boolean;
}

/** `steward scan <path>`: registers the repository if needed, scans HEAD, prints the snapshot. */
export async function scanCommand(steward: Steward, path: string, options: ScanOptions): Promise<void> {
  const dependencies = { ...(options.registry ? { registry: options.registry } : {}), ...(options.offline ? { offline: true } : {}) };
  const repository = await call(steward.handlers, 'repositories.add', { path });
  const job = await call(steward.handlers, 'scans.start', { repositoryId: repository.id, dependencies });
  const bar = wantsProgress(options) ? progressBar() : undefined;
  const unsubscribe = steward.subscribe((event) => {
    if (event.job.id === job.id) bar?.update(event.job.progress, event.job.step, event.job.detail);
  });
  const interrupt = (): void => void steward.scans.cancel(job.id);
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  let final;
  try {
    final = await steward.scans.settled(job.id);
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
    unsubscribe();
    bar?.stop();
  }
  if (final.state !== 'succeeded' || final.snapshotId === null) {
    const error = final.error ?? { code: 'internal' as const, message: 'The scan did not finish' };
    throw new StewardError(error.code, error.message);
  }
  const report = await call(steward.handlers, 'snapshots.get', { id: final.snapshotId });
  if (options.json) printJson(report);
  else printReport(repository.name, report);
}

function printReport(name: string, { snapshot, summary }: SnapshotReport): void {
  const where = snapshot.branch ? `${snapshot.branch} @ ${snapshot.commit.slice(0, 7)}` : `detached @ ${snapshot.commit.slice(0, 7)}`;
  printText(
    `${name} (${where}): ${plural(summary.files, 'file')}, ${plural(summary.linesOfCode, 'line')} of code, ` +
      `${plural(summary.commits, 'commit')} by ${plural(summary.contributors, 'contributor')} ` +
      `from ${summary.firstCommitAt ? formatDate(summary.firstCommitAt) : 'an unknown date'} to ${summary.lastCommitAt ? formatDate(summary.lastCommitAt) : 'an unknown date'}\n`,
  );
  const totalsRows = (totals: SnapshotReport['summary']['languages']) =>
    Object.entries(totals).map(([key, t]) => [key, t.files, t.linesOfCode, t.commentLines, t.blankLines]);
  printTable(['Language', 'Files', 'Code', 'Comments', 'Blank'], totalsRows(summary.languages));
  printTable(['Folder', 'Files', 'Code', 'Comments', 'Blank'], totalsRows(summary.folders));
  for (const warning of snapshot.warnings) printText(`warning: ${warning}`);
  printText(`Snapshot ${snapshot.id} saved (${snapshot.status}).`);
}

import { setTimeout as sleep } from 'node:timers/promises';
import type { AnalysisId } from '../../core/api/analyses.js';
import { call } from '../../core/api/call.js';
import { StewardError } from '../../core/api/errors.js';
import type { RouteInput } from '../../core/api/routes.js';
import type { ScanJob } from '../../core/api/scans.js';
import { busyAdvice } from '../../core/scan/scan-service.js';
import type { ScanEnvironment, SnapshotReport } from '../../core/api/snapshots.js';
import type { Steward } from '../../core/steward.js';
import { plural, printable } from '../../core/wording.js';
import { type OutputOptions, formatDate, printJson, printTable, printText } from '../output.js';
import { runJob } from './follow-job.js';

export interface ScanOptions extends OutputOptions {
  only?: AnalysisId[];
  registry?: string;
  offline?: boolean;
  timings?: boolean;
  rescan?: boolean;
  wait?: boolean;
}

/** How often `--wait` asks again whether the other scan of the repository has finished. */
const waitPollMs = 2_000;

/** `steward scan <path>`: registers the repository if needed, scans HEAD, prints the snapshot. */
export async function scanCommand(steward: Steward, path: string, options: ScanOptions): Promise<void> {
  const started = performance.now();
  const dependencies = { ...(options.registry ? { registry: options.registry } : {}), ...(options.offline ? { offline: true } : {}) };
  const news: string[] = [];
  const unsubscribe = steward.subscribe((event) => event.type === 'notification' && news.push(`! ${event.notification.title}. ${event.notification.body}`));
  const request = { ...(options.only ? { analyses: options.only } : {}), ...(options.rescan ? { rescan: true } : {}), options: { dependencies } };
  const start = (repositoryId: number) => startScan(steward, { repositoryId, ...request }, options.wait ?? false);
  const final = await runJob(steward, path, request, options, start).finally(unsubscribe);
  const savedAfter = (performance.now() - started) / 1000;
  if (final.snapshotId === null) throw new StewardError('internal', 'The scan saved no snapshot');
  const report = await call(steward.handlers, 'snapshots.get', { id: final.snapshotId });
  if (options.json) printJson({ ...report, alreadyScanned: final.alreadyScanned });
  else printReport((await call(steward.handlers, 'repositories.get', { id: final.repositoryId })).name, report, final.alreadyScanned);
  // The settings' notifications: on stderr, beside the report (and its JSON) rather than in it.
  for (const line of news) process.stderr.write(`${printable(line)}\n`);
  if (options.timings) {
    for (const { analysis, seconds } of final.readyTimes) process.stderr.write(`ready ${analysis} ${seconds.toFixed(3)} s\n`);
    process.stderr.write(`saved ${savedAfter.toFixed(3)} s\n`);
  }
}

/**
 * Starts the scan. With `wait`, a scan of the repository running elsewhere (another CI runner, the
 * app) is waited for, saying so once, and this one starts when it has finished: a lock left by a
 * process that died is taken over, so the wait ends.
 */
async function startScan(steward: Steward, request: RouteInput<'scans.start'>, wait: boolean): Promise<ScanJob> {
  let said = false;
  for (;;) {
    try {
      return await call(steward.handlers, 'scans.start', request);
    } catch (error) {
      if (!wait || !(error instanceof StewardError) || error.code !== 'busy') throw error;
      if (!said) process.stderr.write(`${printable(error.message.replace(busyAdvice, ''))}; waiting for it to finish (Ctrl-C stops waiting)\n`);
      said = true;
      await sleep(waitPollMs);
    }
  }
}

function printReport(name: string, { snapshot, summary }: SnapshotReport, alreadyScanned: boolean): void {
  const where = snapshot.branch ? `${snapshot.branch} @ ${snapshot.commit.slice(0, 7)}` : `detached @ ${snapshot.commit.slice(0, 7)}`;
  printText(
    `${name} (${where}): ${plural(summary.files, 'file')}, ${plural(summary.linesOfCode, 'line')} of code, ` +
      `${plural(summary.commits, 'commit')} by ${plural(summary.contributors, 'contributor')}${summary.bots.count > 0 ? ` and ${plural(summary.bots.count, 'bot')} (${plural(summary.bots.commits, 'commit')})` : ''} ` +
      `from ${summary.firstCommitAt ? formatDate(summary.firstCommitAt) : 'an unknown date'} to ${summary.lastCommitAt ? formatDate(summary.lastCommitAt) : 'an unknown date'}\n`,
  );
  const totalsRows = (totals: SnapshotReport['summary']['languages']) =>
    Object.entries(totals).map(([key, t]) => [key, t.files, t.linesOfCode, t.commentLines, t.blankLines]);
  printTable(['Language', 'Files', 'Code', 'Comments', 'Blank'], totalsRows(summary.languages));
  printTable(['Folder', 'Files', 'Code', 'Comments', 'Blank'], totalsRows(summary.folders));
  if (snapshot.environment) printText(`Measured with: ${describeEnvironment(snapshot.environment)}.`);
  for (const warning of snapshot.warnings) printText(`warning: ${warning}`);
  printText(
    alreadyScanned
      ? `Snapshot ${snapshot.id} (${snapshot.status}) kept: this commit was already scanned at ${snapshot.startedAt.slice(0, 16).replace('T', ' ')} UTC with the same analyses and inputs, so nothing new was saved (--rescan saves a new snapshot).`
      : `Snapshot ${snapshot.id} saved (${snapshot.status}).`,
  );
}

const nodeModuleWords: Record<ScanEnvironment['nodeModules'], string> = { installed: 'node_modules installed', absent: 'no node_modules', 'not read': 'node_modules not read (a past commit)' };

/** What a snapshot took from outside its commit, in one line. */
function describeEnvironment({ now, nodeModules, dependencies, coverage, git, identities }: ScanEnvironment): string {
  const parts = [`"now" ${now}`, nodeModuleWords[nodeModules]];
  if (dependencies) {
    parts.push(`registry ${dependencies.registries.map((registry) => `${registry.url} (${registry.source})`).join(', ')}${dependencies.offline ? ', offline' : ''}`);
    parts.push(`advisories: ${dependencies.advisories}`);
  }
  for (const source of coverage ?? []) parts.push(`coverage ${source.file} of ${source.modifiedAt.slice(0, 16).replace('T', ' ')} (of this commit: ${source.matchesCommit})`);
  if (identities) parts.push(`.mailmap ${identities.mailmap}, identity map of ${plural(identities.merges, 'merge')} and ${plural(identities.marks, 'mark')}`);
  parts.push(git);
  return parts.join('; ');
}

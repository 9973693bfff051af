import type { AnalysisId } from '../../core/api/analyses.js';
import { call } from '../../core/api/call.js';
import { StewardError } from '../../core/api/errors.js';
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
}

/** `steward scan <path>`: registers the repository if needed, scans HEAD, prints the snapshot. */
export async function scanCommand(steward: Steward, path: string, options: ScanOptions): Promise<void> {
  const started = performance.now();
  const dependencies = { ...(options.registry ? { registry: options.registry } : {}), ...(options.offline ? { offline: true } : {}) };
  const news: string[] = [];
  const unsubscribe = steward.subscribe((event) => event.type === 'notification' && news.push(`! ${event.notification.title}. ${event.notification.body}`));
  const final = await runJob(steward, path, { ...(options.only ? { analyses: options.only } : {}), options: { dependencies } }, options).finally(unsubscribe);
  const savedAfter = (performance.now() - started) / 1000;
  if (final.snapshotId === null) throw new StewardError('internal', 'The scan saved no snapshot');
  const report = await call(steward.handlers, 'snapshots.get', { id: final.snapshotId });
  if (options.json) printJson(report);
  else printReport((await call(steward.handlers, 'repositories.get', { id: final.repositoryId })).name, report);
  // The settings' notifications: on stderr, beside the report (and its JSON) rather than in it.
  for (const line of news) process.stderr.write(`${printable(line)}\n`);
  if (options.timings) {
    for (const { analysis, seconds } of final.readyTimes) process.stderr.write(`ready ${analysis} ${seconds.toFixed(3)} s\n`);
    process.stderr.write(`saved ${savedAfter.toFixed(3)} s\n`);
  }
}

function printReport(name: string, { snapshot, summary }: SnapshotReport): void {
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
  printText(`Snapshot ${snapshot.id} saved (${snapshot.status}).`);
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

import { call } from '../../core/api/call.js';
import type { Steward } from '../../core/steward.js';
import { type OutputOptions, printJson, printTable, printText } from '../output.js';

export async function historyCommand(steward: Steward, path: string, options: OutputOptions): Promise<void> {
  const repository = await call(steward.handlers, 'repositories.find', { path });
  const snapshots = await call(steward.handlers, 'snapshots.list', { repositoryId: repository.id });
  if (options.json) return printJson({ repository, snapshots });
  if (snapshots.length === 0) {
    printText(`${repository.name} has no snapshots yet. Run: steward scan ${repository.path}`);
    return;
  }
  printTable(
    ['Snapshot', 'Scanned', 'Commit', 'Branch', 'Status', 'Files', 'Code', 'Commits'],
    snapshots.map(({ snapshot, files, linesOfCode, commits }) => [
      String(snapshot.id),
      snapshot.finishedAt.replace('T', ' ').slice(0, 19),
      snapshot.commit.slice(0, 10),
      snapshot.branch ?? '(detached)',
      snapshot.status,
      files,
      linesOfCode,
      commits,
    ]),
    5,
  );
}

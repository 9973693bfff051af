import { call } from '../../core/api/call.js';
import type { Steward } from '../../core/steward.js';
import { type OutputOptions, formatDate, printJson, printTable, printText } from '../output.js';

export async function reposCommand(steward: Steward, options: OutputOptions): Promise<void> {
  const repositories = await call(steward.handlers, 'repositories.list', {});
  if (options.json) return printJson(repositories);
  if (repositories.length === 0) {
    printText('No repositories yet. Add one with: steward scan <path>');
    return;
  }
  printTable(
    ['Repository', 'Path', 'Last scan', 'Files', 'Code'],
    repositories.map(({ name, path, latestSnapshot: latest }) => [
      name,
      path,
      latest ? formatDate(latest.snapshot.finishedAt) : 'never',
      latest?.files ?? '',
      latest?.linesOfCode ?? '',
    ]),
    3,
  );
}

import { call } from '../../core/api/call.js';
import type { HealthScoreReport } from '../../core/api/health.js';
import type { Steward } from '../../core/steward.js';
import { signedChange } from '../../core/wording.js';
import { type OutputOptions, formatNumber, printJson, printTable, printText } from '../output.js';

export interface ScoreOptions extends OutputOptions {
  explain?: boolean;
  folder?: string;
}

/** `steward score <path>`: the health score of the latest scan, by part; `--explain` lists the items behind every lost point. */
export async function scoreCommand(steward: Steward, path: string, options: ScoreOptions): Promise<void> {
  const repository = await call(steward.handlers, 'repositories.find', { path });
  const folder = options.folder?.replace(/\/+$/, '');
  const report = await call(steward.handlers, 'health.score', { repositoryId: repository.id, ...(folder ? { folder } : {}) });
  if (options.json) printJson({ repository: { name: repository.name, path: repository.path }, ...report });
  else printScore(folder ? `${repository.name}/${folder}` : repository.name, report, options.explain === true);
}

const points = (value: number): string => (value > 0 && value < 0.005 ? '<0.01' : value.toFixed(2));

function printScore(name: string, report: HealthScoreReport, explain: boolean): void {
  if (report.score === null) {
    printText(`${name}: no health score (${report.reason}).`);
    return;
  }
  const change = report.changeSinceWeek === null ? '' : `, ${signedChange(report.changeSinceWeek)} since a week before`;
  printText(`${name}: health ${report.score.toFixed(1)} of 100 (${report.rating})${change}, formula ${report.formula}, ${formatNumber(report.linesOfCode)} lines of code.`);
  printTable(
    ['Part', 'Weight', 'Lost', 'Items'],
    report.categories.map((category) => [category.title, category.weight, `${points(category.lost)}${category.saturated ? ' (all)' : ''}`, category.items.length]),
  );
  if (!explain) {
    printText('steward score --explain lists the items behind every lost point; docs/health-score.md explains the formula.');
    return;
  }
  for (const category of report.categories.filter((part) => part.items.length > 0)) {
    printText(`\n${category.title}: ${points(category.lost)} of ${category.weight} points lost${category.saturated ? ' (its items cost more than its weight and share it)' : ''}`);
    printTable(
      ['Fingerprint', 'What', 'Where', 'Conf.', 'Effort', 'Points'],
      category.items.map((item) => [item.fingerprint, item.title.length > 70 ? `${item.title.slice(0, 69)}…` : item.title, item.path ?? '', item.confidence, `${formatNumber(item.effortMinutes)} min`, points(item.points)]),
      4,
    );
  }
  const lost = report.categories.reduce((sum, category) => sum + category.lost, 0);
  printText(`\nLost in all: ${lost.toFixed(2)} = 100 − ${report.score.toFixed(2)} (rounded; --json has the exact points). Dismissing or accepting an item (steward item) gives its points back.`);
}

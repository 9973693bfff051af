/**
 * Scores Steward's dead-code findings against judged samples (docs/dead-code-accuracy.md): of the
 * findings that have a verdict, how many hold, per repository, per kind and per confidence. Judged
 * findings Steward no longer reports are counted apart (a wrong finding fixed, or a right one lost),
 * and so are reported findings nobody judged yet (draw a fresh sample of them with
 * deadcode-sample.ts).
 *
 *   node bin/steward.js deadcode /path/to/repo --json > repo.json
 *   npx tsx bench/deadcode-precision.ts --findings repo.json [--findings …] --verdicts bench/deadcode-unseen-verdicts.json
 */
import { Command } from 'commander';
import { readStewardAnswer } from './deadcode-findings.js';
import { changeLines, precisionTable, scoreAnswers } from './deadcode-scoring.js';
import { findingHolds, loadVerdicts } from './deadcode-verdicts.js';

const options = new Command('deadcode-precision')
  .description("Score Steward's dead-code findings against judged samples.")
  .requiredOption('--findings <file...>', '`steward deadcode --json` answers, one per repository')
  .requiredOption('--verdicts <file...>', 'judged findings')
  .option('--by <facet>', 'group the table by repo, kind or confidence', 'repo')
  .option('--causes', 'list the causes of the wrong findings still reported')
  .parse()
  .opts<{ findings: string[]; verdicts: string[]; by: 'repo' | 'kind' | 'confidence'; causes?: boolean }>();

const scores = scoreAnswers(options.findings.map(readStewardAnswer), options.verdicts.flatMap(loadVerdicts));
const lines = [...precisionTable(scores.scored, options.by), '', ...changeLines(scores)];
if (options.causes) {
  const causes = new Map<string, number>();
  for (const { verdict } of scores.scored) if (!findingHolds(verdict)) causes.set(verdict.cause ?? '(no cause given)', (causes.get(verdict.cause ?? '(no cause given)') ?? 0) + 1);
  lines.push('', ...[...causes].sort((a, b) => b[1] - a[1]).map(([cause, count]) => `${String(count).padStart(4)}  ${cause}`));
}
process.stdout.write(`${lines.join('\n')}\n`);

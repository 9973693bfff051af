/**
 * Draws the random samples of Steward's dead-code findings that are judged by reading the code
 * (docs/dead-code-accuracy.md): per repository, up to `--size` findings of the kinds the precision
 * target names (unused files, exports, types, dependencies and devDependencies), drawn with a seeded
 * generator so that the same findings give the same sample. Findings already judged in
 * `--verdicts` are marked, so a new sample only asks for what is new.
 *
 *   node bin/steward.js deadcode /path/to/repo --json > repo.json
 *   npx tsx bench/deadcode-sample.ts --findings repo.json [--findings …] --size 50 --seed 16 --out sample.json
 */
import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { readStewardAnswer, sampledKinds } from './deadcode-findings.js';
import { matchKey } from './deadcode-match.js';
import { type Verdict, loadVerdicts } from './deadcode-verdicts.js';
import { positiveInteger } from './options.js';
import { Random } from './prng.js';

const options = new Command('deadcode-sample')
  .description("Draw seeded random samples of Steward's dead-code findings to judge by reading the code.")
  .requiredOption('--findings <file...>', '`steward deadcode --json` answers, one per repository')
  .option('--size <n>', 'findings per repository (all when fewer)', positiveInteger, 50)
  .option('--seed <n>', 'seed of the generator', positiveInteger, 1)
  .option('--verdicts <file>', 'findings judged before: marked as such')
  .requiredOption('--out <file>', 'where the sample goes (JSON)')
  .parse()
  .opts<{ findings: string[]; size: number; seed: number; verdicts?: string; out: string }>();

const judged: Verdict[] = options.verdicts ? loadVerdicts(options.verdicts) : [];
const random = new Random(options.seed);
const samples = options.findings.map((file) => {
  const answer = readStewardAnswer(file);
  const repo = answer.repo;
  const candidates = answer.findings.filter((finding) => sampledKinds.includes(finding.kind));
  // A partial Fisher–Yates shuffle: the first `size` places are the sample.
  const pool = [...candidates];
  const size = Math.min(options.size, pool.length);
  for (let index = 0; index < size; index++) {
    const other = random.int(index, pool.length - 1);
    [pool[index], pool[other]] = [pool[other]!, pool[index]!];
  }
  const known = new Set(judged.filter((verdict) => verdict.repo === repo).map((verdict) => matchKey({ ...verdict, kind: verdict.kind })));
  return {
    repo,
    commit: answer.commit,
    population: candidates.length,
    findings: pool.slice(0, size).map((finding) => ({ ...finding, judgedBefore: known.has(matchKey({ kind: finding.kind as Verdict['kind'], path: finding.path, name: finding.name })) })),
  };
});
writeFileSync(options.out, `${JSON.stringify(samples, null, 1)}\n`);
process.stdout.write(samples.map((sample) => `${sample.repo}: ${sample.findings.length} of ${sample.population}`).join('\n') + '\n');

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
import { readStewardAnswer, sampledKinds } from './deadcode-findings.js';
import { matchKey } from './deadcode-match.js';
import { type Verdict, findingHolds, loadVerdicts } from './deadcode-verdicts.js';

const options = new Command('deadcode-precision')
  .description("Score Steward's dead-code findings against judged samples.")
  .requiredOption('--findings <file...>', '`steward deadcode --json` answers, one per repository')
  .requiredOption('--verdicts <file...>', 'judged findings')
  .option('--by <facet>', 'group the table by repo, kind or confidence', 'repo')
  .option('--causes', 'list the causes of the wrong findings still reported')
  .parse()
  .opts<{ findings: string[]; verdicts: string[]; by: 'repo' | 'kind' | 'confidence'; causes?: boolean }>();

interface Scored {
  readonly repo: string;
  readonly kind: string;
  readonly confidence: string;
  readonly verdict: Verdict;
}

const verdicts = options.verdicts.flatMap(loadVerdicts);
const scored: Scored[] = [];
const gone: Verdict[] = [];
let unjudged = 0;
for (const file of options.findings) {
  const answer = readStewardAnswer(file);
  const repo = answer.repo;
  const judged = new Map(verdicts.filter((verdict) => verdict.repo === repo).map((verdict) => [matchKey(verdict), verdict]));
  const reported = new Set<string>();
  for (const finding of answer.findings) {
    const key = matchKey(finding as Pick<Verdict, 'kind' | 'path' | 'name'>);
    reported.add(key);
    const verdict = judged.get(key);
    if (verdict) scored.push({ repo, kind: finding.kind, confidence: finding.confidence ?? 'unjudged', verdict });
    else if (sampledKinds.includes(finding.kind)) unjudged++;
  }
  gone.push(...[...judged].filter(([key]) => !reported.has(key)).map(([, verdict]) => verdict));
}

const groups = new Map<string, Scored[]>();
for (const entry of scored) groups.set(entry[options.by], [...(groups.get(entry[options.by]) ?? []), entry]);
const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${Math.round((100 * part) / whole)} %`);
const row = (label: string, entries: readonly Scored[]) => {
  const holds = entries.filter((entry) => findingHolds(entry.verdict)).length;
  return `| ${label} | ${holds} of ${entries.length} | ${percent(holds, entries.length)} |`;
};
const lines = [`| ${options.by} | hold | precision |`, '|---|---:|---:|'];
for (const [label, entries] of [...groups].sort(([a], [b]) => a.localeCompare(b))) lines.push(row(label, entries));
lines.push(row('**all**', scored));
const goneWrong = gone.filter((verdict) => !findingHolds(verdict)).length;
lines.push(
  '',
  `Judged findings no longer reported: ${gone.length} (${goneWrong} of them were wrong, ${gone.length - goneWrong} right).`,
  `Reported findings of the sampled kinds nobody judged yet: ${unjudged}.`,
);
const lost = gone.filter(findingHolds);
if (lost.length > 0) lines.push('Right findings no longer reported (dead code Steward now misses):', ...lost.map((verdict) => `  ${verdict.repo} ${verdict.kind} ${verdict.path} ${verdict.name}`));
if (options.causes) {
  const causes = new Map<string, number>();
  for (const { verdict } of scored) if (!findingHolds(verdict)) causes.set(verdict.cause ?? '(no cause given)', (causes.get(verdict.cause ?? '(no cause given)') ?? 0) + 1);
  lines.push('', ...[...causes].sort((a, b) => b[1] - a[1]).map(([cause, count]) => `${String(count).padStart(4)}  ${cause}`));
}
process.stdout.write(`${lines.join('\n')}\n`);

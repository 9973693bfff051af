/**
 * Steward's dead-code answers scored against judged findings: each judged finding Steward still
 * reports, with its confidence; the judged ones it no longer reports; and how many of the sampled
 * kinds nobody judged. Shared by deadcode-precision.ts (one set of answers) and deadcode-corpus.ts
 * (the whole corpus, fetched at its pinned commits).
 */
import { sampledKinds } from './deadcode-findings.js';
import { matchKey } from './deadcode-match.js';
import { type Verdict, findingHolds } from './deadcode-verdicts.js';

export interface StewardAnswerFindings {
  /** The repository as verdicts name it. */
  readonly repo: string;
  readonly findings: readonly { kind: string; path: string; name: string; confidence?: string | undefined }[];
}

export interface Scored {
  readonly repo: string;
  readonly kind: string;
  readonly confidence: string;
  readonly verdict: Verdict;
}

export interface Scores {
  readonly scored: Scored[];
  /** Judged findings Steward no longer reports: a wrong finding fixed, or a right one lost. */
  readonly gone: Verdict[];
  /** Reported findings of the sampled kinds that nobody judged. */
  readonly unjudged: number;
}

export function scoreAnswers(answers: readonly StewardAnswerFindings[], verdicts: readonly Verdict[]): Scores {
  const scored: Scored[] = [];
  const gone: Verdict[] = [];
  let unjudged = 0;
  for (const { repo, findings } of answers) {
    const judged = new Map(verdicts.filter((verdict) => verdict.repo === repo).map((verdict) => [matchKey(verdict), verdict]));
    const reported = new Set<string>();
    for (const finding of findings) {
      const key = matchKey(finding as Pick<Verdict, 'kind' | 'path' | 'name'>);
      reported.add(key);
      const verdict = judged.get(key);
      if (verdict) scored.push({ repo, kind: finding.kind, confidence: finding.confidence ?? 'unjudged', verdict });
      else if (sampledKinds.includes(finding.kind)) unjudged++;
    }
    gone.push(...[...judged].filter(([key]) => !reported.has(key)).map(([, verdict]) => verdict));
  }
  return { scored, gone, unjudged };
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${Math.round((100 * part) / whole)} %`;
}

/** `holds of judged (precision)` of some scored findings. */
export function holdShare(entries: readonly Scored[]): string {
  const holds = entries.filter((entry) => findingHolds(entry.verdict)).length;
  return `${holds} of ${entries.length} (${percent(holds, entries.length)})`;
}

/** A Markdown table of the scored findings grouped by one facet, with a total row. */
export function precisionTable(scored: readonly Scored[], by: 'repo' | 'kind' | 'confidence'): string[] {
  const groups = new Map<string, Scored[]>();
  for (const entry of scored) groups.set(entry[by], [...(groups.get(entry[by]) ?? []), entry]);
  const row = (label: string, entries: readonly Scored[]) => {
    const holds = entries.filter((entry) => findingHolds(entry.verdict)).length;
    return `| ${label} | ${holds} of ${entries.length} | ${percent(holds, entries.length)} |`;
  };
  const lines = [`| ${by} | hold | precision |`, '|---|---:|---:|'];
  for (const [label, entries] of [...groups].sort(([a], [b]) => a.localeCompare(b))) lines.push(row(label, entries));
  lines.push(row('**all**', scored));
  return lines;
}

/** What changed since the verdicts: judged findings no longer reported (and the right ones among them), findings nobody judged. */
export function changeLines({ gone, unjudged }: Scores): string[] {
  const lost = gone.filter(findingHolds);
  return [
    `Judged findings no longer reported: ${gone.length} (${gone.length - lost.length} of them were wrong, ${lost.length} right).`,
    `Reported findings of the sampled kinds nobody judged yet: ${unjudged}.`,
    ...(lost.length > 0 ? ['Right findings no longer reported (dead code Steward now misses):', ...lost.map((verdict) => `  ${verdict.repo} ${verdict.kind} ${verdict.path} ${verdict.name}`)] : []),
  ];
}

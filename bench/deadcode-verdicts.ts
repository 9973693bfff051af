/**
 * A human's adjudication of findings the tools disagree on (bench/deadcode-verdicts.json):
 *
 *   [{ "repo": "zustand", "kind": "export", "path": "src/vanilla.ts", "name": "createStore",
 *      "tool": "steward", "verdict": "steward-right", "why": "only the d.ts build re-exports it" }]
 *
 * `repo` is the repository's folder name as the report heads it (or its full path); `kind`, `path`
 * and `name` are the finding as the report lists it; `tool` is the tool whose finding is judged (the
 * one that reported it; for an item both report, either). `verdict`: `steward-right` (Steward's
 * view holds: its finding is dead code, or the peer's finding is not), `peer-right` (the reverse),
 * `both-wrong` (neither: the finding is wrong, and so is the tool that stayed silent, e.g. the whole
 * file is unused, not just the export).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { findingKinds } from './deadcode-findings.js';
import { type Available, type Merged, matchKey } from './deadcode-match.js';

const VerdictSchema = z.strictObject({
  repo: z.string().min(1),
  kind: z.enum(findingKinds),
  path: z.string().min(1),
  name: z.string().min(1),
  tool: z.enum(['steward', 'knip', 'fallow']),
  verdict: z.enum(['steward-right', 'peer-right', 'both-wrong']),
  why: z.string().min(1),
  /** For a wrong finding: the kind of use the tool missed (`test runner not recognised (mocha)`, …). */
  cause: z.string().min(1).optional(),
});
export type Verdict = z.infer<typeof VerdictSchema>;

export function loadVerdicts(file: string): Verdict[] {
  const result = z.array(VerdictSchema).safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!result.success) throw new Error(`${file}: ${z.prettifyError(result.error)}`);
  return result.data;
}

/** The verdicts of one repository, by the finding they judge. */
export class VerdictIndex {
  private readonly byKey = new Map<string, Verdict>();
  private readonly used = new Set<Verdict>();

  constructor(verdicts: readonly Verdict[], repo: { name: string; path: string }) {
    for (const verdict of verdicts) {
      if (verdict.repo === repo.name || verdict.repo === repo.path || basename(verdict.repo) === repo.name) this.byKey.set(matchKey(verdict), verdict);
    }
  }

  get(record: Merged): Verdict | undefined {
    const verdict = this.byKey.get(matchKey(record));
    if (verdict) this.used.add(verdict);
    return verdict;
  }

  /** Verdicts that matched no finding of the results: stale, or a typo. */
  unmatched(): Verdict[] {
    return [...this.byKey.values()].filter((verdict) => !this.used.has(verdict));
  }
}

/** Whether the judged finding is dead code: the verdict sides with the tool that reported it. */
export function findingHolds(verdict: Verdict): boolean {
  return verdict.tool === 'steward' ? verdict.verdict === 'steward-right' : verdict.verdict === 'peer-right';
}

export interface Accuracy {
  /** Steward findings with a verdict, and how many of them hold. */
  readonly stewardJudged: number;
  readonly stewardHolds: number;
  /** stewardHolds ÷ stewardJudged. */
  readonly precision?: number;
  /**
   * knip's correct findings: those judged to hold, plus those Steward also reports and nobody judged
   * (two tools agreeing counts as right until someone says otherwise). Findings only knip reports
   * and nobody judged are left out, and counted in knipPending.
   */
  readonly knipCorrect: number;
  readonly knipCorrectFoundBySteward: number;
  /** knipCorrectFoundBySteward ÷ knipCorrect. */
  readonly recall?: number;
  readonly knipPending: number;
}

export function accuracy(records: readonly Merged[], verdicts: VerdictIndex, available: Available): Accuracy {
  const judged = records.map((record) => ({ record, verdict: verdicts.get(record) }));
  const steward = judged.filter(({ record, verdict }) => verdict !== undefined && record.by.steward !== undefined);
  const stewardHolds = steward.filter(({ verdict }) => verdict !== undefined && findingHolds(verdict)).length;
  const knip = available.has('knip') ? judged.filter(({ record }) => record.by.knip !== undefined) : [];
  const knipCorrect = knip.filter(({ record, verdict }) => (verdict === undefined ? record.by.steward !== undefined : findingHolds(verdict)));
  const found = knipCorrect.filter(({ record }) => record.by.steward !== undefined).length;
  return {
    stewardJudged: steward.length,
    stewardHolds,
    ...ratio('precision', stewardHolds, steward.length),
    knipCorrect: knipCorrect.length,
    knipCorrectFoundBySteward: found,
    ...ratio('recall', found, knipCorrect.length),
    knipPending: knip.filter(({ record, verdict }) => verdict === undefined && record.by.steward === undefined).length,
  };
}

function ratio<K extends string>(key: K, part: number, whole: number): Partial<Record<K, number>> {
  return whole === 0 ? {} : ({ [key]: part / whole } as Record<K, number>);
}

/** Sums of several repositories' figures, ratios recomputed. */
export function totalAccuracy(parts: readonly Accuracy[]): Accuracy {
  const sum = (pick: (part: Accuracy) => number) => parts.reduce((total, part) => total + pick(part), 0);
  const stewardJudged = sum((part) => part.stewardJudged);
  const stewardHolds = sum((part) => part.stewardHolds);
  const knipCorrect = sum((part) => part.knipCorrect);
  const found = sum((part) => part.knipCorrectFoundBySteward);
  return {
    stewardJudged,
    stewardHolds,
    ...ratio('precision', stewardHolds, stewardJudged),
    knipCorrect,
    knipCorrectFoundBySteward: found,
    ...ratio('recall', found, knipCorrect),
    knipPending: sum((part) => part.knipPending),
  };
}

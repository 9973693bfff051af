import type { Codeowners } from '../../analyzers/ownership/codeowners.js';
import { analyses } from '../analyses/registry.js';
import type { AnalysisId } from '../api/analyses.js';
import type { CoverageReport } from '../api/coverage.js';
import type { HistoryReport } from '../api/history.js';
import type { DebtItem } from '../api/inventory.js';
import { type CostModel, type ItemCost, costOf } from './cost-model.js';
import type { ItemContext, ItemDraft } from './item-draft.js';

/** A finding ready for the inventory: the analysis's draft with its analysis, match key, cost and owner. */
export interface PreparedItem extends ItemDraft {
  analysis: AnalysisId;
  /** What later snapshots match it on: kind, path and symbol (see update-inventory.ts). */
  key: string;
  cost: ItemCost;
  owner: DebtItem['owner'];
}

interface PrepareInput extends Omit<ItemContext, 'reportOf'> {
  /** The reports of the analyses that ran, by analysis. */
  reports: Partial<Record<AnalysisId, unknown>>;
  costModel: CostModel;
  /** CODEOWNERS of the commit, when it has one. */
  codeowners: Codeowners | undefined;
  warn(message: string): void;
}

/**
 * Between the parts of a match key: the unit separator, a control character no file name has in
 * practice (NUL, the one no file name can hold, is the one character PostgreSQL's text refuses).
 */
export const matchKeySeparator = '\u001f';

/** The key a finding is matched on from snapshot to snapshot (never a line number). */
export function matchKey(kind: string, path: string | null, symbol: string | null): string {
  return [kind, path ?? '', symbol ?? ''].join(matchKeySeparator);
}

/**
 * Every analysis's items, with what the inventory adds: the interest from how often each item's file
 * changes (the history analysis of the same run, when it ran), the risk raised where the tests do not
 * run its file (the coverage read, when there was one), the owner (CODEOWNERS, else the file's main
 * developer by history) and the cost.
 */
export function prepareItems(input: PrepareInput): PreparedItem[] {
  const history = input.reports.history as HistoryReport | undefined;
  const coverage = input.reports.coverage as CoverageReport | undefined;
  const coveredShare = new Map(coverage?.status === 'read' ? coverage.files.flatMap((file) => (file.percent === null ? [] : [[file.path, file.percent / 100] as const])) : []);
  const changesPerMonth = new Map(history?.hotspots.map((spot) => [spot.path, spot.revisions / Math.max(history.windowMonths, 1)]) ?? []);
  const mainDeveloper = new Map(history?.files.flatMap((file) => (file.mainDeveloper ? [[file.path, file.mainDeveloper] as const] : [])) ?? []);
  const { codeowners } = input;
  for (const problem of codeowners?.problems ?? []) input.warn(`CODEOWNERS ${problem} (that line is ignored)`);
  const ownerOf = (path: string | null): DebtItem['owner'] => {
    if (path === null) return null;
    const owners = codeowners?.ownersOf(path);
    if (owners) return { name: owners.join(' '), source: 'CODEOWNERS' };
    const developer = mainDeveloper.get(path);
    return developer ? { name: developer, source: 'history' } : null;
  };
  const prepared: PreparedItem[] = [];
  const seen = new Map<string, number>();
  const context: ItemContext = { ...input, reportOf: (analysis) => input.reports[analysis] };
  for (const [id, report] of Object.entries(input.reports) as [AnalysisId, unknown][]) {
    for (const draft of analyses[id].items(report as never, context)) {
      // Two findings an analysis cannot tell apart by place get their order as part of their identity.
      let key = matchKey(draft.kind, draft.path, draft.symbol);
      const repeats = seen.get(key) ?? 0;
      seen.set(key, repeats + 1);
      const symbol = repeats === 0 ? draft.symbol : `${draft.symbol ?? ''} #${repeats + 1}`;
      if (repeats > 0) key = matchKey(draft.kind, draft.path, symbol);
      prepared.push({
        ...draft,
        symbol,
        analysis: id,
        key,
        cost: costOf(draft, draft.path === null ? 0 : (changesPerMonth.get(draft.path) ?? 0), input.costModel, draft.path === null ? null : (coveredShare.get(draft.path) ?? null)),
        owner: ownerOf(draft.path),
      });
    }
  }
  return prepared;
}

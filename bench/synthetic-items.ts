import { itemKinds } from '../core/api/inventory.js';
import { costOf, defaultCostModel } from '../core/inventory/cost-model.js';
import { type PreparedItem, matchKeySeparator } from '../core/inventory/prepare-items.js';

/** `count` debt items spread over kinds, files, owners, severities and confidences, as a scan would prepare them. */
export function syntheticItems(count: number): PreparedItem[] {
  return Array.from({ length: count }, (_, index) => {
    const kind = itemKinds[index % itemKinds.length]!;
    const path = `src/module-${index % 97}/part-${index % 13}/file-${index % 2003}.ts`;
    const draft = {
      kind,
      title: `Finding ${index} of kind ${kind} in ${path}`,
      path,
      line: (index % 400) + 1,
      symbol: `symbol${index}`,
      evidence: { value: index, note: 'synthetic' },
      severity: (['critical', 'high', 'medium', 'low', 'info'] as const)[index % 5]!,
      confidence: (['high', 'medium', 'low'] as const)[index % 3]!,
      confidenceReason: 'synthetic',
      size: index % 50,
      material: String(index),
      fix: { text: 'Fix it.', draft: null },
    };
    return { ...draft, analysis: 'code', key: [kind, path, `symbol${index}`].join(matchKeySeparator), cost: costOf(draft, (index % 7) / 3, defaultCostModel), owner: { name: `team-${index % 23}`, source: 'CODEOWNERS' } };
  });
}

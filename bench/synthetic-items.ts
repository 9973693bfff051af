import { emptyMailmap } from '../analyzers/identities/mailmap.js';
import { emptyIdentityMap, identityResolver } from '../analyzers/identities/resolve-identities.js';
import { itemKinds } from '../core/api/inventory.js';
import { costOf, defaultCostModel } from '../core/inventory/cost-model.js';
import { type PreparedItem, matchKeySeparator } from '../core/inventory/prepare-items.js';
import { updateInventory } from '../core/inventory/update-inventory.js';
import type { Database } from '../core/store/database.js';
import { insertGitHistory } from '../core/store/snapshot-git-history.js';
import { saveSnapshot } from '../core/store/snapshots.js';

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

/** A repository (registered at `path`, never scanned) holding one scan with `count` synthetic items; its id. */
export function storeSyntheticScan(db: Database, path: string, count: number, now = new Date()): number {
  const repositoryId = db.prepare<unknown[], { id: number }>('INSERT INTO repositories (path, name, added_at) VALUES (?, ?, ?) RETURNING id').get(path, 'big', now.toISOString())!.id;
  db.transaction(() => {
    const { snapshotId } = saveSnapshot(
      db,
      { repositoryId, kind: 'head', commit: 'a'.repeat(40), commitDate: null, branch: 'main', status: 'complete', startedAt: now.toISOString(), finishedAt: now.toISOString(), analyzerVersions: { code: '2' }, warnings: [], environment: null },
      [(target, id) => insertGitHistory(target, id, { commits: 1, firstCommitAt: null, lastCommitAt: null, committedAt: null, contributors: [], shallow: false, rootCommits: [] }, identityResolver(emptyMailmap, emptyIdentityMap))],
    );
    updateInventory(db, { repositoryId, snapshotId, analyses: ['code'], items: syntheticItems(count), renames: new Map(), linesOfCode: 500_000, minutesPerLine: 30, team: null, now });
  })();
  return repositoryId;
}

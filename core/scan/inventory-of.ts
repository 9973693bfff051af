import { codeownersPaths, readCodeowners } from '../../analyzers/ownership/codeowners.js';
import type { AnalysisId } from '../api/analyses.js';
import type { CodeAnalysis } from '../code/analyze-code.js';
import { readTextFiles } from '../git/read-blobs.js';
import { renamedPaths } from '../git/renamed-paths.js';
import type { TreeListing } from '../git/tree-files.js';
import { costModelOf } from '../inventory/cost-model.js';
import { type PreparedItem, prepareItems } from '../inventory/prepare-items.js';
import type { Database } from '../store/database.js';

interface InventoryInput {
  db: Database;
  repositoryId: number;
  root: string;
  commit: string;
  tree: TreeListing;
  /** The code engine's analysis, when it ran (for the files importing each package). */
  code: CodeAnalysis | undefined;
  reports: Partial<Record<AnalysisId, unknown>>;
  /** Look for files renamed since the previous snapshot (for a scan that saves its items). */
  renames: boolean;
  signal: AbortSignal;
  warn(message: string): void;
}

/**
 * What a scan's inventory needs beyond its reports, read before the snapshot's transaction: the
 * repository's cost settings and CODEOWNERS from the commit, the renames since the previous snapshot,
 * and the items themselves with their costs and owners.
 */
export async function inventoryOf(input: InventoryInput): Promise<{ repositoryId: number; items: PreparedItem[]; renames: Map<string, string>; minutesPerLine: number; team: string[] | null }> {
  const { tree } = input;
  const blobs = new Map(tree.files.map((file) => [file.path, file.blobSha]));
  const wanted = ['steward.config.json', ...codeownersPaths];
  const texts = await readTextFiles(input.root, tree.files.filter((file) => wanted.includes(file.path)), input.signal);
  const costModel = costModelOf(texts.get('steward.config.json'), input.warn);
  const codeownersText = codeownersPaths.map((path) => texts.get(path)).find((text) => text !== undefined);
  const codeowners = codeownersText === undefined ? undefined : readCodeowners(codeownersText);
  const items = prepareItems({
    reports: input.reports,
    costModel,
    codeowners,
    warn: input.warn,
    blobOf: (path) => blobs.get(path),
    importersOf: (name) => (input.code ? (input.code.importers.get(name) ?? 0) : null),
  });
  const previous = input.db
    .prepare<[number], { commit_sha: string }>(
      `SELECT s.commit_sha FROM snapshots s JOIN snapshot_inventory i ON i.snapshot_id = s.id
       WHERE s.repository_id = ? AND s.kind = 'head' ORDER BY s.finished_at DESC, s.id DESC LIMIT 1`,
    )
    .get(input.repositoryId);
  const renames = input.renames && previous && previous.commit_sha !== input.commit ? await renamedPaths(input.root, previous.commit_sha, input.commit, input.signal) : new Map<string, string>();
  return { repositoryId: input.repositoryId, items, renames, minutesPerLine: costModel.minutesPerLine, team: codeowners?.wholeRepository ?? null };
}

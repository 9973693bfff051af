import { inspectRepository } from '../git/inspect-repository.js';
import { headWarnings } from '../git/head-warnings.js';
import { type TreeListing, listTreeFiles } from '../git/tree-files.js';
import type { Database } from '../store/database.js';
import { type SaveResults, saveSnapshot } from '../store/snapshots.js';
import { type CodeAnalysis, analyzeCode } from '../code/analyze-code.js';
import type { DependencyScanOptions } from '../api/scans.js';
import type { ScanStep, StepContext } from './scan-step.js';

interface ScanProgress {
  step: string;
  /** 0…1 over the whole scan. */
  progress: number;
  detail: string;
}

interface RunScanOptions {
  db: Database;
  repositoryId: number;
  /** The registered path; checked again now, since the folder may have changed since it was added. */
  path: string;
  steps: readonly ScanStep[];
  parseWorkerUrl: URL | string;
  /** How the dependency check asks registries. */
  dependencies?: DependencyScanOptions;
  signal: AbortSignal;
  onProgress: (progress: ScanProgress) => void;
  now?: () => Date;
}

/** Runs every step on the repository's HEAD commit and saves the snapshot; returns its id. */
export async function runScan({ db, repositoryId, path, steps, parseWorkerUrl, dependencies = {}, signal, onProgress, now = () => new Date() }: RunScanOptions): Promise<number> {
  const startedAt = now();
  onProgress({ step: 'Reading repository', progress: 0, detail: path });
  const { root, head } = await inspectRepository(path);
  const warnings = await headWarnings(root, head, signal);
  let partial = false;

  let listing: Promise<TreeListing> | undefined;
  const treeFiles = (): Promise<TreeListing> => (listing ??= listTreeFiles(root, head.commit, signal));
  const totalWeight = steps.reduce((sum, step) => sum + step.weight, 0);
  let weightDone = 0;
  const saves: SaveResults[] = [];
  let code: Promise<CodeAnalysis> | undefined;
  for (const step of steps) {
    signal.throwIfAborted();
    const stepStart = weightDone;
    const context: StepContext = {
      root,
      commit: head.commit,
      signal,
      db,
      treeFiles,
      codeAnalysis: () => (code ??= treeFiles().then((tree) => analyzeCode({ db, root, tree, parseWorkerUrl, signal, progress: context.progress, warn: context.warn }))),
      parseWorkerUrl,
      dependencies,
      now: startedAt,
      progress(done, total, detail = '') {
        const fraction = total > 0 ? Math.min(done / total, 1) : 1;
        onProgress({ step: step.title, progress: (stepStart + fraction * step.weight) / totalWeight, detail });
      },
      warn(message, options) {
        warnings.push(message);
        partial ||= options?.partial === true;
      },
    };
    const save = await step.run(context);
    saves.push(save);
    weightDone += step.weight;
  }
  signal.throwIfAborted();
  onProgress({ step: 'Saving snapshot', progress: 1, detail: '' });
  return saveSnapshot(
    db,
    {
      repositoryId,
      commit: head.commit,
      branch: head.branch,
      status: partial ? 'partial' : 'complete',
      startedAt: startedAt.toISOString(),
      finishedAt: now().toISOString(),
      analyzerVersions: Object.fromEntries(steps.map((step) => [step.id, step.version])),
      warnings,
    },
    saves,
  );
}

import { headWarnings } from '../git/head-warnings.js';
import { inspectRepository } from '../git/inspect-repository.js';
import { type TreeListing, listTreeFiles } from '../git/tree-files.js';
import type { Database } from '../store/database.js';
import { type CodeAnalysis, analyzeCode } from './analyze-code.js';

export interface PathAnalysis {
  root: string;
  branch: string | null;
  commit: string;
  /** The commit's files, as the analysis read them. */
  tree: TreeListing;
  analysis: CodeAnalysis;
  warnings: string[];
}

interface AnalyzePathOptions {
  db: Database;
  parseWorkerUrl: URL | string;
  signal: AbortSignal;
  onProgress(done: number, total: number, detail: string): void;
}

/** The code engine on a repository's HEAD, without saving a snapshot (the facts cache still fills). */
export async function analyzePath(path: string, { db, parseWorkerUrl, signal, onProgress }: AnalyzePathOptions): Promise<PathAnalysis> {
  const { root, head } = await inspectRepository(path);
  const warnings: string[] = [];
  const analyze = async (): Promise<Pick<PathAnalysis, 'tree' | 'analysis'>> => {
    const tree = await listTreeFiles(root, head.commit, signal);
    const analysis = await analyzeCode({
      db,
      root,
      tree,
      parseWorkerUrl,
      signal,
      progress: (done, total, detail = '') => onProgress(done, total, detail),
      warn: (message) => warnings.push(message),
    });
    return { tree, analysis };
  };
  // `git status` walks the working tree: let it run while the code is analysed.
  const [headNotes, { tree, analysis }] = await Promise.all([headWarnings(root, head, signal), analyze()]);
  // The same array: analyses run later (dead code) add their warnings to it.
  warnings.unshift(...headNotes);
  return { root, branch: head.branch, commit: head.commit, tree, analysis, warnings };
}

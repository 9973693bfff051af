import type { CommitRecord } from './commit-record.js';

export interface CouplingOptions {
  /** Both files need at least this many revisions on average (code-maat `min-revs`). */
  minRevisions: number;
  /** And at least this many commits together (`min-shared-revs`). */
  minSharedRevisions: number;
  /** Degree bounds in percent (`min-coupling`, `max-coupling`). */
  minDegree: number;
  maxDegree: number;
  /** Commits changing more files than this are left out (`max-changeset-size`). */
  maxChangesetSize: number;
}

export const defaultCouplingOptions: CouplingOptions = { minRevisions: 5, minSharedRevisions: 5, minDegree: 30, maxDegree: 100, maxChangesetSize: 30 };

export interface CoupledPair {
  /** The pair in path order. */
  first: string;
  second: string;
  /** Shared commits ÷ the mean of both files' commits, in percent, truncated (as code-maat prints it). */
  degree: number;
  sharedRevisions: number;
  firstRevisions: number;
  secondRevisions: number;
  /** The mean of both files' commits, rounded up (code-maat `average-revs`). */
  averageRevisions: number;
  /** The files are in different packages or top-level folders: a dependency the structure does not show. */
  crossesBoundary: boolean;
}

/**
 * Change coupling as code-maat computes it: over the commits that are not too large (nor excluded,
 * e.g. bulk reformatting), each file's revisions and each pair's shared revisions; degree = shared ÷
 * mean(revisions) × 100; pairs within every threshold, strongest first.
 */
export function changeCoupling(
  commits: readonly CommitRecord[],
  boundaryOf: (path: string) => string,
  options: CouplingOptions = defaultCouplingOptions,
): CoupledPair[] {
  const revisions = new Map<string, number>();
  const shared = new Map<string, number>();
  for (const commit of commits) {
    const paths = [...new Set(commit.files.map((change) => change.path))].sort();
    if (paths.length > options.maxChangesetSize) continue;
    for (const path of paths) revisions.set(path, (revisions.get(path) ?? 0) + 1);
    for (let i = 0; i < paths.length; i++) {
      for (let j = i + 1; j < paths.length; j++) {
        const key = `${paths[i]}\0${paths[j]}`;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  const pairs: CoupledPair[] = [];
  for (const [key, sharedRevisions] of shared) {
    const [first, second] = key.split('\0') as [string, string];
    const firstRevisions = revisions.get(first)!;
    const secondRevisions = revisions.get(second)!;
    const average = (firstRevisions + secondRevisions) / 2;
    // Integer numerator and denominator: the quotient is exact where it is whole, as code-maat's ratios are.
    const degree = (200 * sharedRevisions) / (firstRevisions + secondRevisions);
    const within =
      average >= options.minRevisions && sharedRevisions >= options.minSharedRevisions && degree >= options.minDegree && Math.floor(degree) <= options.maxDegree;
    if (!within) continue;
    pairs.push({
      first,
      second,
      degree: Math.trunc(degree),
      sharedRevisions,
      firstRevisions,
      secondRevisions,
      averageRevisions: Math.ceil(average),
      crossesBoundary: boundaryOf(first) !== boundaryOf(second),
    });
  }
  return pairs.sort((a, b) => b.degree - a.degree || b.averageRevisions - a.averageRevisions || a.first.localeCompare(b.first) || a.second.localeCompare(b.second));
}

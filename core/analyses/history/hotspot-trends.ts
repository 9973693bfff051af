import { summarizeComplexity } from '../../../analyzers/complexity/summarize-complexity.js';
import { defaultThresholds } from '../../../analyzers/complexity/thresholds.js';
import { factsEngineVersion } from '../../../analyzers/facts/file-facts.js';
import type { CommitRecord } from '../../../analyzers/history/commit-record.js';
import type { Hotspot } from '../../../analyzers/history/hotspots.js';
import { readCodeFacts } from '../../code/read-code-facts.js';
import { blobIds } from '../../git/read-blobs.js';
import type { TreeFile } from '../../git/tree-files.js';
import type { Database } from '../../store/database.js';

export interface TrendPoint {
  commit: string;
  date: string;
  /** Measured as the hotspot is (sum of cognitive complexity, or lines). */
  complexity: number;
}

/** Hotspots that get a trend, and points per trend (the newest change, and earlier ones evenly spaced). */
const trendOptions = { hotspots: 10, points: 12 };

interface TrendOptions {
  db: Database;
  root: string;
  /** Every commit of the log, newest first, as read (paths as they were then). */
  commits: readonly CommitRecord[];
  /** The same commits with names followed across renames (same order, same files). */
  followed: readonly CommitRecord[];
  hotspots: readonly Hotspot[];
  parseWorkerUrl: URL | string;
  signal: AbortSignal;
}

/**
 * How the complexity of the top hotspots developed: the file's content at some of the commits that
 * changed it (by its name at the time), measured from the facts cache, parsing only contents never
 * seen before. Oldest first.
 */
export async function hotspotTrends({ db, root, commits, followed, hotspots, parseWorkerUrl, signal }: TrendOptions): Promise<Map<string, TrendPoint[]>> {
  const top = hotspots.slice(0, trendOptions.hotspots);
  const wanted = new Set(top.map((hotspot) => hotspot.path));
  const changes = new Map<string, { commit: CommitRecord; pathThen: string }[]>();
  followed.forEach((commit, index) => {
    commit.files.forEach((change, fileIndex) => {
      if (!wanted.has(change.path)) return;
      const list = changes.get(change.path) ?? [];
      list.push({ commit: commits[index]!, pathThen: commits[index]!.files[fileIndex]!.path });
      changes.set(change.path, list);
    });
  });
  const samples = [...changes].flatMap(([path, list]) => evenlySpaced(list, trendOptions.points).map((entry) => ({ path, ...entry })));
  const blobs = await blobIds(root, samples.map((sample) => `${sample.commit.sha}:${sample.pathThen}`), signal);
  const files: TreeFile[] = [];
  samples.forEach((sample, index) => {
    const blob = blobs[index];
    // A unique name per sample keeps the extension (which decides how the file is parsed).
    if (blob) files.push({ path: `${index}/${sample.pathThen}`, blobSha: blob.sha, size: blob.size });
  });
  const { facts } = await readCodeFacts({ db, root, files, engineVersion: factsEngineVersion, parseWorkerUrl, signal, progress: () => {} });
  const measures = new Map(top.map((hotspot) => [hotspot.path, hotspot.measure]));
  const trends = new Map<string, TrendPoint[]>();
  samples.forEach((sample, index) => {
    const fileFacts = facts.get(`${index}/${sample.pathThen}`);
    if (!fileFacts) return;
    const complexity =
      measures.get(sample.path) === 'lines' ? fileFacts.codeLines : summarizeComplexity([{ path: sample.pathThen, facts: fileFacts }], defaultThresholds).files[0]!.cognitiveSum;
    const points = trends.get(sample.path) ?? [];
    points.push({ commit: sample.commit.sha, date: sample.commit.authorDate, complexity });
    trends.set(sample.path, points);
  });
  for (const points of trends.values()) points.reverse();
  return trends;
}

/** Up to `count` entries of a newest-first list: always the newest, then evenly spaced back to the oldest. */
function evenlySpaced<T>(list: readonly T[], count: number): T[] {
  if (list.length <= count) return [...list];
  const step = (list.length - 1) / (count - 1);
  return Array.from({ length: count }, (_, index) => list[Math.round(index * step)]!);
}

import { summarizeComplexity } from '../../../analyzers/complexity/summarize-complexity.js';
import { defaultThresholds } from '../../../analyzers/complexity/thresholds.js';
import { factsEngineVersion } from '../../../analyzers/facts/file-facts.js';
import type { CommitRecord } from '../../../analyzers/history/commit-record.js';
import type { Hotspot } from '../../../analyzers/history/hotspots.js';
import { readCodeFacts } from '../../code/read-code-facts.js';
import { blobIds } from '../../git/read-blobs.js';
import type { TreeFile } from '../../git/tree-files.js';
import type { Database } from '../../store/database.js';

interface TrendPoint {
  commit: string;
  date: string;
  /** Measured as the hotspot is (sum of cognitive complexity, or lines). */
  complexity: number;
}

/**
 * Hotspots that get a trend, points per trend (the newest change, and earlier ones evenly spaced),
 * and how much content never parsed before one scan parses for them: the top hotspots are the
 * largest files, and parsing a dozen past versions of each took seconds of a first scan. Content
 * parsed once is cached, so each later scan measures more points until the trends are whole.
 */
const trendOptions = { hotspots: 10, points: 12, parseBudgetBytes: 1024 * 1024 };

export interface HotspotTrends {
  /** By path, oldest first. */
  points: Map<string, TrendPoint[]>;
  /** Points left for later scans by the parse budget. */
  pending: number;
}

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
 * seen before, as much as the budget allows. Oldest first.
 */
export async function hotspotTrends({ db, root, commits, followed, hotspots, parseWorkerUrl, signal }: TrendOptions): Promise<HotspotTrends> {
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
  // Coarse trends for every hotspot first (newest, oldest, middle, …), then finer ones, as the budget allows.
  const samples = [...changes]
    .flatMap(([path, list]) => {
      const spaced = evenlySpaced(list, trendOptions.points);
      return coarseFirst(spaced.length).map((position, priority) => ({ path, position, priority, ...spaced[position]! }));
    })
    .sort((a, b) => a.priority - b.priority);
  const blobs = await blobIds(root, samples.map((sample) => `${sample.commit.sha}:${sample.pathThen}`), signal);
  const files: TreeFile[] = [];
  samples.forEach((sample, index) => {
    const blob = blobs[index];
    // A unique name per sample keeps the extension (which decides how the file is parsed).
    if (blob) files.push({ path: `${index}/${sample.pathThen}`, blobSha: blob.sha, size: blob.size });
  });
  const { facts, deferred } = await readCodeFacts({ db, root, files, engineVersion: factsEngineVersion, parseWorkerUrl, signal, progress: () => {}, parseBudgetBytes: trendOptions.parseBudgetBytes });
  const measures = new Map(top.map((hotspot) => [hotspot.path, hotspot.measure]));
  const trends = new Map<string, (TrendPoint & { position: number })[]>();
  samples.forEach((sample, index) => {
    const fileFacts = facts.get(`${index}/${sample.pathThen}`);
    if (!fileFacts) return;
    const complexity =
      measures.get(sample.path) === 'lines' ? fileFacts.codeLines : summarizeComplexity([{ path: sample.pathThen, facts: fileFacts }], defaultThresholds).files[0]!.cognitiveSum;
    const points = trends.get(sample.path) ?? [];
    points.push({ position: sample.position, commit: sample.commit.sha, date: sample.commit.authorDate, complexity });
    trends.set(sample.path, points);
  });
  return {
    points: new Map([...trends].map(([path, points]) => [path, points.sort((a, b) => b.position - a.position).map(({ position: _position, ...point }) => point)])),
    pending: deferred.length,
  };
}

/** Positions 0…count-1 in the order that refines a curve fastest: both ends, then the middle, then the middles of the halves, and so on. */
function coarseFirst(count: number): number[] {
  if (count <= 2) return Array.from({ length: count }, (_, index) => index);
  const order = [0, count - 1];
  let spans: [number, number][] = [[0, count - 1]];
  while (spans.length > 0) {
    const next: [number, number][] = [];
    for (const [low, high] of spans) {
      if (high - low < 2) continue;
      const middle = Math.floor((low + high) / 2);
      order.push(middle);
      next.push([low, middle], [middle, high]);
    }
    spans = next;
  }
  return order;
}

/** Up to `count` entries of a newest-first list: always the newest, then evenly spaced back to the oldest. */
function evenlySpaced<T>(list: readonly T[], count: number): T[] {
  if (list.length <= count) return [...list];
  const step = (list.length - 1) / (count - 1);
  return Array.from({ length: count }, (_, index) => list[Math.round(index * step)]!);
}

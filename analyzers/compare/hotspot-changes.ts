/** What the comparison reads of a hotspot. */
interface ComparedHotspot {
  path: string;
  /** 1 for the hottest file. */
  rank: number;
  /** Revisions × complexity. */
  score: number;
}

interface HotspotChange {
  path: string;
  /** Null where the file was not among the top hotspots. */
  rankBefore: number | null;
  rankAfter: number | null;
  scoreBefore: number | null;
  scoreAfter: number | null;
}

interface HotspotChanges {
  /** The later snapshot's top hotspots, hottest first, each with where it stood before. */
  top: HotspotChange[];
  /** Files among the earlier snapshot's top hotspots and no longer among the later one's (with their later rank, if any). */
  cooled: HotspotChange[];
}

/** How the top `limit` hotspots of two snapshots differ: each file's rank and score before and after (wherever it ranked). */
export function hotspotChanges(from: readonly ComparedHotspot[], to: readonly ComparedHotspot[], limit: number): HotspotChanges {
  const top = (list: readonly ComparedHotspot[]): ComparedHotspot[] => [...list].sort((a, b) => a.rank - b.rank).slice(0, limit);
  const before = new Map(from.map((entry) => [entry.path, entry]));
  const after = new Map(to.map((entry) => [entry.path, entry]));
  const change = (path: string): HotspotChange => {
    const earlier = before.get(path);
    const later = after.get(path);
    return { path, rankBefore: earlier?.rank ?? null, rankAfter: later?.rank ?? null, scoreBefore: earlier?.score ?? null, scoreAfter: later?.score ?? null };
  };
  const topAfter = top(to);
  const stillTop = new Set(topAfter.map((entry) => entry.path));
  return {
    top: topAfter.map((entry) => change(entry.path)),
    cooled: top(from)
      .filter((entry) => !stillTop.has(entry.path))
      .map((entry) => change(entry.path)),
  };
}

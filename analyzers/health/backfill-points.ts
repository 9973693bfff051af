/** A commit of the first-parent line, newest first, with its committer date (ms). */
interface LineCommit {
  readonly sha: string;
  readonly at: number;
}

interface BackfillPoint {
  readonly sha: string;
  readonly at: number;
  /** The period's end: the point is the last commit of the line made by then. */
  readonly periodEnd: number;
}

interface BackfillPlan {
  /** Newest first: the nearest past (a week ago) is the most wanted if the run stops early. */
  readonly points: BackfillPoint[];
  /** Periods in which the line has no commit of its own (the commit before them already stands for them). */
  readonly emptyPeriods: { from: number; to: number }[];
  /** Fewer points than asked, because the history visible begins after the earliest period. */
  readonly historyBeginsAt: number | null;
}

/**
 * The past commits a backfill analyses: for each of `count` periods of `everyMs` back from the head
 * commit's date, the last commit of the first-parent line made by the period's end. A period in
 * which the line did not move adds no point (it would repeat the one before); a history that begins
 * (or, in a shallow clone, is cut) after the earliest period gives fewer points, and says where it begins.
 */
export function pickBackfillPoints(line: readonly LineCommit[], { everyMs, count }: { everyMs: number; count: number }): BackfillPlan {
  const [head, ...past] = line;
  if (!head) return { points: [], emptyPeriods: [], historyBeginsAt: null };
  const points: BackfillPoint[] = [];
  const emptyPeriods: BackfillPlan['emptyPeriods'] = [];
  let index = 0;
  let historyBeginsAt: number | null = null;
  for (let period = 1; period <= count; period++) {
    const periodEnd = head.at - period * everyMs;
    // The line's dates are not always monotonic (a rebased commit keeps its committer date): take the first at or before the end.
    while (index < past.length && past[index]!.at > periodEnd) index++;
    const commit = past[index];
    if (!commit) {
      historyBeginsAt = line.at(-1)!.at;
      break;
    }
    if (points.at(-1)?.sha === commit.sha) emptyPeriods.push({ from: periodEnd, to: periodEnd + everyMs });
    else points.push({ sha: commit.sha, at: commit.at, periodEnd });
  }
  return { points, emptyPeriods, historyBeginsAt };
}

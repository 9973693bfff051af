/** What the comparison reads of one of a snapshot's most complex functions. */
interface ComparedFunction {
  path: string;
  name: string;
  /** Its place among same-named functions of its file; null in reports saved before Steward kept it. */
  ordinal: number | null;
  line: number;
  cognitive: number;
  cyclomatic: number;
}

interface FunctionChange {
  path: string;
  name: string;
  /** Its line in the later snapshot (the earlier one's for a function that left the list). */
  line: number;
  /** Null where the snapshot did not list it. */
  cognitiveBefore: number | null;
  cognitiveAfter: number | null;
  cyclomaticBefore: number | null;
  cyclomaticAfter: number | null;
}

interface FunctionChanges {
  /** Listed in the later snapshot only: new, or grown into the list. */
  appeared: FunctionChange[];
  /** Listed in both, harder to follow (cognitive complexity up). */
  worse: FunctionChange[];
  /** Listed in both, easier to follow. */
  better: FunctionChange[];
  /** Listed in the earlier snapshot only: removed, simplified below the list, or renamed. */
  left: FunctionChange[];
}

/** A function is the same one in both lists when its file, name and place among same-named functions agree (its line may move). */
const identity = (entry: ComparedFunction): string => `${entry.path}\0${entry.name}\0${entry.ordinal ?? 0}`;

const change = (before: ComparedFunction | undefined, after: ComparedFunction | undefined): FunctionChange => {
  const either = (after ?? before)!;
  return {
    path: either.path,
    name: either.name,
    line: either.line,
    cognitiveBefore: before?.cognitive ?? null,
    cognitiveAfter: after?.cognitive ?? null,
    cyclomaticBefore: before?.cyclomatic ?? null,
    cyclomaticAfter: after?.cyclomatic ?? null,
  };
};

const delta = (entry: FunctionChange): number => (entry.cognitiveAfter ?? 0) - (entry.cognitiveBefore ?? 0);

/**
 * How two snapshots' lists of most complex functions differ. The lists hold the functions over a
 * threshold and the top few, so "appeared" and "left" are about the list, not the code as a whole.
 */
export function functionChanges(from: readonly ComparedFunction[], to: readonly ComparedFunction[]): FunctionChanges {
  const before = new Map(from.map((entry) => [identity(entry), entry]));
  const after = new Map(to.map((entry) => [identity(entry), entry]));
  const result: FunctionChanges = { appeared: [], worse: [], better: [], left: [] };
  for (const [key, entry] of after) {
    const earlier = before.get(key);
    if (!earlier) result.appeared.push(change(undefined, entry));
    else if (entry.cognitive > earlier.cognitive) result.worse.push(change(earlier, entry));
    else if (entry.cognitive < earlier.cognitive) result.better.push(change(earlier, entry));
  }
  for (const [key, entry] of before) if (!after.has(key)) result.left.push(change(entry, undefined));
  // The biggest changes first: the most complex newcomers, the steepest rises and falls.
  result.appeared.sort((a, b) => (b.cognitiveAfter ?? 0) - (a.cognitiveAfter ?? 0));
  result.worse.sort((a, b) => delta(b) - delta(a));
  result.better.sort((a, b) => delta(a) - delta(b));
  result.left.sort((a, b) => (b.cognitiveBefore ?? 0) - (a.cognitiveBefore ?? 0));
  return result;
}

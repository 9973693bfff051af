/**
 * Counts complexity for the functions a syntax walk is inside. The walk tells it what it meets;
 * the tracker applies the two definitions:
 *
 * - Cyclomatic, as ESLint's `complexity` rule (classic variant) counts it: 1 + each decision point,
 *   charged to the innermost function only (a nested function has its own count).
 * - Cognitive, as the SonarSource white paper (G. Ann Campbell) defines it: structural increments
 *   cost 1 + the nesting level, hybrid and fundamental ones cost 1, and a nested function raises the
 *   nesting level and counts toward every function around it.
 */
interface Frame {
  /** The name a recursive call would use, if the function has one. */
  readonly recursionName: string | null;
  /** A class field initializer or static block: counted apart, but not a function of its own. */
  readonly implicit: boolean;
  cyclomatic: number;
  cognitive: number;
  /** Cognitive nesting level inside this function (nested functions raise it). */
  nesting: number;
  /** Control-structure depth in this function's own body, and the deepest reached. */
  depth: number;
  maxDepth: number;
}

export class ComplexityTracker {
  private readonly frames: Frame[] = [];

  get inFunction(): boolean {
    return this.frames.some((frame) => !frame.implicit);
  }

  /** Enters a function, or an implicit one (class field initializer, static block) that ESLint counts apart. */
  enterFunction(recursionName: string | null, { implicit = false } = {}): void {
    for (const frame of this.frames) frame.nesting++;
    this.frames.push({ recursionName, implicit, cyclomatic: 1, cognitive: 0, nesting: 0, depth: 0, maxDepth: 0 });
  }

  leaveFunction(): Frame {
    const frame = this.frames.pop();
    if (!frame) throw new Error('leaveFunction without enterFunction');
    for (const outer of this.frames) outer.nesting--;
    return frame;
  }

  /** A decision point for cyclomatic complexity. */
  decision(): void {
    const frame = this.frames.at(-1);
    if (frame) frame.cyclomatic++;
  }

  /** if, ternary, switch, loops, catch: 1 + nesting. */
  structural(): void {
    for (const frame of this.frames) frame.cognitive += 1 + frame.nesting;
  }

  /** else, else if, runs of logical operators, labelled jumps, recursion: 1, whatever the nesting. */
  flat(): void {
    for (const frame of this.frames) frame.cognitive += 1;
  }

  /**
   * A call to `name`: recursion when a function being walked has that name. It counts for that
   * function (and those around it), not for a callback inside it that merely makes the call.
   */
  call(name: string): void {
    const index = this.frames.findLastIndex((frame) => frame.recursionName === name);
    for (let outer = 0; outer <= index; outer++) this.frames[outer]!.cognitive += 1;
  }

  /** Walks `body` one nesting level deeper. */
  nested(body: () => void): void {
    const innermost = this.frames.at(-1);
    for (const frame of this.frames) frame.nesting++;
    if (innermost) innermost.maxDepth = Math.max(innermost.maxDepth, ++innermost.depth);
    body();
    if (innermost) innermost.depth--;
    for (const frame of this.frames) frame.nesting--;
  }
}

/** Logical operators whose runs count once each for cognitive complexity. */
export type LogicalOperator = '&&' | '||' | '??';

/** Number of runs of like operators in a flattened sequence: `a && b || c` has two. */
export function logicalRuns(operators: readonly LogicalOperator[]): number {
  let runs = 0;
  for (let index = 0; index < operators.length; index++) {
    if (index === 0 || operators[index] !== operators[index - 1]) runs++;
  }
  return runs;
}

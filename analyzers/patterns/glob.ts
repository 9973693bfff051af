/**
 * Globs from a repository's own configuration (steward.config.json, knip, test runners, workspaces)
 * are untrusted input: a glob matcher that compiles to a backtracking regular expression (picomatch,
 * minimatch: their authors say so) can be driven to run for minutes, or to exhaust the regular
 * expression compiler, by a crafted pattern. This one never builds a regular expression: braces are
 * expanded into alternatives, each split into path segments; runs of names between `**` are placed
 * leftmost, and each name is matched by simulating its pattern's automaton (Thompson's construction,
 * as RE2 does), which never backtracks. Work per match is bounded by the pattern's length times the
 * path's. Patterns past the limits below are refused with a reason.
 *
 * Syntax (as picomatch reads it, posix paths): `*` and `?` within a segment, `**` as a whole segment
 * for any number of segments, `[abc]`, `[a-z]`, `[!a]`/`[^a]` and `[[:alpha:]]`-style classes,
 * `{a,b}` with nesting, `{1..5}` and `{a..e}` ranges, the extglobs `@(a|b)`, `?(…)`, `*(…)` and
 * `+(…)` within a name, `\` escapes, a leading `!` to negate, a leading `./` ignored. `!(…)` (negation
 * inside a name, which no automaton of this size can express) is refused.
 */

/** Characters in a pattern, and in all its alternatives together. */
const maxPatternLength = 1024;
const maxExpandedLength = 8192;
/** Alternatives one pattern may expand to. */
const maxAlternatives = 256;
/** Nesting of braces. */
const maxBraceDepth = 10;

export type GlobMatcher = (path: string) => boolean;

interface GlobOptions {
  /** Let wildcards match names that start with a dot (picomatch's `dot`). */
  dot?: boolean;
}

/** A pattern that cannot be matched safely or at all, with the reason. */
export class GlobError extends Error {
  constructor(
    readonly pattern: string,
    reason: string,
  ) {
    super(`the glob "${pattern.length > 80 ? `${pattern.slice(0, 80)}…` : pattern}" ${reason}`);
    this.name = 'GlobError';
  }
}

/** A matcher for one pattern or any of several (a path matching any pattern matches). Throws GlobError. */
export function compileGlob(patterns: string | readonly string[], options: GlobOptions = {}): GlobMatcher {
  const list = typeof patterns === 'string' ? [patterns] : patterns;
  const matchers = list.map((pattern) => compileOne(pattern, options.dot ?? false));
  return (path) => matchers.some((matches) => matches(path));
}

/** Glob syntax: wildcards, classes, braces and extglobs (unescaped). */
const globSyntax = /(^|[^\\])([*?[{]|[@!+]\()/;

/** Whether a path-like string has glob syntax in it (rather than naming one file). */
export function isGlob(pattern: string): boolean {
  return globSyntax.test(pattern);
}

/** The leading folders of a glob that hold no glob syntax: every match lies below it ('' for none). */
export function globBase(pattern: string): string {
  const segments = stripDotSlash(pattern).split('/');
  const firstGlob = segments.findIndex((segment) => isGlob(segment) || segment.startsWith('!'));
  return segments.slice(0, firstGlob < 0 ? segments.length - 1 : firstGlob).join('/');
}

function compileOne(pattern: string, dot: boolean): GlobMatcher {
  if (pattern === '') throw new GlobError(pattern, 'is empty');
  if (pattern.length > maxPatternLength) throw new GlobError(pattern, `is longer than ${maxPatternLength} characters`);
  let body = pattern;
  let negated = false;
  while (body.startsWith('!') && !body.startsWith('!(')) {
    negated = !negated;
    body = body.slice(1);
  }
  const alternatives = expand(stripDotSlash(body), pattern);
  if (alternatives.reduce((sum, alternative) => sum + alternative.length, 0) > maxExpandedLength) {
    throw new GlobError(pattern, `expands to more than ${maxExpandedLength} characters`);
  }
  const compiled = alternatives.map((alternative) => alternative.split('/').map((segment) => parseSegment(segment, pattern)));
  return (path) => compiled.some((segments) => matchSegments(segments, path.split('/'), dot)) !== negated;
}

function stripDotSlash(pattern: string): string {
  return pattern.replace(/^(\.\/)+/, '');
}

// ---------------------------------------------------------------------------------------------
// Alternatives: braces (extglobs stay whole, for the name automaton).

/** The pattern with every `{…}` expanded: globs without braces. */
function expand(pattern: string, original: string): string[] {
  let results = [''];
  let index = 0;
  const add = (options: readonly string[]): void => {
    const next: string[] = [];
    for (const prefix of results) for (const option of options) next.push(prefix + option);
    if (next.length > maxAlternatives) throw new GlobError(original, `expands to more than ${maxAlternatives} alternatives`);
    results = next;
  };
  while (index < pattern.length) {
    const character = pattern[index]!;
    if (character === '\\') {
      add([pattern.slice(index, index + 2)]);
      index += 2;
      continue;
    }
    if (character === '[') {
      const end = classEnd(pattern, index);
      if (end > 0) {
        add([pattern.slice(index, end + 1)]);
        index = end + 1;
        continue;
      }
    }
    if (/^[@?*+!]\(/.test(pattern.slice(index, index + 2))) {
      const close = groupEnd(pattern, index + 1, original);
      if (close > 0) {
        if (character === '!') throw new GlobError(original, 'uses !(…), which Steward does not match (negation inside a name)');
        if (pattern.slice(index, close).includes('/')) throw new GlobError(original, 'has a / inside an extglob');
        // Matched within its name by the automaton (see parseName).
        add([pattern.slice(index, close + 1)]);
        index = close + 1;
        continue;
      }
    }
    if (character === '{') {
      const close = groupEnd(pattern, index, original);
      if (close > 0) {
        add(braceOptions(pattern.slice(index + 1, close), original).flatMap((option) => expand(option, original)));
        index = close + 1;
        continue;
      }
    }
    add([character]);
    index++;
  }
  return results;
}

/** The index of the bracket closing `[` at `open` (a class), or -1 when it is a plain `[`. */
function classEnd(pattern: string, open: number): number {
  let index = open + 1;
  if (pattern[index] === '!' || pattern[index] === '^') index++;
  if (pattern[index] === ']') index++;
  for (; index < pattern.length; index++) {
    if (pattern[index] === '\\') index++;
    else if (pattern.startsWith('[:', index)) {
      const close = pattern.indexOf(':]', index + 2);
      if (close > 0) index = close + 1;
    } else if (pattern[index] === ']') return index;
  }
  return -1;
}

/** The index closing the group opened at `open` (`{` or `(`), or -1 when it is not closed. */
function groupEnd(pattern: string, open: number, original: string): number {
  const opener = pattern[open]!;
  const closer = opener === '{' ? '}' : ')';
  let depth = 0;
  for (let index = open; index < pattern.length; index++) {
    const character = pattern[index];
    if (character === '\\') index++;
    else if (character === opener) {
      if (++depth > maxBraceDepth) throw new GlobError(original, `nests groups more than ${maxBraceDepth} deep`);
    } else if (character === closer && --depth === 0) return index;
  }
  return -1;
}

/** `a,b,c`, or a range `1..5` / `a..e` (with an optional step, `1..9..2`), as bash and picomatch read them. */
function braceOptions(inner: string, original: string): string[] {
  const range = /^(-?\d+|[a-zA-Z])\.\.(-?\d+|[a-zA-Z])(?:\.\.(-?\d+))?$/.exec(inner);
  if (range) {
    const [, from, to, stepText] = range as unknown as [string, string, string, string | undefined];
    const numeric = /\d/.test(from);
    const start = numeric ? Number(from) : from.charCodeAt(0);
    const end = numeric ? Number(to) : to.charCodeAt(0);
    const step = Math.max(1, Math.abs(Number(stepText ?? 1)));
    if (Math.abs(end - start) / step >= maxAlternatives) throw new GlobError(original, `has a range of more than ${maxAlternatives} values`);
    const values: string[] = [];
    for (let value = start; start <= end ? value <= end : value >= end; value += start <= end ? step : -step) {
      values.push(numeric ? String(value) : String.fromCharCode(value));
    }
    return values;
  }
  const options = splitTopLevel(inner, ',');
  // `{a}` (no comma) is literal in bash and picomatch.
  return options.length > 1 ? options : [`{${inner}}`];
}

/** Splits at `separator` where it is not inside a nested group or escaped. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === '\\') index++;
    else if (character === '{' || character === '(') depth++;
    else if (character === '}' || character === ')') depth--;
    else if (character === separator && depth === 0) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

// ---------------------------------------------------------------------------------------------
// Segments: `**`, or a name pattern, compiled to a small automaton.

/** A state of a name automaton: consume one character that passes `test`, or move on without consuming. */
type State = { kind: 'test'; test: (character: string) => boolean; next: number } | { kind: 'split'; next: number[] } | { kind: 'match' };

interface NamePattern {
  states: State[];
  start: number;
  /** The pattern begins with a literal dot (the only way to match a dotted name without `dot`). */
  leadingDot: boolean;
  /** The pattern can match only the empty name (no name is empty but a trailing slash's). */
  empty: boolean;
}

type Segment = { kind: 'globstar' } | { kind: 'name'; pattern: NamePattern };

function parseSegment(segment: string, original: string): Segment {
  if (segment === '**') return { kind: 'globstar' };
  return { kind: 'name', pattern: parseName(segment, original) };
}

/**
 * Thompson's construction: each piece of the name pattern becomes a fragment with one entry state
 * and a list of exits to connect to what follows.
 */
function parseName(segment: string, original: string): NamePattern {
  const states: State[] = [];
  const add = (state: State): number => states.push(state) - 1;
  type Fragment = { start: number; exits: ((target: number) => void)[] };
  const testing = (test: (character: string) => boolean): Fragment => {
    const state = add({ kind: 'test', test, next: -1 });
    return { start: state, exits: [(target) => void ((states[state] as { next: number }).next = target)] };
  };
  const join = (fragments: Fragment[]): Fragment => {
    if (fragments.length === 0) {
      const state = add({ kind: 'split', next: [] });
      return { start: state, exits: [(target) => void (states[state] as { next: number[] }).next.push(target)] };
    }
    for (let index = 1; index < fragments.length; index++) for (const exit of fragments[index - 1]!.exits) exit(fragments[index]!.start);
    return { start: fragments[0]!.start, exits: fragments.at(-1)!.exits };
  };
  /** `quantifier` applied to the alternatives: '@' once, '?' at most once, '*' any number of times, '+' at least once. */
  const group = (alternatives: Fragment[], quantifier: string): Fragment => {
    const choice = add({ kind: 'split', next: alternatives.map((alternative) => alternative.start) });
    const exits = alternatives.flatMap((alternative) => alternative.exits);
    if (quantifier === '@') return { start: choice, exits };
    // A split that either enters the alternatives or leaves; where it leaves to is patched later.
    const fork = add({ kind: 'split', next: [choice] });
    const leave = (target: number): void => void (states[fork] as { next: number[] }).next.push(target);
    if (quantifier === '?') return { start: fork, exits: [...exits, leave] };
    for (const exit of exits) exit(fork);
    return { start: quantifier === '+' ? choice : fork, exits: [leave] };
  };
  const any = (character: string): boolean => character !== '/';

  /** Parses text[from…to) into one fragment; `|` splits alternatives only inside a group. */
  const sequence = (from: number, to: number): Fragment => {
    const pieces: Fragment[] = [];
    for (let index = from; index < to; index++) {
      const character = segment[index]!;
      if (/^[@?*+]\(/.test(segment.slice(index, index + 2))) {
        const close = groupEnd(segment, index + 1, original);
        if (close > 0 && close < to) {
          const inner = segment.slice(index + 2, close);
          let offset = index + 2;
          const alternatives = splitTopLevel(inner, '|').map((alternative) => {
            const fragment = sequence(offset, offset + alternative.length);
            offset += alternative.length + 1;
            return fragment;
          });
          pieces.push(group(alternatives, character));
          index = close;
          continue;
        }
      }
      if (character === '\\' && index + 1 < to) {
        const escaped = segment[++index]!;
        pieces.push(testing((candidate) => candidate === escaped));
      } else if (character === '*') pieces.push(group([testing(any)], '*'));
      else if (character === '?') pieces.push(testing(any));
      else if (character === '[' && classEnd(segment, index) > 0 && classEnd(segment, index) < to) {
        const end = classEnd(segment, index);
        pieces.push(testing(characterClass(segment.slice(index + 1, end), original)));
        index = end;
      } else pieces.push(testing((candidate) => candidate === character));
    }
    return join(pieces);
  };

  const whole = sequence(0, segment.length);
  const match = add({ kind: 'match' });
  for (const exit of whole.exits) exit(match);
  return { states, start: whole.start, leadingDot: segment.startsWith('.') || segment.startsWith('\\.'), empty: segment === '' };
}

const posixClasses: Record<string, (character: string) => boolean> = {
  alpha: (c) => /[a-zA-Z]/.test(c),
  digit: (c) => /[0-9]/.test(c),
  alnum: (c) => /[a-zA-Z0-9]/.test(c),
  upper: (c) => /[A-Z]/.test(c),
  lower: (c) => /[a-z]/.test(c),
  space: (c) => /\s/.test(c),
  xdigit: (c) => /[0-9a-fA-F]/.test(c),
  word: (c) => /\w/.test(c),
  punct: (c) => /[!-/:-@[-`{-~]/.test(c),
};

/** The test of one bracket class's body (`a-z`, `!abc`, `[:alpha:]`). */
function characterClass(body: string, original: string): (character: string) => boolean {
  const negated = body.startsWith('!') || body.startsWith('^');
  const tests: ((character: string) => boolean)[] = [];
  const text = negated ? body.slice(1) : body;
  for (let index = 0; index < text.length; index++) {
    if (text.startsWith('[:', index)) {
      const close = text.indexOf(':]', index + 2);
      const named = posixClasses[text.slice(index + 2, close)];
      if (close < 0 || !named) throw new GlobError(original, `uses an unknown character class ${text.slice(index, close + 2)}`);
      tests.push(named);
      index = close + 1;
      continue;
    }
    let from = text[index]!;
    if (from === '\\' && index + 1 < text.length) from = text[++index]!;
    if (text[index + 1] === '-' && index + 2 < text.length) {
      let to = text[index + 2]!;
      index += 2;
      if (to === '\\' && index + 1 < text.length) to = text[++index]!;
      const low = from;
      tests.push((character) => character >= low && character <= to);
    } else tests.push((character) => character === from);
  }
  return negated ? (character) => character !== '/' && !tests.some((test) => test(character)) : (character) => tests.some((test) => test(character));
}

/**
 * Path segments against pattern segments. `**` takes any run of segments (none with a leading dot
 * unless `dot`): runs of name patterns between globstars are placed leftmost, which is always right
 * and never needs to take a placement back.
 */
function matchSegments(pattern: readonly Segment[], path: readonly string[], dot: boolean): boolean {
  const runs: Segment[][] = [[]];
  for (const segment of pattern) {
    if (segment.kind === 'globstar') runs.push([]);
    else runs.at(-1)!.push(segment);
  }
  const names = (run: readonly Segment[]): readonly Extract<Segment, { kind: 'name' }>[] => run as Extract<Segment, { kind: 'name' }>[];
  const first = names(runs[0]!);
  if (runs.length === 1) return first.length === path.length && first.every((segment, index) => matchName(segment.pattern, path[index]!, dot));
  if (first.length > path.length || !first.every((segment, index) => matchName(segment.pattern, path[index]!, dot))) return false;
  const last = names(runs.at(-1)!);
  const tailStart = path.length - last.length;
  if (tailStart < first.length || !last.every((segment, index) => matchName(segment.pattern, path[tailStart + index]!, dot))) return false;
  let position = first.length;
  for (const run of runs.slice(1, -1).map(names)) {
    let placed = -1;
    for (let start = position; start + run.length <= tailStart; start++) {
      if (run.every((segment, index) => matchName(segment.pattern, path[start + index]!, dot))) {
        placed = start;
        break;
      }
    }
    if (placed < 0 || !skippable(path, position, placed, dot)) return false;
    position = placed + run.length;
  }
  return skippable(path, position, tailStart, dot);
}

/** Whether `**` may take path[from…to): without `dot`, no segment it takes may start with a dot. */
function skippable(path: readonly string[], from: number, to: number, dot: boolean): boolean {
  if (dot) return true;
  for (let index = from; index < to; index++) if (path[index]!.startsWith('.')) return false;
  return true;
}

/** One name against its automaton: the set of states it can be in, one character at a time (no backtracking). */
function matchName(pattern: NamePattern, name: string, dot: boolean): boolean {
  if (!dot && name.startsWith('.') && !pattern.leadingDot) return false;
  if (name === '') return pattern.empty;
  const { states } = pattern;
  let current = new Set<number>();
  const enter = (set: Set<number>, state: number): void => {
    if (set.has(state)) return;
    set.add(state);
    const node = states[state]!;
    if (node.kind === 'split') for (const next of node.next) enter(set, next);
  };
  enter(current, pattern.start);
  for (const character of name) {
    const next = new Set<number>();
    for (const state of current) {
      const node = states[state]!;
      if (node.kind === 'test' && node.test(character)) enter(next, node.next);
    }
    if (next.size === 0) return false;
    current = next;
  }
  for (const state of current) if (states[state]!.kind === 'match') return true;
  return false;
}

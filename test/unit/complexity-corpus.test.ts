import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../analyzers/facts/extract-facts.js';
import type { FunctionKind } from '../../analyzers/facts/file-facts.js';

/**
 * Worked examples, one per rule, for the two complexity measures the code engine reports.
 *
 * - cyclomatic: ESLint 9's `complexity` rule, classic variant: 1 + if, ?:, each &&/||/?? node, each
 *   loop, catch, each `case` with a test, &&= ||= ??=, default values, optional `?.` links. A nested
 *   function has its own count and adds nothing to its parent.
 * - cognitive: the SonarSource white paper (G. Ann Campbell, "Cognitive Complexity", v1.7): structural
 *   +1 + nesting for if, ?:, switch, loops and catch; hybrid +1 for else and else if; +1 per run of like
 *   logical operators; +1 per labelled break/continue; +1 per direct recursive call. Nesting rises in
 *   the bodies of those structures and inside nested functions, whose increments also count toward
 *   the enclosing function.
 *
 * Every expected value below was worked out by hand from those definitions; the arithmetic is in the
 * comments. `name` is the function checked, as Steward names it (`Class.method`, `xs.map() callback`).
 */
interface Example {
  rule: string;
  code: string;
  name: string;
  /** Needed only where two functions share a name (a getter and its setter). */
  kind?: FunctionKind;
  cyclomatic: number;
  cognitive: number;
}

const loops: Example[] = [
  {
    rule: 'for loop: structural +1',
    name: 'countUp',
    code: `
function countUp(n: number) {
  let total = 0;
  for (let i = 0; i < n; i++) total += i; // cyc +1, cog +1
  return total;
}`,
    cyclomatic: 2,
    cognitive: 1,
  },
  {
    rule: 'for...in loop: structural +1',
    name: 'keysOf',
    code: `
function keysOf(o: Record<string, number>) {
  const out: string[] = [];
  for (const k in o) out.push(k); // cyc +1, cog +1
  return out;
}`,
    cyclomatic: 2,
    cognitive: 1,
  },
  {
    rule: 'for...of loop: structural +1',
    name: 'sum',
    code: `
function sum(xs: number[]) {
  let total = 0;
  for (const x of xs) total += x; // cyc +1, cog +1
  return total;
}`,
    cyclomatic: 2,
    cognitive: 1,
  },
  {
    rule: 'while loop: structural +1',
    name: 'halve',
    code: `
function halve(n: number) {
  let steps = 0;
  while (n > 1) { // cyc +1, cog +1
    n = n / 2;
    steps++;
  }
  return steps;
}`,
    cyclomatic: 2,
    cognitive: 1,
  },
  {
    rule: 'do...while loop: structural +1',
    name: 'drain',
    code: `
function drain(queue: number[]) {
  let last = 0;
  do { // cyc +1, cog +1
    last = queue.pop() as number;
  } while (queue.length > 0);
  return last;
}`,
    cyclomatic: 2,
    cognitive: 1,
  },
  {
    rule: 'nested loops: each loop pays 1 + its nesting level',
    name: 'grid',
    code: `
function grid(rows: number[][]) {
  let n = 0;
  while (n < 10) {                           // cyc +1, cog +1 (nesting 0)
    for (const row of rows) {                // cyc +1, cog +2 (nesting 1)
      for (let i = 0; i < row.length; i++) { // cyc +1, cog +3 (nesting 2)
        n += row[i] ?? 0;                    // cyc +1, cog +1 (a ?? run: no nesting surcharge)
      }
    }
  }
  return n;
}`,
    // cyclomatic 1 + 4 = 5; cognitive 1 + 2 + 3 + 1 = 7
    cyclomatic: 5,
    cognitive: 7,
  },
  {
    rule: 'do...while body is nested',
    name: 'skipBlanks',
    code: `
function skipBlanks(lines: string[]) {
  let i = 0;
  do {                                  // cyc +1, cog +1
    if (lines[i] !== '') return i;      // cyc +1, cog +2 (nesting 1)
    i++;
  } while (i < lines.length);
  return -1;
}`,
    // cyclomatic 1 + 2 = 3; cognitive 1 + 2 = 3
    cyclomatic: 3,
    cognitive: 3,
  },
];

const conditionals: Example[] = [
  {
    rule: 'if: structural +1',
    name: 'abs',
    code: `
function abs(x: number) {
  if (x < 0) return -x; // cyc +1, cog +1
  return x;
}`,
    cyclomatic: 2,
    cognitive: 1,
  },
  {
    rule: 'if/else: else is a hybrid +1 for cognitive and no decision for cyclomatic',
    name: 'parity',
    code: `
function parity(n: number) {
  if (n % 2 === 0) { // cyc +1, cog +1
    return 'even';
  } else {           // cog +1
    return 'odd';
  }
}`,
    cyclomatic: 2,
    cognitive: 2,
  },
  {
    rule: 'else-if chain: +1 per else if and for the final else',
    name: 'sizeName',
    code: `
function sizeName(n: number) {
  if (n < 10) {          // cyc +1, cog +1
    return 'small';
  } else if (n < 100) {  // cyc +1, cog +1
    return 'medium';
  } else if (n < 1000) { // cyc +1, cog +1
    return 'large';
  } else {               // cog +1
    return 'huge';
  }
}`,
    // cyclomatic 1 + 3 = 4; cognitive 1 + 1 + 1 + 1 = 4
    cyclomatic: 4,
    cognitive: 4,
  },
  {
    rule: 'else if / else inside a loop: hybrid increments pay no nesting surcharge',
    name: 'classify',
    code: `
function classify(xs: number[]) {
  const out: string[] = [];
  for (const x of xs) {                  // cyc +1, cog +1
    if (x < 0) out.push('neg');          // cyc +1, cog +2 (nesting 1)
    else if (x === 0) out.push('zero');  // cyc +1, cog +1
    else out.push('pos');                // cog +1
  }
  return out;
}`,
    // cyclomatic 1 + 3 = 4; cognitive 1 + 2 + 1 + 1 = 5
    cyclomatic: 4,
    cognitive: 5,
  },
  {
    rule: 'an if inside a plain else block is nested (it is not an else if)',
    name: 'elseBlock',
    code: `
function elseBlock(a: boolean, b: boolean) {
  if (a) {     // cyc +1, cog +1
    return 1;
  } else {     // cog +1
    if (b) {   // cyc +1, cog +2 (nesting 1)
      return 2;
    }
  }
  return 3;
}`,
    // cyclomatic 1 + 2 = 3; cognitive 1 + 1 + 2 = 4
    cyclomatic: 3,
    cognitive: 4,
  },
  {
    rule: 'an if inside an else-if body is nested one level',
    name: 'deep',
    code: `
function deep(a: boolean, b: boolean, c: boolean) {
  if (a) {           // cyc +1, cog +1
    return 1;
  } else if (b) {    // cyc +1, cog +1
    if (c) return 2; // cyc +1, cog +2 (nesting 1)
  }
  return 3;
}`,
    // cyclomatic 1 + 3 = 4; cognitive 1 + 1 + 2 = 4
    cyclomatic: 4,
    cognitive: 4,
  },
  {
    rule: 'ternary: structural +1',
    name: 'sign',
    code: `
const sign = (x: number) => (x < 0 ? -1 : 1); // cyc +1, cog +1
`,
    cyclomatic: 2,
    cognitive: 1,
  },
  {
    rule: 'nested ternary: the inner ?: pays the nesting level',
    name: 'grade',
    code: `
function grade(score: number) {
  return score > 90 ? 'A'   // cyc +1, cog +1 (nesting 0)
    : score > 80 ? 'B'      // cyc +1, cog +2 (nesting 1, inside the outer ?:)
    : 'C';
}`,
    // cyclomatic 1 + 2 = 3; cognitive 1 + 2 = 3
    cyclomatic: 3,
    cognitive: 3,
  },
  {
    rule: 'a ternary in an if condition is not nested',
    name: 'pick',
    code: `
function pick(a: boolean, b: number, c: number) {
  if ((a ? b : c) > 0) return 1; // if: cyc +1, cog +1; ?: in the condition: cyc +1, cog +1 (nesting 0)
  return 0;
}`,
    // cyclomatic 1 + 2 = 3; cognitive 1 + 1 = 2
    cyclomatic: 3,
    cognitive: 2,
  },
  {
    rule: 'a ternary in an if body is nested',
    name: 'label',
    code: `
function label(ok: boolean, n: number) {
  if (ok) {                        // cyc +1, cog +1
    return n > 1 ? 'many' : 'one'; // cyc +1, cog +2 (nesting 1)
  }
  return 'none';
}`,
    // cyclomatic 1 + 2 = 3; cognitive 1 + 2 = 3
    cyclomatic: 3,
    cognitive: 3,
  },
];

const switches: Example[] = [
  {
    rule: 'white paper getWords: a switch is one structural +1 whatever its cases; cyclomatic counts each case with a test',
    name: 'getWords',
    code: `
function getWords(number: number): string {
  switch (number) {     // cog +1
    case 1:             // cyc +1
      return 'one';
    case 2:             // cyc +1
      return 'a couple';
    case 3:             // cyc +1
      return 'a few';
    default:            // nothing
      return 'lots';
  }
}`,
    // cyclomatic 1 + 3 = 4; cognitive 1 (the white paper's value)
    cyclomatic: 4,
    cognitive: 1,
  },
  {
    rule: 'switch nested in a loop, with an if in a case: the cases are nested inside the switch',
    name: 'tally',
    code: `
function tally(events: string[]) {
  let n = 0;
  for (const e of events) {   // cyc +1, cog +1 (nesting 0)
    switch (e) {              // cog +2 (nesting 1)
      case 'a':               // cyc +1
      case 'b':               // cyc +1
        n++;
        break;                // unlabelled: free
      case 'c':               // cyc +1
        if (n > 0) n--;       // cyc +1, cog +3 (nesting 2)
        break;
      default:
        n = 0;
    }
  }
  return n;
}`,
    // cyclomatic 1 + 1 + 3 + 1 = 6; cognitive 1 + 2 + 3 = 6
    cyclomatic: 6,
    cognitive: 6,
  },
  {
    rule: 'switch with only a default: cognitive +1, no cyclomatic decision',
    name: 'only',
    code: `
function only(x: number) {
  switch (x) {   // cog +1
    default:
      return x;
  }
}`,
    cyclomatic: 1,
    cognitive: 1,
  },
];

const exceptions: Example[] = [
  {
    rule: 'catch: structural +1',
    name: 'parse',
    code: `
function parse(text: string) {
  try {
    return JSON.parse(text);
  } catch { // cyc +1, cog +1
    return null;
  }
}`,
    cyclomatic: 2,
    cognitive: 1,
  },
  {
    rule: 'try/finally is free',
    name: 'withLock',
    code: `
function withLock(lock: { release(): void }, work: () => void) {
  try {
    work();
  } finally {
    lock.release();
  }
}`,
    cyclomatic: 1,
    cognitive: 0,
  },
  {
    rule: 'try and finally do not nest; catch does',
    name: 'load',
    code: `
function load(read: () => string) {
  try {
    if (read() === '') return null;                   // cyc +1, cog +1 (nesting 0: try does not nest)
  } catch (error) {                                   // cyc +1, cog +1
    if (error instanceof TypeError) return undefined; // cyc +1, cog +2 (nesting 1)
  } finally {
    if (read()) read();                               // cyc +1, cog +1 (finally does not nest)
  }
  return 1;
}`,
    // cyclomatic 1 + 4 = 5; cognitive 1 + 1 + 2 + 1 = 5
    cyclomatic: 5,
    cognitive: 5,
  },
  {
    rule: 'a catch inside a catch pays the nesting level',
    name: 'retry',
    code: `
function retry(work: () => void) {
  try {
    work();
  } catch {       // cyc +1, cog +1
    try {
      work();
    } catch {     // cyc +1, cog +2 (nesting 1)
      return false;
    }
  }
  return true;
}`,
    // cyclomatic 1 + 2 = 3; cognitive 1 + 2 = 3
    cyclomatic: 3,
    cognitive: 3,
  },
];

const logical: Example[] = [
  {
    rule: 'a run of one operator: cognitive +1 for the run, cyclomatic +1 per operator',
    name: 'all3',
    code: `
function all3(a: boolean, b: boolean, c: boolean) {
  return a && b && c; // cyc +2, cog +1
}`,
    cyclomatic: 3,
    cognitive: 1,
  },
  {
    rule: 'a && b || c: two runs',
    name: 'either',
    code: `
function either(a: boolean, b: boolean, c: boolean) {
  return a && b || c; // cyc +2; cog: && run +1, || run +1
}`,
    cyclomatic: 3,
    cognitive: 2,
  },
  {
    rule: 'runs are counted in source order: a || b && c || d is three runs',
    name: 'alternating',
    code: `
function alternating(a: boolean, b: boolean, c: boolean, d: boolean) {
  return a || b && c || d; // operators in order ||, &&, || -> cyc +3, cog +3
}`,
    cyclomatic: 4,
    cognitive: 3,
  },
  {
    rule: 'white paper mixed sequence: if (a && b && c || d || e && f)',
    name: 'mixed',
    code: `
function mixed(a: boolean, b: boolean, c: boolean, d: boolean, e: boolean, f: boolean) {
  if (a         // if: cyc +1, cog +1
    && b && c   // cog +1 (cyc +2)
    || d || e   // cog +1 (cyc +2)
    && f) {     // cog +1 (cyc +1)
    return 1;
  }
  return 0;
}`,
    // cyclomatic 1 + 1 + 5 = 7; cognitive 1 + 3 = 4 (the white paper's value)
    cyclomatic: 7,
    cognitive: 4,
  },
  {
    rule: 'parenthesised groups stay in the sequence: (a || b) && (c || d) is three runs',
    name: 'groups',
    code: `
function groups(a: boolean, b: boolean, c: boolean, d: boolean) {
  return (a || b) && (c || d); // operators in order ||, &&, || -> cyc +3, cog +3
}`,
    cyclomatic: 4,
    cognitive: 3,
  },
  {
    rule: 'the same operator through parentheses is one run: a && (b && c)',
    name: 'sameGroup',
    code: `
function sameGroup(a: boolean, b: boolean, c: boolean) {
  return a && (b && c); // operators &&, && -> cyc +2, cog +1
}`,
    cyclomatic: 3,
    cognitive: 1,
  },
  {
    rule: 'white paper negated group: a && !(b && c) is two runs',
    name: 'negated',
    code: `
function negated(a: boolean, b: boolean, c: boolean) {
  if (a          // if: cyc +1, cog +1
    && !(b && c) // outer &&: cyc +1, cog +1; inner && behind the !: cyc +1, cog +1
  ) {
    return 1;
  }
  return 0;
}`,
    // cyclomatic 1 + 1 + 2 = 4; cognitive 1 + 1 + 1 = 3 (the white paper's value)
    cyclomatic: 4,
    cognitive: 3,
  },
  {
    rule: 'a ?? run: +1',
    name: 'firstSet',
    code: `
function firstSet(a?: number, b?: number, c?: number) {
  return a ?? b ?? c; // cyc +2, cog +1
}`,
    cyclomatic: 3,
    cognitive: 1,
  },
  {
    rule: '?? then ||: two runs',
    name: 'fallback',
    code: `
function fallback(a?: number, b?: number, c = 0) {
  return (a ?? b) || c; // cyc +2 (?? and ||) +1 (default value); cog +2
}`,
    // cyclomatic 1 + 2 + 1 = 4; cognitive 2
    cyclomatic: 4,
    cognitive: 2,
  },
  {
    rule: 'a logical expression inside a call argument is a sequence of its own',
    name: 'guarded',
    code: `
function guarded(a: boolean, b: boolean, c: boolean, f: (x: boolean) => boolean) {
  return a && f(b && c); // cyc +2; cog: outer && +1, inner && +1
}`,
    cyclomatic: 3,
    cognitive: 2,
  },
  {
    rule: 'logical runs inside a nested if pay no nesting surcharge',
    name: 'scan',
    code: `
function scan(rows: number[][], limit: number) {
  let n = 0;
  for (const row of rows) {                        // cyc +1, cog +1
    if (row.length > 0 && row[0]! < limit) n++;    // if: cyc +1, cog +2 (nesting 1); &&: cyc +1, cog +1
  }
  return n;
}`,
    // cyclomatic 1 + 3 = 4; cognitive 1 + 2 + 1 = 4
    cyclomatic: 4,
    cognitive: 4,
  },
  {
    rule: 'logical assignment &&= ||= ??=: a cyclomatic decision each, no cognitive increment',
    name: 'fillDefaults',
    code: `
function fillDefaults(o: { a?: number; b?: string; c?: boolean }) {
  o.a ??= 1;    // cyc +1
  o.b ||= 'x';  // cyc +1
  o.c &&= false; // cyc +1
  return o;
}`,
    cyclomatic: 4,
    cognitive: 0,
  },
];

const defaultsAndChains: Example[] = [
  {
    rule: 'default parameters: a cyclomatic decision each',
    name: 'greet',
    code: `
function greet(name = 'world', punctuation = '!') { // cyc +2
  return 'Hello, ' + name + punctuation;
}`,
    cyclomatic: 3,
    cognitive: 0,
  },
  {
    rule: 'destructuring defaults count like default parameters',
    name: 'area',
    code: `
function area({ w = 1, h = 1 }: { w?: number; h?: number }, [scale = 1]: number[] = []) {
  // w = 1, h = 1, scale = 1 and the parameter's own = [] -> cyc +4
  return w * h * scale;
}`,
    cyclomatic: 5,
    cognitive: 0,
  },
  {
    rule: 'a destructuring default in the body counts too',
    name: 'firstOr',
    code: `
function firstOr(xs: number[]) {
  const [first = 0] = xs; // cyc +1
  return first;
}`,
    cyclomatic: 2,
    cognitive: 0,
  },
  {
    rule: 'defaults in destructuring assignments (not declarations) count too',
    name: 'unpack',
    code: `
function unpack(xs: number[], o: { a?: number; b?: number }) {
  let a: number, b: number, c: number;
  [a = 1] = xs;        // cyc +1 (ESTree AssignmentPattern in an array pattern)
  ({ b = 2 } = o);     // cyc +1 (shorthand property with a default)
  ({ a: c = 3 } = o);  // cyc +1 (renamed property with a default)
  return a + b + c;
}`,
    // cyclomatic 1 + 3 = 4
    cyclomatic: 4,
    cognitive: 0,
  },
  {
    rule: 'a default in a for...of destructuring assignment counts',
    name: 'lastFirst',
    code: `
function lastFirst(pairs: [number?][]) {
  let x = 0;
  for ([x = 0] of pairs) { // for...of: cyc +1, cog +1; x = 0: cyc +1
    // …
  }
  return x;
}`,
    // cyclomatic 1 + 2 = 3; cognitive 1
    cyclomatic: 3,
    cognitive: 1,
  },
  {
    rule: 'a default value holding a logical expression: both count',
    name: 'pad',
    code: `
function pad(s: string, width = s.length || 8) { // default: cyc +1; ||: cyc +1, cog +1
  return s.padEnd(width);
}`,
    cyclomatic: 3,
    cognitive: 1,
  },
  {
    rule: 'optional chaining: each ?. member access is a decision, with no cognitive increment',
    name: 'cityOf',
    code: `
function cityOf(user?: { address?: { city?: string } }) {
  return user?.address?.city; // cyc +2
}`,
    cyclomatic: 3,
    cognitive: 0,
  },
  {
    rule: 'optional call ?.() and optional element access ?.[] count too',
    name: 'firstTag',
    code: `
function firstTag(user?: { tags?: string[]; format?: (s: string) => string }) {
  return user?.format?.(user.tags?.[0] ?? '');
  // user?.format +1, ?.( +1, tags?.[0] +1, ?? +1 -> cyc +4; cog: the ?? run +1
}`,
    cyclomatic: 5,
    cognitive: 1,
  },
  {
    rule: 'only the ?. link counts, not the rest of the chain',
    name: 'deepName',
    code: `
function deepName(a?: { b: { c: { d: string } } }) {
  return a?.b.c.d; // cyc +1
}`,
    cyclomatic: 2,
    cognitive: 0,
  },
];

const recursion: Example[] = [
  {
    rule: 'direct recursion: +1 per recursive call',
    name: 'factorial',
    code: `
function factorial(n: number): number {
  if (n <= 1) return 1;          // cyc +1, cog +1
  return n * factorial(n - 1);   // cog +1 (recursion)
}`,
    cyclomatic: 2,
    cognitive: 2,
  },
  {
    rule: 'recursion in an arrow function bound to a const: +1 for each of the two calls',
    name: 'fib',
    code: `
const fib = (n: number): number => (n < 2 ? n : fib(n - 1) + fib(n - 2));
// ?: cyc +1, cog +1; fib(n - 1) cog +1; fib(n - 2) cog +1
`,
    cyclomatic: 2,
    cognitive: 3,
  },
  {
    rule: 'recursion in a class method through this',
    name: 'Counter.countDown',
    code: `
class Counter {
  countDown(n: number): number {
    if (n === 0) return 0;          // cyc +1, cog +1
    return this.countDown(n - 1);   // cog +1 (recursion)
  }
}`,
    cyclomatic: 2,
    cognitive: 2,
  },
  {
    rule: 'recursion in an object literal method through this',
    name: 'countDown',
    code: `
const counter = {
  countDown(n: number): number {
    if (n === 0) return 0;          // cyc +1, cog +1
    return this.countDown(n - 1);   // cog +1 (recursion)
  },
};`,
    cyclomatic: 2,
    cognitive: 2,
  },
  {
    rule: 'recursion in an arrow function in a class field, through this',
    name: 'Tree.depth',
    code: `
class Tree {
  depth = (n: number): number => (n > 0 ? this.depth(n - 1) : 0); // ?: cyc +1, cog +1; this.depth(): cog +1
}`,
    cyclomatic: 2,
    cognitive: 2,
  },
  {
    rule: 'not recursion: an object literal method calling the outer function of the same name',
    name: 'load',
    code: `
import { load } from './store';

export const api = {
  load(id: string) {
    return load(id); // the imported load: an object literal method is not in scope under its own name
  },
};`,
    cyclomatic: 1,
    cognitive: 0,
  },
  {
    rule: 'recursion from a callback: +1 (no nesting surcharge) for the function that recurses',
    name: 'walk',
    code: `
function walk(node: { children: unknown[] }) {
  node.children.forEach((child) => walk(child as { children: unknown[] })); // walk calls itself: cog +1
}`,
    cyclomatic: 1,
    cognitive: 1,
  },
  {
    rule: 'recursion from a callback: the callback itself calls another function, which is not recursion for it',
    name: 'node.children.forEach() callback',
    code: `
function walk(node: { children: unknown[] }) {
  node.children.forEach((child) => walk(child as { children: unknown[] })); // the callback calls walk, not itself: 0
}`,
    cyclomatic: 1,
    cognitive: 0,
  },
];

const jumps: Example[] = [
  {
    rule: 'white paper sumOfPrimes: labelled continue +1',
    name: 'sumOfPrimes',
    code: `
function sumOfPrimes(max: number): number {
  let total = 0;
  OUT: for (let i = 1; i <= max; ++i) { // cyc +1, cog +1
    for (let j = 2; j < i; ++j) {       // cyc +1, cog +2 (nesting 1)
      if (i % j === 0) {                // cyc +1, cog +3 (nesting 2)
        continue OUT;                   // cog +1
      }
    }
    total += i;
  }
  return total;
}`,
    // cyclomatic 1 + 3 = 4; cognitive 1 + 2 + 3 + 1 = 7 (the white paper's value)
    cyclomatic: 4,
    cognitive: 7,
  },
  {
    rule: 'labelled break: +1',
    name: 'findPair',
    code: `
function findPair(grid: number[][], target: number) {
  let found = false;
  outer: for (const row of grid) {  // cyc +1, cog +1
    for (const cell of row) {       // cyc +1, cog +2 (nesting 1)
      if (cell === target) {        // cyc +1, cog +3 (nesting 2)
        found = true;
        break outer;                // cog +1
      }
    }
  }
  return found;
}`,
    // cyclomatic 1 + 3 = 4; cognitive 1 + 2 + 3 + 1 = 7
    cyclomatic: 4,
    cognitive: 7,
  },
  {
    rule: 'plain break and continue are free',
    name: 'firstNegative',
    code: `
function firstNegative(xs: number[]) {
  let index = -1;
  for (let i = 0; i < xs.length; i++) { // cyc +1, cog +1
    if (xs[i]! >= 0) continue;          // cyc +1, cog +2 (nesting 1); continue free
    index = i;
    break;                              // free
  }
  return index;
}`,
    // cyclomatic 1 + 2 = 3; cognitive 1 + 2 = 3
    cyclomatic: 3,
    cognitive: 3,
  },
];

const myMethod2 = `
function myMethod2(condition1: boolean) {
  const r = () => {     // +0 (but nesting level is now 1)
    if (condition1) {   // outer: +2 (nesting 1); r: +1; cyc +1 for r only
      console.log('x');
    }
  };
  return r;
}`;

const evens = `
function evens(rows: number[][]) {
  return rows.map((row) => {
    if (row.length === 0) return [];
    // evens: +2 (nesting 1, inside the callback); map callback: +1 (nesting 0); cyc +1 for the map callback
    return row.filter((x) => (x > 0 ? x % 2 === 0 : false));
    // ?: evens: +3 (nesting 2); map callback: +2 (nesting 1); filter callback: +1; cyc +1 for the filter callback
  });
}`;

const onClick = `
function onClick(enabled: boolean, handlers: Array<() => void>) {
  if (enabled) {                // cyc +1, cog +1
    handlers.forEach((h) => {   // nesting for onClick is now 2 (if body + callback)
      if (h.length > 0) h();    // onClick: +3; callback: +1, cyc +1 for the callback
    });
  }
}`;

const outerInner = `
function outer(xs: number[]) {
  function inner(x: number) {
    return x > 0 ? x : -x;    // outer: +2 (nesting 1); inner: +1; cyc +1 for inner
  }
  return xs.map(inner);
}`;

const hasSmall = `
function hasSmall(xs: number[]) {
  if (xs.some((x) => (x > 0 ? x < 10 : false))) { // if: cyc +1, cog +1; ?: hasSmall +2 (nesting 1, in the callback), callback +1
    return true;
  }
  return false;
}`;

const nestedFunctions: Example[] = [
  {
    rule: 'white paper myMethod2: a lambda raises the nesting level and its increments count toward the parent',
    name: 'myMethod2',
    code: myMethod2,
    // cyclomatic 1 (the lambda's if is its own); cognitive 2 (the white paper's value)
    cyclomatic: 1,
    cognitive: 2,
  },
  {
    rule: 'white paper myMethod2: the lambda is listed with its own values',
    name: 'r',
    code: myMethod2,
    cyclomatic: 2,
    cognitive: 1,
  },
  {
    rule: 'callbacks two deep: each level of lambda adds one nesting level to the parent',
    name: 'evens',
    code: evens,
    // cyclomatic 1; cognitive 2 + 3 = 5
    cyclomatic: 1,
    cognitive: 5,
  },
  {
    rule: 'callbacks two deep: the outer callback counts its own if and the inner callback at nesting 1',
    name: 'rows.map() callback',
    code: evens,
    // cyclomatic 1 + 1 = 2; cognitive 1 + 2 = 3
    cyclomatic: 2,
    cognitive: 3,
  },
  {
    rule: 'callbacks two deep: the innermost callback on its own',
    name: 'row.filter() callback',
    code: evens,
    cyclomatic: 2,
    cognitive: 1,
  },
  {
    rule: 'a callback inside an if: the if body and the callback both add nesting',
    name: 'onClick',
    code: onClick,
    // cyclomatic 1 + 1 = 2; cognitive 1 + 3 = 4
    cyclomatic: 2,
    cognitive: 4,
  },
  {
    rule: 'a callback inside an if: the callback on its own',
    name: 'handlers.forEach() callback',
    code: onClick,
    cyclomatic: 2,
    cognitive: 1,
  },
  {
    rule: 'a nested function declaration counts toward its parent at nesting 1',
    name: 'outer',
    code: outerInner,
    cyclomatic: 1,
    cognitive: 2,
  },
  {
    rule: 'a nested function declaration is listed with its own values',
    name: 'inner',
    code: outerInner,
    cyclomatic: 2,
    cognitive: 1,
  },
  {
    rule: 'a computed method key belongs to the enclosing function (as in ESLint), not to the method',
    name: 'makeClass',
    code: `
function makeClass(key?: string) {
  return class {
    [key ?? 'run']() {   // ??: makeClass cyc +1, cog +1 (the key is evaluated by makeClass, at nesting 0)
      return 1;
    }
  };
}`,
    cyclomatic: 2,
    cognitive: 1,
  },
  {
    rule: 'a callback in an if condition is nested by being a lambda, not by the if',
    name: 'hasSmall',
    code: hasSmall,
    // cyclomatic 1 + 1 = 2; cognitive 1 + 2 = 3
    cyclomatic: 2,
    cognitive: 3,
  },
  {
    rule: 'a callback in an if condition on its own',
    name: 'xs.some() callback',
    code: hasSmall,
    cyclomatic: 2,
    cognitive: 1,
  },
];

const account = `
class Account {
  private balance = 0;
  private readonly log: string[] = [];

  constructor(initial?: number) {
    if (initial !== undefined) this.balance = initial;   // cyc +1, cog +1
  }

  get overdrawn(): boolean {
    return this.balance < 0 && this.log.length > 0;      // cyc +1, cog +1
  }

  set overdrawn(value: boolean) {
    this.balance = value ? -1 : 0;                       // cyc +1, cog +1
  }

  withdraw(amount: number): boolean {
    if (amount <= 0) {                                   // cyc +1, cog +1
      throw new Error('amount');
    } else if (amount > this.balance) {                  // cyc +1, cog +1
      return false;
    }
    this.balance -= amount;
    return true;
  }

  static parse(text: string): Account {
    return new Account(Number(text) || 0);               // cyc +1, cog +1
  }

  onChange = (value: number) => {
    for (const entry of this.log) {                      // cyc +1, cog +1
      if (entry === String(value)) return;               // cyc +1, cog +2 (nesting 1)
    }
    this.log.push(String(value));
  };
}`;

const classes: Example[] = [
  { rule: 'class constructor', name: 'Account.constructor', code: account, cyclomatic: 2, cognitive: 1 },
  { rule: 'class getter', name: 'Account.overdrawn', kind: 'getter', code: account, cyclomatic: 2, cognitive: 1 },
  { rule: 'class setter', name: 'Account.overdrawn', kind: 'setter', code: account, cyclomatic: 2, cognitive: 1 },
  { rule: 'class method with if / else if', name: 'Account.withdraw', code: account, cyclomatic: 3, cognitive: 2 },
  { rule: 'static class method', name: 'Account.parse', code: account, cyclomatic: 2, cognitive: 1 },
  // cyclomatic 1 + 2 = 3; cognitive 1 + 2 = 3
  { rule: 'arrow function in a class field', name: 'Account.onChange', code: account, cyclomatic: 3, cognitive: 3 },
];

const whitePaper: Example[] = [
  {
    rule: 'white paper myMethod: try does not nest, catch does',
    name: 'myMethod',
    code: `
function myMethod(condition1: boolean, condition2: () => boolean) {
  try {
    if (condition1) {                   // cyc +1, cog +1
      for (let i = 0; i < 10; i++) {    // cyc +1, cog +2 (nesting 1)
        while (condition2()) {          // cyc +1, cog +3 (nesting 2)
          // …
        }
      }
    }
  } catch (e) {                         // cyc +1, cog +1
    if (condition2()) {                 // cyc +1, cog +2 (nesting 1)
      // …
    }
  }
}`,
    // cyclomatic 1 + 5 = 6; cognitive 1 + 2 + 3 + 1 + 2 = 9 (the white paper's value)
    cyclomatic: 6,
    cognitive: 9,
  },
  {
    rule: 'white paper overriddenSymbolFrom (appendix): 19',
    name: 'Resolver.overriddenSymbolFrom',
    code: `
class Resolver {
  name = '';

  overriddenSymbolFrom(classType: ClassType): MethodSymbol | null {
    if (classType.isUnknown()) {                                          // cyc +1, cog +1
      return unknownMethodSymbol;
    }
    let unknownFound = false;
    const symbols = classType.getSymbol().members().lookup(this.name);
    for (const overrideSymbol of symbols) {                               // cyc +1, cog +1
      if (overrideSymbol.isKind(MTH)                                      // cyc +1, cog +2 (nesting 1)
          && !overrideSymbol.isStatic()) {                                // cyc +1, cog +1
        const methodSymbol = overrideSymbol as MethodSymbol;
        if (this.canOverride(methodSymbol)) {                             // cyc +1, cog +3 (nesting 2)
          const overriding = this.checkOverridingParameters(methodSymbol, classType);
          if (overriding === null) {                                      // cyc +1, cog +4 (nesting 3)
            if (!unknownFound) {                                          // cyc +1, cog +5 (nesting 4)
              unknownFound = true;
            }
          } else if (overriding) {                                        // cyc +1, cog +1
            return methodSymbol;
          }
        }
      }
    }
    if (unknownFound) {                                                   // cyc +1, cog +1
      return unknownMethodSymbol;
    }
    return null;
  }
}`,
    // cyclomatic 1 + 9 = 10; cognitive 1 + 1 + 2 + 1 + 3 + 4 + 5 + 1 + 1 = 19 (the white paper's value)
    cyclomatic: 10,
    cognitive: 19,
  },
];

const corpus: Example[] = [
  ...loops,
  ...conditionals,
  ...switches,
  ...exceptions,
  ...logical,
  ...defaultsAndChains,
  ...recursion,
  ...jumps,
  ...nestedFunctions,
  ...classes,
  ...whitePaper,
];

describe('complexity corpus', () => {
  it.each(corpus)('$rule', (example) => {
    const facts = extractFacts('example.ts', example.code);
    expect(facts.parseErrors).toEqual([]);
    const matches = facts.functions.filter((fact) => fact.name === example.name && (!example.kind || fact.kind === example.kind));
    expect(matches.map((fact) => fact.name)).toEqual([example.name]);
    const [fact] = matches;
    expect({ cyclomatic: fact?.cyclomatic, cognitive: fact?.cognitive }).toEqual({ cyclomatic: example.cyclomatic, cognitive: example.cognitive });
  });
});

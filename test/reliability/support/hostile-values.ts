import fc from 'fast-check';

/** Nested `depth` levels deep: arrays in arrays, or objects in objects. */
function nested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level++) value = kind === 'array' ? [value] : { a: value };
  return named(value as object, `nested(${depth}, '${kind}')`);
}

/**
 * A big value printed by its name in fast-check's reports (which would overflow the stack printing
 * it whole). The name is a symbol-keyed property, which neither JSON nor a structured clone carries.
 */
function named<T extends object>(value: T, name: string): T {
  return Object.assign(value, { [fc.toStringMethod]: () => name });
}

/** Objects whose own keys would pollute a prototype if they were copied naively (JSON.parse makes `__proto__` an own key). */
const pollutingObjects = [
  JSON.parse('{"__proto__": {"polluted": true}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  JSON.parse('{"__proto__": {"polluted": true}, "toString": "x", "valueOf": 1, "hasOwnProperty": null}'),
] as unknown[];

/** Strings that break naive code: paths out of a folder, devices that never end, control characters, markup, formats. */
const hostileStrings = [
  '',
  ' ',
  '\0',
  'a\nb',
  '\r\n',
  '../../../../etc/passwd',
  '/etc/passwd',
  '/dev/zero',
  '/dev/stdin',
  '/proc/self/environ',
  '~',
  '.',
  '..',
  '-rf',
  '--help',
  '$(touch /tmp/steward-fuzz-marker)',
  '`id`',
  "'; DROP TABLE repositories; --",
  '%s%n%x',
  '<script>alert(1)</script>',
  '\u202e\u200b\ufeff',
  '\ud800',
  'NaN',
  '1e999',
  'null',
  'true',
  '[]',
  '{}',
  '9007199254740993',
  '2024-02-30',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'http://169.254.169.254/latest/meta-data/',
];

const hostileNumbers = [0, -0, -1, 1.5, -1.5, 0.1, 2 ** 31, 2 ** 32, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 2 ** 64, 1e308, -1e308, 5e-324, Number.MAX_VALUE];

/** Values a JSON body can carry that no route expects. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...hostileStrings),
  fc.constantFrom(...hostileNumbers),
  fc.constantFrom(null, true, false, [], {}, [null], [[]], [{}]),
  fc.constantFrom(...pollutingObjects),
  // As deep as a structured clone (Electron's IPC) carries; the HTTP tests send deeper JSON.
  fc.constantFrom(nested(1_000, 'array'), nested(1_000, 'object')),
  fc.constantFrom('x'.repeat(100_000), '\u00e9'.repeat(50_000)),
  fc.integer({ min: 2_000, max: 5_000 }).map((length) => named(Array.from({ length }, (_, index) => [1, 'x', null][index % 3]), `an array of ${length} mixed items`)),
  fc.jsonValue(),
);

/**
 * What a renderer can pass through Electron's IPC besides JSON: structured clone carries NaN,
 * Infinity, undefined, BigInt, Dates, Maps, Sets, typed arrays and sparse arrays.
 */
const cloneableOnly = fc.constantFrom<unknown>(
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  undefined,
  10n,
  new Date(Number.NaN),
  new Date(0),
  new Map([['id', 1]]),
  new Set([1]),
  new Uint8Array([1, 2, 3]),
  sparse(),
  /x/,
);

function sparse(): unknown[] {
  const holes: unknown[] = [];
  holes[3] = 1;
  return holes;
}

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(hostileJson, cloneableOnly);

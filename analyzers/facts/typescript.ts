// eslint-disable-next-line no-restricted-imports -- loading the parser, not I/O of the analysis
import { createRequire } from 'node:module';
import type * as TsMorph from 'ts-morph';

type TypeScript = typeof TsMorph.ts;

let loaded: TypeScript | undefined;

/**
 * The TypeScript compiler API as ts-morph bundles it, loaded with `require` on first call: importing
 * its 9 MB CommonJS file from an ES module makes Node scan the whole text for export names first,
 * which costs about 0.1 s on every run that parses (see BENCHMARKS.md), and modules that may never
 * parse (the config readers, which entry detection and config file selection load) should not pay
 * for it at all. Its types are `TS` from ts-morph.
 */
export function typescript(): TypeScript {
  return (loaded ??= (createRequire(import.meta.url)('ts-morph') as typeof TsMorph).ts);
}

/**
 * The same API, loaded on the first property read: for modules that may never parse and are not on a
 * hot path (the config readers), where a property read through a proxy costs nothing that matters.
 */
export const lazyTypeScript: TypeScript = new Proxy({} as TypeScript, {
  get: (_target, key) => Reflect.get(typescript(), key),
});

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
  if (loaded) return loaded;
  // The compiler file ts-morph bundles, resolved as ts-morph resolves it (the very copy it uses),
  // without ts-morph's own 4 MB wrapper around it, which a parse does not need (0.15 s a thread).
  const require = createRequire(import.meta.url);
  return (loaded = createRequire(require.resolve('ts-morph'))('@ts-morph/common/dist/typescript.js') as TypeScript);
}

/**
 * The same API, loaded on the first property read: for modules that may never parse and are not on a
 * hot path (the config readers), where a property read through a proxy costs nothing that matters.
 */
export const lazyTypeScript: TypeScript = new Proxy({} as TypeScript, {
  get: (_target, key) => Reflect.get(typescript(), key),
});

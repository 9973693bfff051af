// eslint-disable-next-line no-restricted-imports -- loading the parser, not I/O of the analysis
import { createRequire } from 'node:module';
import type * as TsMorph from 'ts-morph';

/**
 * The TypeScript compiler API as ts-morph bundles it, loaded with `require`: importing its 9 MB
 * CommonJS file from an ES module makes Node scan the whole text for export names first, which
 * costs about 0.1 s on every run that parses (see BENCHMARKS.md). Its types are `TS` from ts-morph.
 */
export const ts: typeof TsMorph.ts = (createRequire(import.meta.url)('ts-morph') as typeof TsMorph).ts;

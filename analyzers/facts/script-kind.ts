import type { ts as TS } from 'ts-morph';
import { typescript } from './typescript.js';

let scriptKinds: Record<string, TS.ScriptKind> | undefined;

/** Built on first use: reading a config file's name must not load the parser. */
function scriptKindTable(): Record<string, TS.ScriptKind> {
  const ts = typescript();
  return {
    '.ts': ts.ScriptKind.TS,
    '.mts': ts.ScriptKind.TS,
    '.cts': ts.ScriptKind.TS,
    '.tsx': ts.ScriptKind.TSX,
    '.js': ts.ScriptKind.JS,
    '.mjs': ts.ScriptKind.JS,
    '.cjs': ts.ScriptKind.JS,
    '.jsx': ts.ScriptKind.JSX,
  };
}

function extensionOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') ? path.slice(dot).toLowerCase() : '';
}

/** How TypeScript should parse the file, or null when it is not JavaScript or TypeScript. */
export function scriptKindOf(path: string): TS.ScriptKind | null {
  return (scriptKinds ??= scriptKindTable())[extensionOf(path)] ?? null;
}

import { countLines } from './count-lines.js';
import { languageOf } from './language-table.js';

/** What the line counter learns about one file; plain data, stored per snapshot. */
export interface FileStats {
  path: string;
  /** Null for binary files and for text in a language Steward does not recognise. */
  language: string | null;
  bytes: number;
  codeLines: number;
  commentLines: number;
  blankLines: number;
}

const binarySniffBytes = 8000;

/** Git's own heuristic: a NUL byte near the start means binary. */
function isBinary(content: Uint8Array): boolean {
  const end = Math.min(content.length, binarySniffBytes);
  for (let i = 0; i < end; i++) if (content[i] === 0) return true;
  return false;
}

const decoder = new TextDecoder('utf-8', { fatal: false });

/** Bumped whenever the counting changes: what is kept of a file's counts (line counts, markers) is keyed by it. */
export const fileStatsVersion = '1';

export function fileStats(path: string, content: Uint8Array): FileStats {
  const language = languageOf(path);
  if (!language || isBinary(content)) {
    return { path, language: null, bytes: content.length, codeLines: 0, commentLines: 0, blankLines: 0 };
  }
  const counts = countLines(decoder.decode(content), language.syntax);
  return {
    path,
    language: language.name,
    bytes: content.length,
    codeLines: counts.code,
    commentLines: counts.comment,
    blankLines: counts.blank,
  };
}

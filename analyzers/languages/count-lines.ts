import type { CommentSyntax } from './language-table.js';

export interface LineCounts {
  /** Lines with at least one character of code (a trailing comment does not make a line a comment). */
  code: number;
  /** Lines holding only comment text (or blank lines inside a block comment). */
  comment: number;
  /** Lines holding only white space outside comments. */
  blank: number;
}

type State =
  | { kind: 'code' }
  | { kind: 'block'; end: string }
  | { kind: 'string'; delimiter: string };

/**
 * Counts code, comment and blank lines the way cloc does: a line is code when it has code on it,
 * comment when it has only comment text, blank otherwise. Strings are tracked so that `"//"` or
 * `'/*'` inside a string is not mistaken for a comment; a single-line string ends at the line end
 * so that an unbalanced quote (e.g. in a regex literal) cannot swallow the rest of the file.
 */
export function countLines(text: string, syntax: CommentSyntax): LineCounts {
  const counts: LineCounts = { code: 0, comment: 0, blank: 0 };
  let state: State = { kind: 'code' };
  let lineHasCode = false;
  let lineHasComment = false;

  const endLine = (): void => {
    if (lineHasCode) counts.code++;
    else if (lineHasComment || state.kind === 'block') counts.comment++;
    else counts.blank++;
    lineHasCode = false;
    lineHasComment = false;
    if (state.kind === 'string' && !syntax.multilineStrings?.includes(state.delimiter)) state = { kind: 'code' };
  };

  // Most characters start no comment or string: checking the first character skips the marker search.
  const markerStarts = new Set([...syntax.block.map(([start]) => start), ...syntax.line, ...syntax.strings].map((marker) => marker[0]));
  const length = text.length;
  let i = 0;
  while (i < length) {
    const char = text[i]!;
    if (char === '\n') {
      endLine();
      i++;
      continue;
    }
    if (state.kind === 'block') {
      if (text.startsWith(state.end, i)) {
        // A line holding only the closing marker (" */") is still a comment line.
        lineHasComment = true;
        i += state.end.length;
        state = { kind: 'code' };
      } else {
        if (!isWhiteSpace(char)) lineHasComment = true;
        i++;
      }
      continue;
    }
    if (state.kind === 'string') {
      lineHasCode = true;
      // An escaped character is skipped, but never a newline: a backslash-continued line is still a line.
      if (char === '\\') i += text[i + 1] === '\n' ? 1 : 2;
      else {
        if (text.startsWith(state.delimiter, i)) state = { kind: 'code' };
        i++;
      }
      continue;
    }
    if (isWhiteSpace(char)) {
      i++;
      continue;
    }
    if (!markerStarts.has(char)) {
      lineHasCode = true;
      i++;
      continue;
    }
    const blockStart = syntax.block.find(([start]) => text.startsWith(start, i));
    if (blockStart) {
      lineHasComment = true;
      state = { kind: 'block', end: blockStart[1] };
      i += blockStart[0].length;
      continue;
    }
    if (syntax.line.some((marker) => text.startsWith(marker, i))) {
      lineHasComment = true;
      const newline = text.indexOf('\n', i);
      i = newline === -1 ? length : newline;
      continue;
    }
    lineHasCode = true;
    const delimiter = syntax.strings.find((d) => text.startsWith(d, i));
    if (delimiter) state = { kind: 'string', delimiter };
    i += delimiter?.length ?? 1;
  }
  // A final line without a trailing newline still counts; an empty final "line" after \n does not.
  if (length > 0 && text[length - 1] !== '\n') endLine();
  return counts;
}

function isWhiteSpace(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\r' || char === '\f' || char === '\v' || char === '\uFEFF';
}

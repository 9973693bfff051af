import { type ParseError, type Node as JsonNode, parse as parseJsoncValue, parseTree } from 'jsonc-parser';
import { type Document, parseDocument } from 'yaml';

/**
 * Every JSON, JSONC and YAML document Steward reads from a repository (package.json, tsconfig,
 * lockfiles, tool configs) goes through here. Documents are untrusted: one nested ten thousand levels
 * deep overflows the stack of a recursive parser (jsonc-parser, yaml) or of any code that walks the
 * result, and the yaml package's error report on such a document exhausts V8's regular expression
 * compiler and aborts the process. Nesting past the limit is refused before any parser sees the text.
 */
export const maxNesting = 256;

/** A document Steward will not parse; its message says why, for a warning. */
export class DocumentRefused extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'DocumentRefused';
  }
}

/** JSON.parse, after the nesting check. Throws SyntaxError or DocumentRefused. */
export function parseJson(text: string): unknown {
  checkNesting(text, 'json');
  return JSON.parse(text);
}

/** JSONC (comments, trailing commas) as jsonc-parser reads it, after the nesting check. Throws DocumentRefused. */
export function parseJsonc(text: string, errors: ParseError[], options: { allowTrailingComma?: boolean; allowEmptyContent?: boolean }): unknown {
  checkNesting(text, 'json');
  return parseJsoncValue(text, errors, options);
}

/** jsonc-parser's syntax tree (for positions), after the nesting check. Throws DocumentRefused. */
export function parseJsoncTree(text: string): JsonNode | undefined {
  checkNesting(text, 'json');
  return parseTree(text);
}

/** A YAML document (errors in `document.errors`), after the nesting check. Throws DocumentRefused. */
export function parseYaml(text: string): Document {
  checkNesting(text, 'yaml');
  return parseDocument(text, { prettyErrors: false });
}

/**
 * The deepest nesting of brackets and braces outside strings and comments, and for YAML of block
 * indentation too (a block nested n deep is indented at least n columns). Strings are skipped as the
 * parsers read them, so that nothing can be hidden from the count: a JSON string ends at a line break
 * (jsonc-parser's scanner ends it there), a YAML quote opens a string only where a scalar can begin.
 * Linear in the text.
 */
function checkNesting(text: string, syntax: 'json' | 'yaml'): void {
  let depth = 0;
  let indent: number | undefined = 0;
  /** The last character on this line that was not a space, for where a YAML scalar can begin. */
  let previous = '\n';
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (character === '\n') {
      indent = 0;
      previous = '\n';
      continue;
    }
    if (character === ' ' || character === '\t' || character === '\r') {
      if (indent !== undefined && character === ' ' && syntax === 'yaml' && ++indent > maxNesting) throw tooDeep();
      continue;
    }
    indent = undefined;
    if (character === '"' && syntax === 'json') index = jsonStringEnd(text, index);
    else if ((character === '"' || character === "'") && syntax === 'yaml' && /[\n:\-[{,?]/.test(previous)) index = yamlStringEnd(text, index, character);
    else if (syntax === 'json' && character === '/' && text[index + 1] === '/') index = lineEnd(text, index);
    else if (syntax === 'json' && character === '/' && text[index + 1] === '*') {
      const close = text.indexOf('*/', index + 2);
      index = close < 0 ? text.length : close + 1;
    } else if (syntax === 'yaml' && character === '#' && /\s/.test(text[index - 1] ?? '\n')) index = lineEnd(text, index);
    else if (character === '[' || character === '{') {
      if (++depth > maxNesting) throw tooDeep();
    } else if ((character === ']' || character === '}') && depth > 0) depth--;
    previous = character;
  }
}

function tooDeep(): DocumentRefused {
  return new DocumentRefused(`nested more than ${maxNesting} levels deep`);
}

/** Where a JSON string opened at `open` ends: its closing quote, or the end of its line. */
function jsonStringEnd(text: string, open: number): number {
  for (let index = open + 1; index < text.length; index++) {
    const character = text[index];
    if (character === '\\') index++;
    else if (character === '"' || character === '\n' || character === '\r') return character === '"' ? index : index - 1;
  }
  return text.length;
}

/** Where a YAML quoted scalar ends (it may span lines): double quotes take backslash escapes, single quotes double themselves. */
function yamlStringEnd(text: string, open: number, quote: string): number {
  for (let index = open + 1; index < text.length; index++) {
    const character = text[index];
    if (character === '\\' && quote === '"') index++;
    else if (character === quote) {
      if (quote === "'" && text[index + 1] === "'") index++;
      else return index;
    }
  }
  return text.length;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end - 1;
}

import { extractFacts } from '../../analyzers/facts/extract-facts.js';
import type { ParseResult } from './parse-protocol.js';

/** One file's facts as JSON text, or why it could not be parsed; never throws. */
export function parseSource(path: string, text: string): ParseResult {
  try {
    return { path, factsJson: JSON.stringify(extractFacts(path, text)) };
  } catch (error) {
    // A stack overflow on absurdly deep nesting, or a parser bug: that file is reported, the scan goes on.
    const reason = error instanceof RangeError ? 'the code is nested too deeply to analyse' : String(error);
    return { path, error: reason };
  }
}

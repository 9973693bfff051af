import { RE2JS } from 're2js';

/**
 * A regular expression a repository supplies (Jest's `testRegex`, a regex literal in a config, uvu's
 * pattern), matched by RE2's linear-time engine: a hostile `(a+)+$` cannot hang a scan the way it
 * would in JavaScript's backtracking engine. What RE2 cannot express (lookarounds, backreferences)
 * is refused, and so is a pattern whose size would make each match slow (over 300 characters, or
 * a repetition counted in hundreds): the caller treats the setting as unreadable.
 */
/** Longer patterns are refused: a test-file regex is a few dozen characters. */
const maxSourceLength = 300;

export class RepositoryPattern {
  private constructor(
    readonly source: string,
    private readonly compiled: RE2JS,
  ) {}

  /** The pattern, or null when RE2 refuses its syntax. Flags other than `i`, `m` and `s` (g, y, u, d, v) do not change what matches. */
  static of(source: string, flags = ''): RepositoryPattern | null {
    // RE2 is linear in the text, but its program grows with the pattern (`(?:.?){1000}` is a thousand states): real test patterns are short.
    if (source.length > maxSourceLength || /\{\s*\d{3,}/.test(source)) return null;
    const options = (flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0) | (flags.includes('m') ? RE2JS.MULTILINE : 0) | (flags.includes('s') ? RE2JS.DOTALL : 0);
    try {
      return new RepositoryPattern(source, RE2JS.compile(source, options));
    } catch {
      return null;
    }
  }

  /** True when the pattern matches somewhere in `text`, as RegExp.prototype.test does. */
  test(text: string): boolean {
    return this.compiled.matcher(text).find();
  }
}

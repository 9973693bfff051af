import { describe, expect, it } from 'vitest';
import { countLines, type LineCounts } from '../../analyzers/languages/count-lines.js';
import { fileStats } from '../../analyzers/languages/file-stats.js';
import { languageOf } from '../../analyzers/languages/language-table.js';

/** Counts `text` with the syntax of the language Steward picks for `path`. */
function count(path: string, text: string): LineCounts {
  const language = languageOf(path);
  if (!language) throw new Error(`No language for ${path}`);
  return countLines(text, language.syntax);
}

const lines = (...rows: string[]): string => rows.map((row) => `${row}\n`).join('');

describe('countLines — TypeScript', () => {
  it('counts whole-line // comments as comment and separates code and blank lines', () => {
    const text = lines('// header', "import x from 'y';", '', '  // indented note', 'export const a = x;');
    expect(count('a.ts', text)).toEqual({ code: 2, comment: 2, blank: 1 });
  });

  it('counts every line of a block comment spanning lines as comment, blank lines inside it too', () => {
    const text = lines('/* start', '', '   middle', 'end */', 'run();');
    expect(count('a.ts', text)).toEqual({ code: 1, comment: 4, blank: 0 });
  });

  it('counts a line holding only the closing */ of a JSDoc block as comment, not blank', () => {
    const text = lines('/**', ' * Adds numbers.', ' */', 'export function add() {}');
    expect(count('a.ts', text)).toEqual({ code: 1, comment: 3, blank: 0 });
  });

  it('counts a line with code followed by a comment as code', () => {
    const text = lines('const a = 1; // note', 'foo(); /* note */', '/* lead */ bar();', 'baz(); /* opens', 'closes */');
    expect(count('a.ts', text)).toEqual({ code: 4, comment: 1, blank: 0 });
  });

  it('does not treat "//" or \'/*\' inside strings as comments', () => {
    const text = lines('const a = "//not a comment";', "const b = '/*';", 'const c = 2;', '// real comment');
    // Were '/*' taken as a block opener, "const c = 2;" and the last line would be swallowed as comment.
    expect(count('a.ts', text)).toEqual({ code: 3, comment: 1, blank: 0 });
  });

  it('handles escaped quotes and escaped backslashes inside strings', () => {
    const text = lines('const s = "say \\"//\\" now";', "const t = '\\\\'; // trailing", '// only a comment');
    expect(count('a.ts', text)).toEqual({ code: 2, comment: 1, blank: 0 });
  });

  it('counts lines of a template literal spanning lines as code, even when they contain // or /*', () => {
    const text = lines('const sql = `', '  SELECT 1 // not a comment', '  /* nor this */', '`;', '// real comment');
    expect(count('a.ts', text)).toEqual({ code: 4, comment: 1, blank: 0 });
  });

  it('does not let an unbalanced quote in a regex literal swallow the following lines', () => {
    const text = lines('const dq = /"/;', '// comment after a double quote', "const sq = /'/g;", '/* block after a single quote */', '', 'done();');
    expect(count('a.ts', text)).toEqual({ code: 3, comment: 2, blank: 1 });
  });

  it('keeps one count per line when a string continues onto the next line with a backslash', () => {
    // `"abc\` + newline + `def"` is a legal JavaScript line continuation: three lines of code in all.
    const text = lines('const s = "abc\\', 'def";', 'const y = 2;');
    expect(count('a.ts', text)).toEqual({ code: 3, comment: 0, blank: 0 });
  });

  it('gives the same counts for CRLF line endings as for LF', () => {
    const rows = ['// c', 'const a = 1;', '', '/* b', ' c */', 'const d = "//";'];
    const lf = rows.map((row) => `${row}\n`).join('');
    const crlf = rows.map((row) => `${row}\r\n`).join('');
    expect(count('a.ts', crlf)).toEqual({ code: 2, comment: 3, blank: 1 });
    expect(count('a.ts', crlf)).toEqual(count('a.ts', lf));
  });

  it('counts a final line without a trailing newline, and no phantom line after a trailing newline', () => {
    expect(count('a.ts', 'const a = 1;\n// end')).toEqual({ code: 1, comment: 1, blank: 0 });
    expect(count('a.ts', 'const a = 1;')).toEqual({ code: 1, comment: 0, blank: 0 });
    expect(count('a.ts', 'const a = 1;\n')).toEqual({ code: 1, comment: 0, blank: 0 });
  });

  it('counts nothing in an empty file', () => {
    expect(count('a.ts', '')).toEqual({ code: 0, comment: 0, blank: 0 });
  });

  it('counts lines holding only spaces and tabs as blank', () => {
    expect(count('a.ts', '\n   \n\t\t\nx();\n  \t \n')).toEqual({ code: 1, comment: 0, blank: 4 });
    expect(count('a.ts', '\n\n')).toEqual({ code: 0, comment: 0, blank: 2 });
  });
});

describe('countLines — other languages', () => {
  it('counts # comments in YAML; a trailing # comment leaves the line code; # inside a string is code', () => {
    const text = lines('# config', 'name: steward # trailing', '', '  # indented', 'url: "http://x/#anchor"');
    expect(count('config.yml', text)).toEqual({ code: 2, comment: 2, blank: 1 });
  });

  it('counts # comments in Shell, including the shebang line', () => {
    const text = lines('#!/bin/sh', '# say hello', 'echo "# not a comment"', '', 'exit 0 # done');
    expect(count('run.sh', text)).toEqual({ code: 2, comment: 2, blank: 1 });
  });

  it('counts <!-- --> comments in HTML, on one line and across lines', () => {
    const text = lines('<!-- one line -->', '<p>Hi</p> <!-- trailing -->', '<!-- opens', '  and closes -->', '');
    expect(count('index.html', text)).toEqual({ code: 1, comment: 3, blank: 1 });
  });

  it('counts a line holding only the closing --> of an HTML comment as comment, not blank', () => {
    const text = lines('<!--', '  note', '-->', '<p>Hi</p>');
    expect(count('index.html', text)).toEqual({ code: 1, comment: 3, blank: 0 });
  });

  it('counts <!-- --> comments in Markdown, while a # heading is text (code)', () => {
    const text = lines('# Title', '', '<!-- hidden -->', 'Some text.', '<!-- a', 'b -->');
    expect(count('README.md', text)).toEqual({ code: 2, comment: 3, blank: 1 });
  });

  it('counts every non-blank JSON line as code, even strings holding // or /*', () => {
    const text = lines('{', '  "url": "https://example.com//path",', '', '  "glob": "src/**/*.ts"', '}');
    expect(count('package.json', text)).toEqual({ code: 4, comment: 0, blank: 1 });
  });
});

describe('languageOf', () => {
  it('maps .ts, .tsx, .mts and .cts to TypeScript', () => {
    for (const path of ['src/a.ts', 'src/App.tsx', 'vite.config.mts', 'legacy.cts', 'UPPER.TS']) {
      expect(languageOf(path)?.name, path).toBe('TypeScript');
    }
  });

  it('maps .mjs to JavaScript', () => {
    expect(languageOf('scripts/start.mjs')?.name).toBe('JavaScript');
  });

  it('recognises a Dockerfile by its name', () => {
    expect(languageOf('Dockerfile')?.name).toBe('Dockerfile');
    expect(languageOf('docker/app/Dockerfile')?.name).toBe('Dockerfile');
  });

  it('returns undefined for an unknown extension', () => {
    expect(languageOf('data/blob.xyz')).toBeUndefined();
    expect(languageOf('LICENSE')).toBeUndefined();
  });

  it('returns undefined for a dotfile such as .gitignore', () => {
    expect(languageOf('.gitignore')).toBeUndefined();
    expect(languageOf('packages/web/.gitignore')).toBeUndefined();
  });
});

describe('fileStats', () => {
  const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

  it('counts the lines of a recognised text file', () => {
    const content = encode(lines('// hi', 'const a = 1;', ''));
    expect(fileStats('src/a.ts', content)).toEqual({
      path: 'src/a.ts',
      language: 'TypeScript',
      bytes: content.length,
      codeLines: 1,
      commentLines: 1,
      blankLines: 1,
    });
  });

  it('treats content holding a NUL byte as binary: no language and no lines', () => {
    const content = new Uint8Array([...encode('const a = 1;\n'), 0, ...encode('// x\n')]);
    expect(fileStats('src/a.ts', content)).toEqual({
      path: 'src/a.ts',
      language: null,
      bytes: content.length,
      codeLines: 0,
      commentLines: 0,
      blankLines: 0,
    });
  });

  it('gives no language and no lines for a file Steward does not recognise', () => {
    const content = encode('just text\n');
    expect(fileStats('notes.unknownext', content)).toMatchObject({ language: null, bytes: content.length, codeLines: 0 });
  });
});

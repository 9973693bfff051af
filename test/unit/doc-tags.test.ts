import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../analyzers/facts/extract-facts.js';

const exportTags = (code: string) => extractFacts('tags.ts', code).exports.map((fact) => [fact.name, fact.tags]);

describe('JSDoc tags on exports', () => {
  it('reads @deprecated with its message over several lines, up to the next tag', () => {
    const code = '/**\n * Adds one.\n * @deprecated Use bar\n *   instead.\n * @param n a number\n */\nexport function foo(n: number) {\n  return n + 1;\n}\n';
    expect(exportTags(code)).toEqual([['foo', { deprecated: 'Use bar instead.' }]]);
  });

  it('takes tags only where they start a line, not `@deprecated` mentioned in the text', () => {
    const code = '/** A place where code uses something marked `@deprecated`. */\nexport interface Use {\n  path: string;\n}\n';
    expect(exportTags(code)).toEqual([['Use', {}]]);
  });

  it('reads @public and @internal, and a bare @deprecated as an empty message', () => {
    const code = '/** @internal */\nexport const a = 1;\n/** @public */\nexport type B = string;\n/** @deprecated */\nexport class C {}\n';
    expect(exportTags(code)).toEqual([
      ['a', { internal: true }],
      ['B', { public: true }],
      ['C', { deprecated: '' }],
    ]);
  });

  it('gives `export { name }` the tags of the declaration it exports', () => {
    const code = '/** @deprecated Use two */\nconst one = 1;\nexport { one, one as uno };\n';
    expect(exportTags(code)).toEqual([
      ['one', { deprecated: 'Use two' }],
      ['uno', { deprecated: 'Use two' }],
    ]);
  });
});

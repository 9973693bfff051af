import { describe, expect, it } from 'vitest';
import { DocumentRefused, maxNesting, parseJson, parseJsonc, parseJsoncTree, parseYaml } from '../../analyzers/documents/parse-document.js';

const deepJson = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
const deepArray = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;

describe('documents nested beyond the limit are refused before any parser sees them', () => {
  it.each([
    ['JSON', () => parseJson(deepJson)],
    ['JSONC', () => parseJsonc(deepJson, [], {})],
    ['a JSONC syntax tree', () => parseJsoncTree(deepArray)],
    ['YAML flow collections', () => parseYaml(`packages: ${deepArray}`)],
    ['YAML blocks', () => parseYaml(Array.from({ length: 400 }, (_, depth) => `${' '.repeat(depth)}k${depth}:`).join('\n'))],
  ])('%s', (_, parse) => {
    expect(parse).toThrow(DocumentRefused);
    expect(parse).toThrow(`nested more than ${maxNesting} levels deep`);
  });

  it('brackets cannot hide in a string or comment the parser would end sooner', () => {
    // jsonc-parser ends a string at a line break, so the brackets on the next line are structure.
    expect(() => parseJsonc(`{"a": "open\n${deepArray}`, [], {})).toThrow(DocumentRefused);
    // In YAML, a quote inside a plain scalar is literal, not the start of a string.
    expect(() => parseYaml(`title: 5" screen\nlist: ${deepArray}`)).toThrow(DocumentRefused);
  });

  it('ordinary documents, brackets in strings and comments included, parse as before', () => {
    expect(parseJson('{"scripts": {"x": "[[[[{{{{"}}')).toEqual({ scripts: { x: '[[[[{{{{' } });
    expect(parseJsonc('{ // [[[[\n "a": [1, 2], /* {{{ */ }', [], { allowTrailingComma: true })).toEqual({ a: [1, 2] });
    expect(parseYaml("packages:\n  - 'apps/*' # [[[\n  - \"libs/{a,b}\"\n").toJS()).toEqual({ packages: ['apps/*', 'libs/{a,b}'] });
    const nested = `${'['.repeat(maxNesting)}${']'.repeat(maxNesting)}`;
    expect(() => parseJson(nested)).not.toThrow();
  });
});

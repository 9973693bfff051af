import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../analyzers/facts/extract-facts.js';

describe('imports written as types', () => {
  it('takes `import("./x").Name` and `typeof import("./x")` in types for type-only imports', () => {
    const declarations = [
      "declare namespace App { type T = import('./utils/translate').I18nT<'a'>; }",
      "type All = typeof import('./locals');",
      "type Deep = import('./ns').Outer.Inner;",
      "declare global { const isDark: typeof import('./composables/dark')['isDark'] }",
    ].join('\n');
    const facts = extractFacts('src/locals.d.ts', declarations);
    expect(facts.imports.map((fact) => `${fact.line} ${fact.specifier} ${fact.bindings.map((binding) => binding.imported).join(',')} ${fact.typeOnly}`)).toEqual([
      '1 ./utils/translate I18nT true',
      '3 ./ns Outer true',
      '4 ./composables/dark isDark true',
    ]);
    expect(facts.dynamicImports).toEqual([{ kind: 'import', line: 2, specifier: './locals' }]);
  });
});

import { describe, expect, it } from 'vitest';
import { changelogBetween } from '../../analyzers/drafts/changelog.js';

const conventional = `# Changelog

## [3.0.0](https://example.invalid/compare/v2.1.0...v3.0.0) (2024-05-01)

### ⚠ BREAKING CHANGES

* drop Node 16
* \`parse()\` returns a promise

### Features

* streaming

## [2.1.0](https://example.invalid/compare/v2.0.0...v2.1.0) (2024-02-01)

### Features

* options.strict

## 2.0.0 - 2023-10-01

- BREAKING: the default export is gone
- faster

# v1.0.0

- first
`;

describe('changelogBetween', () => {
  it('keeps the versions after the one in use up to the target, newest first, with their breaking changes', () => {
    const entries = changelogBetween(conventional, '1.0.0', '3.0.0');
    expect(entries.map((entry) => [entry.version, entry.breaking])).toEqual([
      ['3.0.0', ['drop Node 16', '`parse()` returns a promise']],
      ['2.1.0', []],
      ['2.0.0', ['BREAKING: the default export is gone']],
    ]);
    expect(entries[1]!.text).toContain('options.strict');
  });

  it('leaves out the version in use and those after the target', () => {
    expect(changelogBetween(conventional, '2.0.0', '2.1.0').map((entry) => entry.version)).toEqual(['2.1.0']);
    expect(changelogBetween('no headings here', '1.0.0', '2.0.0')).toEqual([]);
  });

  it('reads bold "Breaking" headings and keeps a long section readable', () => {
    const text = `## 5.0.0\n\n**Breaking changes**\n\n- removed \`x\`\n\n**Fixes**\n\n- a fix\n\n${'- line\n'.repeat(2000)}`;
    const [entry] = changelogBetween(text, '4.0.0', '5.0.0');
    expect(entry!.breaking).toEqual(['removed `x`']);
    expect(entry!.text.length).toBeLessThan(4_100);
  });
});

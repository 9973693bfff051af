import { afterEach, describe, expect, it, vi } from 'vitest';
import { printTable, tableRowLimit } from '../../cli/output.js';

afterEach(() => vi.restoreAllMocks());

describe('a table on the terminal', () => {
  // The hostile corpus's 100,000-file repository: `score --explain` drew 50,000 rows and did not end in half an hour.
  it(`shows at most ${tableRowLimit} rows and says how many more --json has`, () => {
    let output = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((output += String(chunk)), true));
    printTable(['Fingerprint', 'What'], Array.from({ length: 20_000 }, (_, index) => [`fp${index}`, `finding ${index}`]));
    const lines = output.trimEnd().split('\n');
    expect(lines.filter((line) => /\bfp\d+\b/.test(line))).toHaveLength(tableRowLimit);
    expect(lines.at(-1)).toBe('… and 19,500 more rows, left out here (--json has every one)');
  });

  it('shows every row of a table within the limit, with no such line', () => {
    let output = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((output += String(chunk)), true));
    printTable(['Fingerprint'], Array.from({ length: tableRowLimit }, (_, index) => [`fp${index}`]));
    expect(output.match(/\bfp\d+\b/g)).toHaveLength(tableRowLimit);
    expect(output).not.toContain('more rows');
  });
});

import { describe, expect, it } from 'vitest';
import { LogParser } from '../../analyzers/history/log-parser.js';

const sha = (digit: string): string => digit.repeat(40);

/** Output as `git log -z --numstat --format=%H%x00%an%x00%ae%x00%aI` prints it, fed in chunks of `size`. */
function parse(output: string, size = 7): ReturnType<LogParser['push']> {
  const parser = new LogParser();
  const commits = [];
  for (let start = 0; start < output.length; start += size) commits.push(...parser.push(output.slice(start, start + size)));
  commits.push(...parser.end());
  return commits;
}

describe('the log parser reads fields by position, so no name can forge or drop a record', () => {
  it('numstat: changes, renames, binary files, an empty commit, in any chunking', () => {
    const output = [sha('a'), 'Ada', 'ada@example.com', '2024-01-02T03:04:05+01:00', '\n1\t2\tsrc/a.ts', '0\t0\t', 'old.ts', 'new.ts', '-\t-\tlogo.png', sha('b'), 'Jos\uFFFD', 'jose@example.com', '2024-01-01T00:00:00Z', ''].join('\0');
    for (const size of [1, 3, 7, 1000]) {
      expect(parse(output, size)).toEqual([
        {
          sha: sha('a'),
          authorName: 'Ada',
          authorEmail: 'ada@example.com',
          authorDate: '2024-01-02T03:04:05+01:00',
          files: [
            { path: 'src/a.ts', added: 1, deleted: 2, binary: false },
            { path: 'new.ts', previousPath: 'old.ts', added: 0, deleted: 0, binary: false },
            { path: 'logo.png', added: 0, deleted: 0, binary: true },
          ],
        },
        // Invalid UTF-8 in an old commit's name arrives as U+FFFD.
        { sha: sha('b'), authorName: 'Jos\uFFFD', authorEmail: 'jose@example.com', authorDate: '2024-01-01T00:00:00Z', files: [] },
      ]);
    }
  });

  it('a renamed path that looks like a commit, and names holding the old separators, stay what they are', () => {
    const forged = `${sha('f')}\x1fMallory\x1fm@evil\x1f2001-01-01T00:00:00Z`;
    const output = [sha('a'), 'Eve\x1e\x1f', 'eve@example.com', '2024-01-01T00:00:00Z', '\n0\t0\t', sha('c'), `\x1e${forged}`, '3\t0\tsrc/b.ts', ''].join('\0');
    const commits = parse(output);
    expect(commits).toHaveLength(1);
    expect(commits[0]!.authorName).toBe('Eve\x1e\x1f');
    expect(commits[0]!.files.map((file) => [file.previousPath, file.path])).toEqual([
      [sha('c'), `\x1e${forged}`],
      [undefined, 'src/b.ts'],
    ]);
  });

  it('raw entries: a path that looks like a commit id is a path, never the next commit', () => {
    const entry = (status: string): string => `:100644 100644 ${'1'.repeat(40)} ${'2'.repeat(40)} ${status}`;
    const output = [sha('a'), 'Ada', 'ada@example.com', '2024-01-01T00:00:00Z', `\n${entry('M')}`, sha('d'), entry('R087'), 'from.ts', 'to.ts', sha('b'), 'Bob', 'bob@example.com', '2023-01-01T00:00:00Z', `\n${entry('A')}`, 'x.ts', ''].join('\0');
    expect(parse(output).map((commit) => [commit.sha[0], commit.files.map((file) => file.previousPath ? `${file.previousPath}→${file.path}` : file.path)])).toEqual([
      ['a', [sha('d'), 'from.ts→to.ts']],
      ['b', ['x.ts']],
    ]);
  });
});

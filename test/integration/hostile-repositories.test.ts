import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeadCodeReport } from '../../core/api/dead-code.js';
import type { HistoryReport } from '../../core/api/history.js';
import type { SnapshotReport } from '../../core/api/snapshots.js';
import { steward, stewardJson } from '../support/cli.js';
import { createRepository, git, temporaryDirectory } from '../support/git-fixture.js';
import { commitRaw, createHostileConfigRepository, markerFolder } from '../support/hostile-fixture.js';

describe("a repository's own git config cannot run anything", () => {
  const markers = markerFolder();
  const { repository, commitWithMissingBlob } = createHostileConfigRepository(join(temporaryDirectory(), 'hostile'), markers);
  const home = temporaryDirectory();

  it.each([
    ['scan', ['scan', repository, '--json']],
    ['complexity', ['complexity', repository, '--json']],
    ['deadcode', ['deadcode', repository, '--json']],
    ['hotspots', ['hotspots', repository, '--json']],
    ['deps --offline', ['deps', repository, '--offline', '--json']],
    ['history', ['history', repository, '--json']],
  ])('steward %s runs and executes nothing the config names', (_, args) => {
    const result = steward(home, args);
    expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect(result.status).toBe(0);
    expect(markers.markers()).toEqual([]);
  });

  it('the scan still reads the commit whose blob is missing, and says so', () => {
    const report = stewardJson<HistoryReport>(home, ['hotspots', repository]);
    expect(report.read.stored).toBe(3);
    expect(report.degraded.map((entry) => entry.sha)).toEqual([commitWithMissingBlob]);
    expect(markers.markers()).toEqual([]);
  });
});

/** Characters git's old record and field separators were: a name holding them must not forge or drop a record. */
const forgedSha = 'f'.repeat(40);
const forgingFile = `notes/\x1e${forgedSha}\x1fMallory\x1fmallory@evil.example\x1f2001-01-01T00:00:00+00:00`;
const forgingTouch = `\x01${forgedSha}\x022001-01-01T00:00:00+00:00\x02Mallory`;
/** An unused file whose name clears the screen of a terminal that prints it. */
const terminalEscape = 'src/\x1b[2J\x1b[Hcleared.ts';

describe('names that hold separator characters cannot forge or drop history', () => {
  const repository = createRepository(join(temporaryDirectory(), 'forged'), [
    {
      author: 'Ada Lovelace',
      email: 'ada@example.com',
      date: '2024-01-01T00:00:00Z',
      files: {
        'package.json': '{ "name": "forged", "main": "src/index.ts" }\n',
        'src/index.ts': 'export const main = 1;\n',
        'src/orphan.ts': 'export const orphan = 1;\n',
        [terminalEscape]: 'export const cleared = 1;\n',
      },
    },
    {
      author: 'Grace Hopper',
      email: 'grace@example.com',
      date: '2024-02-01T00:00:00Z',
      // The old reader took a path starting with \x01 for a commit header, except the commit's first path: `\x01` comes first.
      files: { '\x01': 'first\n', [forgingFile]: 'a\n', [forgingTouch]: 'b\n', 'src/orphan.ts': 'export const orphan = 2;\n' },
    },
    {
      author: 'Eve\x1eRecord\x1fField',
      email: 'eve@example.com',
      date: '2024-03-01T00:00:00Z',
      files: { 'src/index.ts': 'export const main = 2;\n' },
    },
  ]);
  const home = temporaryDirectory();
  const graceCommit = git(repository, ['rev-parse', 'HEAD~1']).trim();

  it('history: every commit once, by its real author, and no commit that does not exist', () => {
    const report = stewardJson<HistoryReport>(home, ['hotspots', repository]);
    expect(report.read.stored).toBe(3);
    expect(report.authors.map((author) => author.author).sort()).toEqual(['ada@example.com', 'eve@example.com', 'grace@example.com']);
    expect(report.authors.find((author) => author.author === 'eve@example.com')?.name).toBe('Eve\x1eRecord\x1fField');
    const files = new Map(report.files.map((file) => [file.path, file.revisions]));
    expect(files.get('src/orphan.ts')).toBe(2);
    expect(files.get('src/index.ts')).toBe(2);
    expect(files.get(forgingFile)).toBe(1);
    expect(files.get(forgingTouch)).toBe(1);
  });

  it('dead code: the last-touched evidence names the commit that changed the file', () => {
    const report = stewardJson<DeadCodeReport>(home, ['deadcode', repository]);
    const orphan = report.findings.find((finding) => finding.kind === 'file' && finding.path === 'src/orphan.ts');
    expect(orphan?.lastTouched).toEqual({ commit: graceCommit, date: '2024-02-01T00:00:00+00:00', author: 'Grace Hopper' });
  });

  it('the scan counts every contributor, separators and all', () => {
    const report = stewardJson<SnapshotReport>(home, ['scan', repository]);
    expect(report.summary.commits).toBe(3);
    expect(report.summary.topContributors.map((contributor) => contributor.name).sort()).toEqual(['Ada Lovelace', 'Eve\x1eRecord\x1fField', 'Grace Hopper']);
  });

  it('text reports print names with control characters escaped', () => {
    const result = steward(home, ['deadcode', repository]);
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain('\x1b');
    expect(result.stdout).toContain('src/\\x1b[2J\\x1b[Hcleared.ts');
  });
});

describe('commits dated outside 1970–9999 are kept out of time windows, never fatal', () => {
  const repository = createRepository(join(temporaryDirectory(), 'dates'), [
    { author: 'Ada Lovelace', email: 'ada@example.com', date: '2024-01-01T00:00:00Z', files: { 'src/index.ts': 'export const a = 1;\n' } },
  ]);
  const farFuture = commitRaw(repository, { author: 'Zed <zed@example.com>', timestamp: '253402300800', message: 'year 10000' });
  const beforeEpoch = commitRaw(repository, { author: 'Old <old@example.com>', timestamp: '-100000000', message: 'before 1970' });
  const home = temporaryDirectory();

  it('scan and hotspots succeed and name the commits left out', () => {
    const scan = stewardJson<SnapshotReport>(home, ['scan', repository]);
    expect(scan.summary.commits).toBe(3);
    expect(scan.summary.firstCommitAt).toBe('2024-01-01T00:00:00+00:00');
    // HEAD's own date is the one git cannot give: unknown, not invented.
    expect(scan.summary.lastCommitAt).toBeNull();
    const warning = scan.snapshot.warnings.find((text) => text.includes('outside 1970–9999'));
    expect(warning).toContain(farFuture.slice(0, 10));
    expect(warning).toContain(beforeEpoch.slice(0, 10));

    const hotspots = stewardJson<HistoryReport>(home, ['hotspots', repository]);
    expect(hotspots.read.stored).toBe(3);
    expect(hotspots.authors.map((author) => author.author)).toEqual(['ada@example.com']);
  });
});

describe('documents and patterns from the repository cannot crash or stall a scan', () => {
  const deep = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  const longName = `src/${'a'.repeat(200)}.ts`;
  const repository = createRepository(join(temporaryDirectory(), 'patterns'), [
    {
      author: 'Ada Lovelace',
      email: 'ada@example.com',
      date: '2024-01-01T00:00:00Z',
      files: {
        'package.json': JSON.stringify({ name: 'patterns', main: 'src/index.ts', workspaces: ['packages/*'] }),
        'packages/deep/package.json': deep(10_000),
        'tsconfig.json': deep(10_000),
        'pnpm-workspace.yaml': `packages: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
        'knip.json': JSON.stringify({ entry: [`${'*a'.repeat(200)}b`, '{1..99999999}/x.ts'], ignore: ['{a,b}'.repeat(30)] }),
        'steward.config.json': JSON.stringify({ deadCode: { ignore: [`${'*a'.repeat(200)}b`] } }),
        'src/index.ts': 'export const main = 1;\n',
        [longName]: 'export const long = 1;\n',
      },
    },
  ]);
  const home = temporaryDirectory();

  it.each([['scan'], ['complexity'], ['deadcode']])('steward %s finishes, and says what it refused', (command) => {
    const result = steward(home, [command, repository, '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const warnings = (JSON.parse(result.stdout) as { warnings?: string[]; snapshot?: { warnings: string[] } }).warnings ?? (JSON.parse(result.stdout) as { snapshot: { warnings: string[] } }).snapshot.warnings;
    expect(warnings.join('\n')).toMatch(/tsconfig\.json is nested more than 256 levels deep/);
    if (command !== 'complexity') expect(warnings.join('\n')).toMatch(/has a range of more than 256 values|expands to more than 256 alternatives/);
  });

  it('a steward.config.json glob that cannot be matched safely is refused with the defaults', () => {
    const bad = createRepository(join(temporaryDirectory(), 'bad-config'), [
      {
        author: 'Ada Lovelace',
        email: 'ada@example.com',
        date: '2024-01-01T00:00:00Z',
        files: { 'steward.config.json': JSON.stringify({ boundaries: [{ from: 'src/**', disallow: '{1..99999999}' }] }), 'src/index.ts': 'export const a = 1;\n' },
      },
    ]);
    const report = stewardJson<{ warnings: string[] }>(home, ['complexity', bad]);
    expect(report.warnings).toContainEqual(expect.stringMatching(/steward\.config\.json is invalid at boundaries\.0\.disallow: the glob "\{1\.\.99999999\}" has a range of more than 256 values; using the defaults/));
  });
});

describe('a damaged repository gives a warning or one line, never a stack trace', () => {
  const build = (name: string): string =>
    createRepository(join(temporaryDirectory(), name), [
      { author: 'Ada Lovelace', email: 'ada@example.com', date: '2024-01-01T00:00:00Z', files: { 'src/index.ts': 'export const a = 1;\n' } },
    ]);

  it('a corrupt index: the scan reads the commit and says it cannot tell about uncommitted changes', () => {
    const repository = build('corrupt-index');
    writeFileSync(join(repository, '.git', 'index'), 'garbage');
    const report = stewardJson<SnapshotReport>(temporaryDirectory(), ['scan', repository]);
    expect(report.summary.files).toBe(1);
    expect(report.snapshot.warnings).toContainEqual(expect.stringMatching(/^Whether the working tree has uncommitted changes is unknown \(git status failed: .*index/));
  });

  it("a missing tree object: exit 2 and one line that says so", () => {
    const repository = build('missing-tree');
    const tree = git(repository, ['rev-parse', 'HEAD^{tree}']).trim();
    rmSync(join(repository, '.git', 'objects', tree.slice(0, 2), tree.slice(2)));
    for (const command of ['scan', 'complexity', 'deadcode']) {
      const result = steward(temporaryDirectory(), [command, repository]);
      expect([command, result.status, result.stderr.split('\n').filter(Boolean)]).toEqual([
        command,
        2,
        [expect.stringMatching(/^steward: The files of commit [0-9a-f]{7} cannot be listed \(git ls-tree failed: .*\); the repository may be damaged/)],
      ]);
      expect(result.stderr).not.toContain('\0');
    }
  });
});

import { execFileSync } from 'node:child_process';
import { renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HistoryReport } from '../../core/api/history.js';
import { steward, stewardJson } from '../support/cli.js';
import { createRepository, git, temporaryDirectory } from '../support/git-fixture.js';
import { buildHistoryRepository as buildRepository, commitAs } from '../support/history-fixture.js';

type HotspotsJson = HistoryReport & { warnings: string[] };

describe('steward hotspots on a repository with a known history', () => {
  let home: string;
  let repository: string;
  let report: HotspotsJson;

  beforeAll(() => {
    home = temporaryDirectory();
    repository = buildRepository(join(temporaryDirectory(), 'known'));
    report = stewardJson<HotspotsJson>(home, ['hotspots', repository]);
  });

  it('ranks hotspots by revisions in the window × cognitive complexity', () => {
    expect(report.asOf).toBe('2024-08-01T10:00:00+00:00');
    expect(report.hotspots.map((spot) => `${spot.rank} ${spot.path} ${spot.revisions}×${spot.complexity} = ${spot.score}`)).toEqual([
      '1 src/core.ts 8×6 = 48',
      '2 src/api.ts 6×3 = 18',
    ]);
    const core = report.hotspots[0]!;
    expect(core.trend?.map((point) => point.complexity)).toEqual([6, 6, 6, 6, 6, 6, 6, 6]);
    expect(core.trend?.at(-1)?.date).toBe('2024-08-01T10:00:00+00:00');
  });

  it('gives exact revisions and churn per file, binaries counted with 0 lines', () => {
    const file = (path: string) => report.files.find((entry) => entry.path === path);
    expect(file('src/core.ts')).toMatchObject({ revisions: 8, authors: 2, lastChanged: '2024-08-01T10:00:00+00:00' });
    expect(file('assets/logo.png')).toMatchObject({ revisions: 1, added: 0, deleted: 0 });
    expect(file('legacy/old.ts')).toMatchObject({ revisions: 1, added: 10, deleted: 0, ageMonths: 18 });
  });

  it('finds the coupled pair with its code-maat degree', () => {
    expect(report.coupling).toEqual([
      { first: 'src/api.ts', second: 'src/core.ts', degree: 85, sharedRevisions: 6, firstRevisions: 6, secondRevisions: 8, averageRevisions: 7, crossesBoundary: false },
    ]);
  });

  it('names main developers, fragmentation and knowledge islands, and files whose owners left', () => {
    const file = (path: string) => report.files.find((entry) => entry.path === path)!;
    expect(file('legacy/old.ts')).toMatchObject({ mainDeveloper: 'Old Timer', mainDeveloperShare: 1, fragmentation: 0, knowledgeIsland: false, ownersInactive: true });
    expect(file('src/api.ts')).toMatchObject({ mainDeveloper: 'Ada Lovelace', mainDeveloperShare: 10 / 11, knowledgeIsland: false, ownersInactive: false });
    expect(file('src/api.ts').fragmentation).toBeCloseTo(1 - (10 / 11) ** 2 - (1 / 11) ** 2, 10);
    expect(report.authors.map((author) => `${author.name} ${author.commits}`)).toEqual(['Ada Lovelace 6', 'Grace Hopper 2', 'Old Timer 1']);
  });

  it('reads only new commits on the next run, and then agrees with a run from scratch', () => {
    expect(report.read).toMatchObject({ mode: 'full', read: 9, stored: 9 });
    commitAs(repository, 'noop', '2024-08-02T10:00:00Z');
    execFileSync('sh', ['-c', 'printf "// more\\n" >> src/api.ts'], { cwd: repository });
    commitAs(repository, 'more', '2024-08-03T10:00:00Z');
    const again = stewardJson<HotspotsJson>(home, ['hotspots', repository]);
    expect(again.read).toMatchObject({ mode: 'incremental', read: 2, stored: 11 });
    const fresh = stewardJson<HotspotsJson>(temporaryDirectory(), ['hotspots', repository]);
    expect(fresh.read).toMatchObject({ mode: 'full', read: 11 });
    const { read: _again, ...incremental } = again;
    const { read: _fresh, ...scratch } = fresh;
    expect(incremental).toEqual(scratch);

    git(repository, ['reset', '--quiet', '--hard', 'HEAD~1']);
    commitAs(repository, 'rewritten', '2024-08-04T10:00:00Z');
    const rewritten = stewardJson<HotspotsJson>(home, ['hotspots', repository]);
    expect(rewritten.read).toMatchObject({ mode: 'rewritten', read: 1, dropped: 1, stored: 11 });
  });
});

describe('steward hotspots on another folder of the same repository', () => {
  it('a moved clone and a worktree reuse the stored commit log and project layout, reading only what they lack', () => {
    const home = temporaryDirectory();
    const folder = temporaryDirectory();
    const first = stewardJson<HotspotsJson>(home, ['hotspots', buildRepository(join(folder, 'known'))]);
    expect(first.read).toMatchObject({ mode: 'full', read: 9 });
    const layouts = (): unknown => {
      const db = new BetterSqlite3(join(home, 'steward.db'), { readonly: true });
      try {
        return db.prepare('SELECT count(*) AS layouts FROM project_contexts').get();
      } finally {
        db.close();
      }
    };
    const before = layouts();

    renameSync(join(folder, 'known'), join(folder, 'moved'));
    const moved = stewardJson<HotspotsJson>(home, ['hotspots', join(folder, 'moved')]);
    expect(moved.read).toMatchObject({ mode: 'unchanged', read: 0, stored: 9 });
    expect(layouts()).toEqual(before);

    const worktree = join(folder, 'worktree');
    git(join(folder, 'moved'), ['worktree', 'add', '--quiet', '--detach', worktree]);
    commitAs(worktree, 'in the worktree', '2024-08-02T10:00:00Z');
    const there = stewardJson<HotspotsJson>(home, ['hotspots', worktree]);
    expect(there.read).toMatchObject({ mode: 'incremental', read: 1, stored: 10 });
    const { read: _there, ...reused } = there;
    const { read: _scratch, ...scratch } = stewardJson<HotspotsJson>(temporaryDirectory(), ['hotspots', worktree]);
    expect(reused).toEqual(scratch);
  });
});

describe('steward hotspots when the scanned branch changes', () => {
  it('keeps every commit the new tip has, through criss-cross merges with more than one merge base', () => {
    const repository = createRepository(join(temporaryDirectory(), 'criss-cross'), [
      { author: 'Ada Lovelace', email: 'ada@example.com', date: '2024-01-01T10:00:00Z', files: { 'a.ts': 'export const a = 1;\n' } },
    ]);
    const merge = (into: string, from: string, date: string): void => {
      git(repository, ['checkout', '--quiet', into]);
      git(repository, ['merge', '--quiet', '--no-ff', '-m', `merge ${from}`, from], { GIT_AUTHOR_NAME: 'Ada', GIT_AUTHOR_EMAIL: 'ada@example.com', GIT_AUTHOR_DATE: date, GIT_COMMITTER_NAME: 'Ada', GIT_COMMITTER_EMAIL: 'ada@example.com', GIT_COMMITTER_DATE: date });
    };
    git(repository, ['checkout', '--quiet', '-b', 'p']);
    writeFileSync(join(repository, 'p.ts'), 'export const p = 1;\n');
    commitAs(repository, 'P1', '2024-01-02T10:00:00Z');
    git(repository, ['checkout', '--quiet', '-b', 'q', 'main']);
    writeFileSync(join(repository, 'q.ts'), 'export const q = 1;\n');
    commitAs(repository, 'Q1', '2024-01-03T10:00:00Z');
    git(repository, ['branch', '--quiet', 'q-before', 'q']);
    merge('p', 'q-before', '2024-01-04T10:00:00Z');
    const home = temporaryDirectory();
    expect(stewardJson<HotspotsJson>(home, ['hotspots', repository]).read).toMatchObject({ mode: 'full', stored: 3 });
    git(repository, ['checkout', '--quiet', 'q']);
    git(repository, ['merge', '--quiet', '--no-ff', '-m', 'merge p', 'p~1'], { GIT_AUTHOR_NAME: 'Ada', GIT_AUTHOR_EMAIL: 'ada@example.com', GIT_AUTHOR_DATE: '2024-01-05T10:00:00Z', GIT_COMMITTER_NAME: 'Ada', GIT_COMMITTER_EMAIL: 'ada@example.com', GIT_COMMITTER_DATE: '2024-01-05T10:00:00Z' });
    const onQ = stewardJson<HotspotsJson>(home, ['hotspots', repository]);
    const fresh = stewardJson<HotspotsJson>(temporaryDirectory(), ['hotspots', repository]);
    expect(onQ.read.stored).toBe(3);
    expect(onQ.files.map((file) => file.path).sort()).toEqual(fresh.files.map((file) => file.path).sort());
    expect(onQ.authors).toEqual(fresh.authors);
  });

  it('ends the window at the committer date, so a rebased tip older by author date keeps its parents in view', () => {
    const repository = buildRepository(join(temporaryDirectory(), 'rebased'));
    writeFileSync(join(repository, 'src/core.ts'), 'export const rebased = 1;\n');
    git(repository, ['add', '--all']);
    git(repository, ['commit', '--quiet', '-m', 'authored long ago'], {
      GIT_AUTHOR_NAME: 'Ada Lovelace', GIT_AUTHOR_EMAIL: 'ada@example.com', GIT_AUTHOR_DATE: '2024-03-15T10:00:00Z',
      GIT_COMMITTER_NAME: 'Ada Lovelace', GIT_COMMITTER_EMAIL: 'ada@example.com', GIT_COMMITTER_DATE: '2024-08-10T10:00:00Z',
    });
    const report = stewardJson<HotspotsJson>(temporaryDirectory(), ['hotspots', repository]);
    expect(report.asOf).toBe('2024-08-10T10:00:00+00:00');
    expect(report.hotspots.find((spot) => spot.path === 'src/core.ts')?.revisions).toBe(9);
  });
});

describe('steward hotspots with settings from steward.config.json', () => {
  it('uses the configured window and coupling thresholds', () => {
    const repository = buildRepository(join(temporaryDirectory(), 'configured'));
    writeFileSync(join(repository, 'steward.config.json'), JSON.stringify({ history: { windowMonths: 1, coupling: { minSharedRevisions: 7 } } }));
    commitAs(repository, 'settings', '2024-08-01T11:00:00Z');
    const report = stewardJson<HotspotsJson>(temporaryDirectory(), ['hotspots', repository]);
    expect(report.windowMonths).toBe(1);
    expect(report.hotspots.map((spot) => `${spot.path} ${spot.revisions}`)).toEqual(['src/core.ts 1']);
    expect(report.couplingThresholds).toEqual({ minRevisions: 5, minSharedRevisions: 7, minDegree: 30, maxDegree: 100, maxChangesetSize: 30 });
    expect(report.coupling).toEqual([]);
  });
});

describe('steward hotspots on damaged and unusual repositories', () => {
  it('survives a missing blob: the commit counts without line counts, with a warning', () => {
    const repository = buildRepository(join(temporaryDirectory(), 'missing'));
    // The logo is added by the last commit and never changed: only that commit's diff needs it.
    const blob = git(repository, ['rev-parse', 'HEAD:assets/logo.png']).trim();
    unlinkSync(join(repository, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
    const report = stewardJson<HotspotsJson>(temporaryDirectory(), ['hotspots', repository]);
    expect(report.read.read).toBe(9);
    expect(report.degraded.map((entry) => entry.sha)).toEqual([git(repository, ['rev-parse', 'HEAD']).trim()]);
    expect(report.warnings.join('\n')).toMatch(/could not read the content of 1 commit/);
    expect(report.files.find((file) => file.path === 'src/core.ts')).toMatchObject({ revisions: 8 });
    expect(report.files.find((file) => file.path === 'assets/logo.png')).toMatchObject({ revisions: 1, added: 0 });
  });

  it('degrades only the commits that need the missing blob, not the one git finished before dying', () => {
    const body = Array.from({ length: 40 }, (_, index) => `export const value${index} = ${index};`).join('\n');
    const repository = createRepository(join(temporaryDirectory(), 'renamed'), [
      { author: 'Ada Lovelace', email: 'ada@example.com', date: '2024-01-01T10:00:00Z', files: { 'src/old.ts': `${body}\n` } },
    ]);
    const lost = git(repository, ['rev-parse', 'HEAD:src/old.ts']).trim();
    git(repository, ['mv', 'src/old.ts', 'src/new.ts']);
    writeFileSync(join(repository, 'src/new.ts'), `${body}\nexport const more = 1;\n`);
    commitAs(repository, 'rename with an edit', '2024-01-02T10:00:00Z');
    writeFileSync(join(repository, 'README.md'), '# later\n');
    commitAs(repository, 'later', '2024-01-03T10:00:00Z');
    unlinkSync(join(repository, '.git', 'objects', lost.slice(0, 2), lost.slice(2)));
    const report = stewardJson<HotspotsJson>(temporaryDirectory(), ['hotspots', repository]);
    const [later, renamed, first] = git(repository, ['rev-list', 'HEAD']).trim().split('\n');
    expect(report.degraded.map((entry) => entry.sha).sort()).toEqual([first, renamed].sort());
    expect(report.degraded.map((entry) => entry.sha)).not.toContain(later);
    expect(report.files.find((file) => file.path === 'README.md')).toMatchObject({ revisions: 1, added: 1 });
  });

  it('says how much history a shallow clone shows', () => {
    const source = buildRepository(join(temporaryDirectory(), 'deep'));
    const shallow = join(temporaryDirectory(), 'shallow');
    execFileSync('git', ['clone', '--quiet', '--depth', '3', `file://${source}`, shallow]);
    const report = stewardJson<HotspotsJson>(temporaryDirectory(), ['hotspots', shallow]);
    expect(report.read.read).toBe(3);
    expect(report.warnings.join('\n')).toMatch(/shallow clone: only 3 commits/);
  });

  it('skips a submodule and says so', () => {
    const inner = buildRepository(join(temporaryDirectory(), 'inner'));
    const outer = buildRepository(join(temporaryDirectory(), 'outer'));
    git(outer, ['-c', 'protocol.file.allow=always', 'submodule', '--quiet', 'add', inner, 'vendor/inner']);
    commitAs(outer, 'submodule', '2024-08-05T10:00:00Z');
    const report = stewardJson<HotspotsJson>(temporaryDirectory(), ['hotspots', outer]);
    expect(report.warnings.join('\n')).toMatch(/submodule.*vendor\/inner/);
    expect(report.files.some((file) => file.path.startsWith('vendor/inner'))).toBe(false);
  });

  it('reads an author name that is not UTF-8', () => {
    const repository = buildRepository(join(temporaryDirectory(), 'latin1'));
    const tree = git(repository, ['rev-parse', 'HEAD^{tree}']).trim();
    const parent = git(repository, ['rev-parse', 'HEAD']).trim();
    const object = Buffer.concat([
      Buffer.from(`tree ${tree}\nparent ${parent}\nauthor `),
      Buffer.from('Jos\xe9 M\xfcller', 'latin1'),
      Buffer.from(' <jose@example.com> 1722938400 +0000\ncommitter Jose <jose@example.com> 1722938400 +0000\n\nlatin-1 name\n'),
    ]);
    const commit = execFileSync('git', ['hash-object', '-t', 'commit', '-w', '--stdin'], { cwd: repository, input: object, encoding: 'utf8' }).trim();
    git(repository, ['update-ref', 'refs/heads/main', commit]);
    const report = stewardJson<HotspotsJson>(temporaryDirectory(), ['hotspots', repository]);
    expect(report.authors.some((author) => author.name.startsWith('Jos') && author.author === 'jose@example.com')).toBe(true);
  });

  it('refuses an empty repository with a one-line reason (exit 2)', () => {
    const empty = join(temporaryDirectory(), 'empty');
    createRepository(empty, []);
    const result = steward(temporaryDirectory(), ['hotspots', empty]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/has no commits yet/);
    rmSync(empty, { recursive: true, force: true });
  });
});

describe('hotspot trends of large files', () => {
  /** Version `index` of a 300 KB file: `index + 1` nested ifs in its last function, so each point of the trend differs. */
  const version = (index: number): string =>
    `${Array.from({ length: 6000 }, (_, line) => `export const value${line} = ${line};`).join('\n')}\nexport function grows(a: number) {\n${'  if (a > 0) {\n'.repeat(index + 1)}${'  }\n'.repeat(index + 1)}  return a;\n}\n`;

  it('measures part of the past versions on the first scan and fills the trend in over the next scans', () => {
    const home = temporaryDirectory();
    const repository = createRepository(
      join(temporaryDirectory(), 'large'),
      Array.from({ length: 12 }, (_, index) => ({
        author: 'Ada',
        email: 'ada@example.com',
        date: `2024-0${1 + Math.floor(index / 2)}-${index % 2 === 0 ? '01' : '15'}T10:00:00Z`,
        files: { 'src/big.ts': version(index) },
      })),
    );
    const trendOf = (report: HotspotsJson) => report.hotspots.find((spot) => spot.path === 'src/big.ts')!.trend ?? [];

    // 12 versions of about 200 KB do not fit one scan's 1 MB of parsing: the first scan measures the
    // newest (parsed for the scan itself), the oldest and points between; the rest waits.
    const first = stewardJson<HotspotsJson>(home, ['hotspots', repository]);
    const firstTrend = trendOf(first);
    expect(first.trendPointsPending).toBeGreaterThan(0);
    expect(firstTrend.length + first.trendPointsPending).toBe(12);
    expect(firstTrend.map((point) => point.complexity).at(0)).toBe(1);
    expect(firstTrend.map((point) => point.complexity).at(-1)).toBe(78);

    // Each later scan measures more (what was parsed before is cached) until the trend is whole.
    let pending = first.trendPointsPending;
    let report = first;
    for (let scan = 0; scan < 3 && pending > 0; scan++) {
      report = stewardJson<HotspotsJson>(home, ['hotspots', repository]);
      expect(report.trendPointsPending).toBeLessThan(pending);
      pending = report.trendPointsPending;
    }
    expect(pending).toBe(0);
    // Oldest first, one point per version, each more complex than the one before.
    const complexities = trendOf(report).map((point) => point.complexity);
    expect(complexities).toHaveLength(12);
    expect(complexities).toEqual([...complexities].sort((a, b) => a - b));
    expect(new Set(complexities).size).toBe(12);
  });
});

import { describe, expect, it } from 'vitest';
import { activityByWeek, weekOf } from '../../analyzers/history/activity.js';
import { changeCoupling, defaultCouplingOptions } from '../../analyzers/history/change-coupling.js';
import { codeAge, monthsBetween } from '../../analyzers/history/code-age.js';
import type { CommitRecord } from '../../analyzers/history/commit-record.js';
import { followRenames } from '../../analyzers/history/follow-renames.js';
import { rankHotspots } from '../../analyzers/history/hotspots.js';
import { ownershipByFile, ownershipByFolder, tallyAuthors } from '../../analyzers/history/ownership.js';
import { churnByFolder, revisionsByFile } from '../../analyzers/history/revisions.js';

let sequence = 0;
/** A commit touching `files` (path → added lines); newest-first lists are built by the tests. */
function commit(author: string, date: string, files: Record<string, number>, renames: Record<string, string> = {}): CommitRecord {
  sequence++;
  return {
    sha: sequence.toString(16).padStart(40, '0'),
    authorName: author,
    authorEmail: `${author.toLowerCase().replace(/\s+/g, '.')}@example.com`,
    authorDate: date,
    files: Object.entries(files).map(([path, added]) => ({ path, added, deleted: Math.floor(added / 2), binary: false, ...(renames[path] ? { previousPath: renames[path] } : {}) })),
  };
}

/** `count` commits by Ada on 2024-03-01 touching the given files together. */
const together = (count: number, ...paths: string[]): CommitRecord[] =>
  Array.from({ length: count }, () => commit('Ada', '2024-03-01T10:00:00Z', Object.fromEntries(paths.map((path) => [path, 1]))));

describe('change coupling (code-maat)', () => {
  it('computes degree = shared ÷ mean revisions × 100, truncated, and applies every threshold inclusively', () => {
    const filler = (prefix: string, count: number): Record<string, number> => Object.fromEntries(Array.from({ length: count }, (_, index) => [`fill/${prefix}${index}.ts`, 1]));
    const commits = [
      ...together(6, 'src/a.ts', 'src/b.ts'),
      ...together(2, 'src/a.ts'),
      // Shared commits: 5 is in, 4 is out.
      ...together(5, 'src/c.ts', 'src/d.ts'),
      ...together(4, 'src/e.ts', 'src/f.ts'),
      ...together(1, 'src/e.ts'),
      ...together(1, 'src/f.ts'),
      // Degree: 6 ÷ mean(6, 34) = 30 % is in; 6 ÷ mean(6, 35) = 29.27 % is out.
      ...together(6, 'lib/g.ts', 'app/h.ts'),
      ...together(28, 'app/h.ts'),
      ...together(6, 'lib/i.ts', 'lib/j.ts'),
      ...together(29, 'lib/j.ts'),
      // Change sets: 30 files count, 31 do not.
      ...together(4, 'src/k.ts', 'src/l.ts'),
      commit('Ada', '2024-03-01T10:00:00Z', { 'src/k.ts': 1, 'src/l.ts': 1, ...filler('k', 28) }),
      ...together(4, 'src/m.ts', 'src/n.ts'),
      commit('Ada', '2024-03-01T10:00:00Z', { 'src/m.ts': 1, 'src/n.ts': 1, ...filler('m', 29) }),
    ];
    const topFolder = (path: string): string => path.split('/')[0]!;
    const pairs = changeCoupling(commits, topFolder);
    expect(pairs.map((pair) => `${pair.first}+${pair.second} ${pair.degree}% shared ${pair.sharedRevisions} avg ${pair.averageRevisions} ${pair.crossesBoundary ? 'across' : 'within'}`)).toEqual([
      'src/c.ts+src/d.ts 100% shared 5 avg 5 within',
      'src/k.ts+src/l.ts 100% shared 5 avg 5 within',
      'src/a.ts+src/b.ts 85% shared 6 avg 7 within',
      'app/h.ts+lib/g.ts 30% shared 6 avg 20 across',
    ]);
  });

  it('needs the mean revisions to reach min-revs', () => {
    const commits = [...together(3, 'a.ts', 'b.ts')];
    expect(changeCoupling(commits, () => '', { ...defaultCouplingOptions, minRevisions: 3, minSharedRevisions: 3 })).toHaveLength(1);
    expect(changeCoupling(commits, () => '', { ...defaultCouplingOptions, minRevisions: 4, minSharedRevisions: 3 })).toHaveLength(0);
  });
});

describe('revisions, churn and hotspots', () => {
  const commits = followRenames([
    commit('Ada', '2024-05-01T10:00:00Z', { 'src/new-name.ts': 4 }),
    commit('Grace', '2024-04-01T10:00:00Z', { 'src/new-name.ts': 0 }, { 'src/new-name.ts': 'src/old-name.ts' }),
    commit('Grace', '2024-03-01T10:00:00Z', { 'src/old-name.ts': 10, 'src/util.ts': 6 }),
    commit('Ada', '2024-02-01T10:00:00Z', { 'src/util.ts': 20, 'docs/guide.md': 8 }),
  ]);

  it('counts revisions, churn and authors per file across renames, and per folder', () => {
    const revisions = revisionsByFile(commits);
    expect(revisions.get('src/new-name.ts')).toEqual({ path: 'src/new-name.ts', revisions: 3, added: 14, deleted: 7, authors: 2, lastChanged: '2024-05-01T10:00:00Z' });
    expect(revisions.has('src/old-name.ts')).toBe(false);
    expect(revisions.get('src/util.ts')).toMatchObject({ revisions: 2, added: 26, deleted: 13 });
    expect(churnByFolder(commits)).toEqual([
      { folder: '', revisions: 4, added: 48, deleted: 24, files: 3 },
      { folder: 'docs', revisions: 1, added: 8, deleted: 4, files: 1 },
      { folder: 'src', revisions: 4, added: 40, deleted: 20, files: 2 },
    ]);
  });

  it('ranks hotspots by revisions × complexity, with lines only where the parser stumbled', () => {
    const complexity = new Map([
      ['src/new-name.ts', { cognitive: 5, lines: 100 }],
      ['src/util.ts', { cognitive: null, lines: 9 }],
    ]);
    expect(rankHotspots(revisionsByFile(commits), complexity).map((spot) => `${spot.rank} ${spot.path} ${spot.revisions}×${spot.complexity} ${spot.measure} = ${spot.score}`)).toEqual([
      '1 src/util.ts 2×9 lines = 18',
      '2 src/new-name.ts 3×5 cognitive = 15',
    ]);
  });
});

describe('ownership', () => {
  const asOf = new Date('2024-12-31T00:00:00Z');
  const commits = [
    commit('Ada', '2024-12-01T10:00:00Z', { 'src/owned.ts': 96, 'src/shared.ts': 50 }),
    commit('Grace', '2024-11-01T10:00:00Z', { 'src/owned.ts': 4, 'src/shared.ts': 30 }),
    commit('Linus', '2024-01-01T10:00:00Z', { 'src/shared.ts': 20 }),
    commit('Old Timer', '2024-06-29T10:00:00Z', { 'legacy/old.ts': 40 }),
    commit('Ada', '2024-06-01T10:00:00Z', { 'legacy/solo.ts': 95, 'legacy/old.ts': 10 }),
    commit('Grace', '2024-06-01T11:00:00Z', { 'legacy/solo.ts': 5 }),
  ];

  it('names the main developer by added lines, with fragmentation 1 − Σ share², knowledge islands and inactive owners', () => {
    const files = ownershipByFile(tallyAuthors(commits, asOf));
    const line = (path: string): string => {
      const file = files.find((candidate) => candidate.path === path)!;
      return `${file.mainDeveloper.name} ${file.mainDeveloper.share.toFixed(2)} fragmentation ${file.fragmentation.toFixed(4)} island ${file.knowledgeIsland} inactive ${file.ownersInactive}`;
    };
    expect(line('src/owned.ts')).toBe('Ada 0.96 fragmentation 0.0768 island true inactive false');
    expect(line('src/shared.ts')).toBe('Ada 0.50 fragmentation 0.6200 island false inactive false');
    // Old Timer's last commit is more than 6 months before asOf; Ada (20 %) is an owner too and active.
    expect(line('legacy/old.ts')).toBe('Old Timer 0.80 fragmentation 0.3200 island false inactive false');
    // 95 % exactly is an island.
    expect(line('legacy/solo.ts')).toBe('Ada 0.95 fragmentation 0.0950 island true inactive false');
  });

  it('calls a file orphaned when every author with ≥ 20 % of it is inactive', () => {
    const files = ownershipByFile(tallyAuthors([commit('Old Timer', '2023-01-01T10:00:00Z', { 'x.ts': 8 }), commit('Ada', '2024-12-01T10:00:00Z', { 'y.ts': 1 })], asOf));
    expect(files.find((file) => file.path === 'x.ts')).toMatchObject({ ownersInactive: true, knowledgeIsland: false });
  });

  it('flags knowledge islands and inactive owners on files of code only, not on lockfiles, dotfiles, data or prose', () => {
    const paths = ['src/app.ts', 'src/view.vue', 'src/style.css', 'package.json', 'yarn.lock', '.gitignore', 'README.md', 'ci.yml'];
    const alone = Object.fromEntries(paths.map((path) => [path, 10]));
    const files = ownershipByFile(tallyAuthors([commit('Ada', '2024-12-01T10:00:00Z', alone), commit('Old Timer', '2023-01-01T10:00:00Z', Object.fromEntries(paths.map((path) => [`old/${path}`, 10])))], asOf));
    const flagged = (flag: 'knowledgeIsland' | 'ownersInactive'): string[] => files.filter((file) => file[flag]).map((file) => file.path);
    expect(flagged('knowledgeIsland')).toEqual(['src/app.ts', 'src/style.css', 'src/view.vue']);
    expect(flagged('ownersInactive')).toEqual(['old/src/app.ts', 'old/src/style.css', 'old/src/view.vue']);
    expect(files).toHaveLength(paths.length * 2);
  });

  it('sums ownership per folder', () => {
    const tally = tallyAuthors(commits, asOf);
    const folders = ownershipByFolder(tally, ownershipByFile(tally));
    expect(folders.find((folder) => folder.folder === 'src')).toMatchObject({ mainDeveloper: { name: 'Ada', added: 146 }, authors: 3, files: 2, knowledgeIslands: 1 });
    expect(folders.map((folder) => folder.folder)).toEqual(['', 'legacy', 'src']);
  });
});

describe('code age and activity', () => {
  it('counts whole months since the last change', () => {
    expect(monthsBetween(new Date('2024-01-31T12:00:00Z'), new Date('2024-02-29T12:00:00Z'))).toBe(0);
    expect(monthsBetween(new Date('2024-01-15T00:00:00Z'), new Date('2024-03-15T00:00:00Z'))).toBe(2);
    expect(codeAge([{ path: 'a.ts', revisions: 1, added: 1, deleted: 0, authors: 1, lastChanged: '2023-12-31T23:00:00Z' }], new Date('2024-12-31T23:00:00Z'))).toEqual([
      { path: 'a.ts', lastChanged: '2023-12-31T23:00:00Z', ageMonths: 12 },
    ]);
  });

  it('groups commits by ISO week (Monday, UTC)', () => {
    expect(weekOf('2024-03-03T23:30:00-02:00')).toBe('2024-03-04');
    expect(weekOf('2024-03-03T10:00:00Z')).toBe('2024-02-26');
    const weeks = activityByWeek([commit('Ada', '2024-03-05T10:00:00Z', { 'a.ts': 3 }), commit('Grace', '2024-03-04T10:00:00Z', { 'a.ts': 2 })]);
    expect(weeks).toEqual([{ week: '2024-03-04', commits: 2, authors: 2, added: 5, deleted: 2 }]);
  });
});

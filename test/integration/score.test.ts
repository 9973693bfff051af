import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HealthForecastReport, HealthScoreReport } from '../../core/api/health.js';
import { steward, stewardJson } from '../support/cli.js';
import { createRepository, git, temporaryDirectory } from '../support/git-fixture.js';
import { complexFunction, util } from '../support/shop-fixture.js';

type ScoreJson = HealthScoreReport & { repository: { name: string } };

const itemsOf = (report: HealthScoreReport) => report.categories.flatMap((category) => category.items);

describe('steward score', () => {
  const home = temporaryDirectory();
  const repository = createRepository(join(temporaryDirectory(), 'shop'), [
    {
      author: 'Ada',
      email: 'ada@example.com',
      date: '2024-01-01T09:00:00Z',
      files: {
        'package.json': JSON.stringify({ name: 'shop', private: true, type: 'module', main: 'src/index.ts' }),
        'src/index.ts': "import { total } from './orders.js';\nimport { format } from './format.js';\nexport const answer = format(total([]));\n",
        'src/orders.ts': complexFunction('total'),
        'src/format.ts': util,
      },
    },
  ]);

  it('refuses a repository scanned never, in one line (exit 2)', () => {
    const result = steward(home, ['score', repository]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('scores the open items against the lines of code, lists the items behind every lost point, and gives an item’s points back exactly when it is dismissed', () => {
    stewardJson(home, ['scan', repository, '--offline']);
    const before = stewardJson<ScoreJson>(home, ['score', repository, '--json']);
    expect(before.formula).toBe('health-2');
    expect(before.score).not.toBeNull();
    expect(before.score!).toBeLessThan(100);
    const lost = itemsOf(before).reduce((sum, item) => sum + item.points, 0);
    expect(lost).toBeCloseTo(100 - before.score!, 9);
    expect(before.categories.find((category) => category.category === 'complexity')!.items.map((item) => item.kind)).toEqual(['complex-function']);
    const unused = itemsOf(before).find((item) => item.kind === 'unused-export')!;
    expect(unused.title).toContain('legacyTotal');

    expect(steward(home, ['item', 'dismiss', unused.fingerprint, '--reason', 'kept for the billing plugin']).status).toBe(0);
    const after = stewardJson<ScoreJson>(home, ['score', repository, '--json']);
    expect(after.score! - before.score!).toBeCloseTo(unused.points, 9);
    expect(itemsOf(after).map((item) => item.fingerprint)).not.toContain(unused.fingerprint);

    const text = steward(home, ['score', repository, '--explain']).stdout;
    expect(text).toContain(`health ${after.score!.toFixed(1)} of 100`);
    expect(text).toContain('Complexity: ');
  });
});

describe('steward forecast', () => {
  it('fits the trend of the scores its scans stored, one point per commit, and dates the fall below the threshold', () => {
    const home = temporaryDirectory();
    const weeks = ['2024-03-04', '2024-03-11', '2024-03-18', '2024-03-25', '2024-04-01'];
    const files = {
      'package.json': JSON.stringify({ name: 'shop', private: true, type: 'module', main: 'src/index.ts' }),
      'src/index.ts': "export * from './catalog.js';\nexport const ready = true;\n",
      // Simple code enough that a week's new function changes the debt more than the size.
      'src/catalog.ts': Array.from({ length: 100 }, (_, index) => `export function price${index}(quantity: number): number {\n  return quantity * ${index + 1};\n}\n`).join('\n'),
    };
    const repository = createRepository(join(temporaryDirectory(), 'shop'), [{ author: 'Ada', email: 'ada@example.com', date: `${weeks[0]}T09:00:00Z`, files }]);
    expect(steward(home, ['forecast', repository]).status).toBe(2);
    stewardJson(home, ['scan', repository, '--offline']);
    expect(stewardJson<HealthForecastReport>(home, ['forecast', repository, '--json']).forecast).toEqual({ kind: 'too-few-points', points: 1, needed: 4 });
    // Every week, one more complex function: the score falls.
    for (const [index, date] of weeks.slice(1).entries()) {
      writeFileSync(join(repository, `src/orders-${index}.ts`), complexFunction(`total${index}`));
      writeFileSync(join(repository, 'src/index.ts'), `${weeks.slice(1, index + 2).map((_, at) => `export { total${at} } from './orders-${at}.js';`).join('\n')}\nexport * from './catalog.js';\nexport const ready = true;\n`);
      const stamp = `${date}T09:00:00Z`;
      git(repository, ['add', '--all']);
      git(repository, ['commit', '--quiet', '--message', `week ${index + 1}`], { GIT_AUTHOR_NAME: 'Ada', GIT_AUTHOR_EMAIL: 'ada@example.com', GIT_COMMITTER_NAME: 'Ada', GIT_COMMITTER_EMAIL: 'ada@example.com', GIT_AUTHOR_DATE: stamp, GIT_COMMITTER_DATE: stamp });
      stewardJson(home, ['scan', repository, '--offline']);
    }
    // A second scan of the same commit is not a second point.
    stewardJson(home, ['scan', repository, '--offline']);
    const report = stewardJson<HealthForecastReport>(home, ['forecast', repository, '--json', '--threshold', '50']);
    expect(report.points.map((point) => point.at.slice(0, 10))).toEqual(weeks);
    const scores = report.points.map((point) => point.score);
    expect(scores, JSON.stringify(scores)).toEqual([...scores].sort((a, b) => b - a));
    expect(new Set(scores).size).toBe(scores.length);
    expect(report.forecast.kind).toBe('crossing');
    if (report.forecast.kind !== 'crossing') return;
    expect(report.forecast.trend.perWeek).toBeLessThan(0);
    expect(Date.parse(report.forecast.at)).toBeGreaterThan(Date.parse(`${weeks.at(-1)}T09:00:00Z`));
    expect(Date.parse(report.forecast.earliest)).toBeLessThanOrEqual(Date.parse(report.forecast.at));
    expect(steward(home, ['forecast', repository, '--threshold', '50']).stdout).toContain(`falls below 50 around ${report.forecast.at.slice(0, 10)}`);
    // The latest score against the one a week before it.
    const now = stewardJson<ScoreJson>(home, ['score', repository, '--json']);
    expect(now.changeSinceWeek).toBeCloseTo(scores.at(-1)! - scores.at(-2)!, 6);
    expect(stewardJson<ScoreJson>(home, ['score', repository, '--json', '--folder', 'src']).changeSinceWeek).toBeNull();
  });
});

describe('steward forecast by folder', () => {
  it("dates the week a folder's complexity crosses the threshold within a week of the true one, from a backfilled history", () => {
    // Ten weekly commits; every function of src/editor gains one branch a week: cognitive 3 in week 0, 12 in week 9, 15 (the threshold) in week 12.
    const monday = Date.parse('2024-01-01T09:00:00Z');
    const week = 7 * 86_400_000;
    const branches = (count: number) => Array.from({ length: count }, (_, index) => `  if (input > ${index}) result += ${index};`).join('\n');
    const editor = (complexity: number) =>
      Object.fromEntries(
        Array.from({ length: 10 }, (_, index) => [`src/editor/tool-${index}.ts`, `export function tool${index}(input: number): number {\n  let result = 0;\n${branches(complexity)}\n  return result;\n}\n`]),
      );
    const index = Array.from({ length: 10 }, (_, at) => `export { tool${at} } from './editor/tool-${at}.js';`).join('\n');
    const commits = Array.from({ length: 10 }, (_, at) => ({
      author: 'Ada',
      email: 'ada@example.com',
      date: new Date(monday + at * week).toISOString(),
      files: { 'package.json': JSON.stringify({ name: 'editor', private: true, type: 'module', main: 'src/index.ts' }), 'src/index.ts': `${index}\n`, ...editor(3 + at) },
    }));
    const repository = createRepository(join(temporaryDirectory(), 'editor'), commits);
    const home = temporaryDirectory();
    stewardJson(home, ['scan', repository, '--offline']);
    stewardJson(home, ['backfill', repository, '--count', '9']);
    const report = stewardJson<HealthForecastReport>(home, ['forecast', repository, '--complexity', '15']);
    const folder = report.folders.find((entry) => entry.folder === 'src/editor')!;
    expect(folder.complexity.series.map((point) => point.value)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(folder.complexity.changeSinceWeek).toBe(1);
    expect(folder.complexity.forecast.kind).toBe('crossing');
    if (folder.complexity.forecast.kind !== 'crossing') return;
    expect(Math.abs(Date.parse(folder.complexity.forecast.at) - (monday + 12 * week))).toBeLessThanOrEqual(week);
    // The folder's effort: its items in the latest score's breakdown.
    const score = stewardJson<HealthScoreReport>(home, ['score', repository]);
    const minutes = score.categories.flatMap((part) => part.items).filter((item) => item.path?.startsWith('src/editor/')).reduce((sum, item) => sum + item.effortMinutes, 0);
    expect(minutes).toBeGreaterThan(0);
    expect(folder.effortHours.series.at(-1)!.value).toBeCloseTo(minutes / 60, 2);
    expect(report.folders.find((entry) => entry.folder === 'src')!.effortHours.series.at(-1)!.value).toBeGreaterThanOrEqual(folder.effortHours.series.at(-1)!.value);
    expect(steward(home, ['forecast', repository, '--complexity', '15']).stdout).toMatch(new RegExp(`src/editor .*${folder.complexity.forecast.at.slice(0, 10)}`));
  });
});

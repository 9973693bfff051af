/**
 * A repository whose history numbers are known by hand, for the history engine's tests.
 */
import { createRepository, git } from './git-fixture.js';

const lines = (count: number, tag: string): string => Array.from({ length: count }, (_, index) => `export const ${tag}${index} = ${index};`).join('\n') + '\n';
/** A function with cognitive complexity 3 (if + nested if at depth 1), repeated `times` times. */
const branchy = (times: number, tag: string): string =>
  Array.from({ length: times }, (_, index) => `export function ${tag}${index}(a: number) {\n  if (a > 0) {\n    if (a > 1) return 2;\n  }\n  return 0;\n}\n`).join('');

const ada = { author: 'Ada Lovelace', email: 'ada@example.com' };
const grace = { author: 'Grace Hopper', email: 'grace@example.com' };
const old = { author: 'Old Timer', email: 'old@example.com' };

/** Commits everything in the work tree (or nothing) as Ada at a fixed date. */
export function commitAs(repository: string, message: string, date: string): void {
  git(repository, ['add', '--all']);
  git(repository, ['commit', '--quiet', '--allow-empty', '-m', message], {
    GIT_AUTHOR_NAME: ada.author,
    GIT_AUTHOR_EMAIL: ada.email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: ada.author,
    GIT_COMMITTER_EMAIL: ada.email,
    GIT_COMMITTER_DATE: date,
  });
}

/**
 * Nine commits whose every number is known by hand:
 * - src/core.ts (cognitive complexity 6) and src/api.ts (3) change together 6 times, core.ts alone
 *   twice more: revisions 8 and 6, coupling 6 ÷ mean(8, 6) = 85 %.
 * - src/api.ts: Ada wrote 6 + 4 lines, Grace 1: Ada's 91 % is no knowledge island.
 * - legacy/old.ts: written by Old Timer 18 months before the last commit; nobody active owns it,
 *   and it is outside the 12-month hotspot window.
 */
export function buildHistoryRepository(folder: string): string {
  const commits: Parameters<typeof createRepository>[1][number][] = [
    { ...old, date: '2023-01-10T10:00:00Z', files: { 'legacy/old.ts': lines(10, 'old'), 'README.md': '# Fixture\n' } },
    { ...ada, date: '2024-01-05T10:00:00Z', files: { 'src/core.ts': branchy(2, 'core'), 'src/api.ts': branchy(1, 'api') } },
  ];
  for (let index = 0; index < 5; index++) {
    const who = index < 4 ? ada : grace;
    commits.push({
      ...who,
      date: `2024-0${index + 2}-01T10:00:00Z`,
      files: { 'src/core.ts': `${branchy(2, 'core')}// ${index}\n`, 'src/api.ts': `${branchy(1, 'api')}// ${index}\n` },
    });
  }
  commits.push({ ...ada, date: '2024-07-01T10:00:00Z', files: { 'src/core.ts': `${branchy(2, 'core')}// 5\n// x\n` } });
  commits.push({ ...grace, date: '2024-08-01T10:00:00Z', files: { 'src/core.ts': `${branchy(2, 'core')}// 6\n`, 'assets/logo.png': new Uint8Array([0, 1, 2, 3]) } });
  return createRepository(folder, commits);
}


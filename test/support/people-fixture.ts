/**
 * A repository whose authors Steward must count right: one person under two emails, and a bot.
 */
import { createRepository } from './git-fixture.js';

const lines = (count: number, tag: string): string => Array.from({ length: count }, (_, index) => `export const ${tag}${index} = ${index};`).join('\n') + '\n';

const ada = { author: 'Ada Lovelace', email: 'ada@work.example' };
const adaAtHome = { author: 'Ada L', email: 'ada@home.example' };
export const grace = { author: 'Grace Hopper', email: 'grace@example.com' };
const old = { author: 'Old Timer', email: 'old@example.com' };
export const dependabot = { author: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' };

/**
 * Ada commits under two emails (20 + 5 lines of src/core.ts at work, 10 at home), Grace writes
 * src/util.ts, Old Timer wrote legacy/old.ts long ago, and Dependabot recently added more lines to
 * it than Old Timer ever wrote: counted as a person, the bot would own it and keep it "active".
 */
export function buildPeopleRepository(folder: string): string {
  return createRepository(folder, [
    { ...old, date: '2022-01-10T10:00:00Z', files: { 'legacy/old.ts': lines(10, 'old'), 'README.md': '# Fixture\n' } },
    { ...ada, date: '2024-01-05T10:00:00Z', files: { 'src/core.ts': lines(20, 'core') } },
    { ...ada, date: '2024-02-05T10:00:00Z', files: { 'src/core.ts': lines(25, 'core') } },
    { ...adaAtHome, date: '2024-03-01T10:00:00Z', files: { 'src/core.ts': lines(35, 'core') } },
    { ...grace, date: '2024-04-01T10:00:00Z', files: { 'src/util.ts': lines(5, 'util') } },
    { ...dependabot, date: '2024-06-01T10:00:00Z', files: { 'legacy/old.ts': lines(40, 'old'), 'package.json': '{ "name": "fixture" }\n' } },
  ]);
}


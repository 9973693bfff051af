import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { buildDeadCodeRepository } from '../../support/draft-fixture.js';
import { createRepository, git } from '../../support/git-fixture.js';

const day = 24 * 60 * 60 * 1000;

/** A function complex enough to be a debt item, exported and used by nothing (another item). */
function complexModule(salt: string, index: number): string {
  return [
    `export function used${index}(n: number): number { return n + ${index}; }`,
    `export function unused${index}_${salt}(a: number, b: number): number {`,
    '  let total = 0;',
    '  for (let i = 0; i < a; i++) {',
    '    if (i % 2 === 0) { if (b > i) { total += i; } else if (b < 0) { total -= i; } else { total += b; } }',
    '    else if (i % 3 === 0) { while (total > 100) { total = total / 2; if (total < 3) break; } }',
    '  }',
    `  return total && a ? total : b || a;`,
    '}',
    '',
  ].join('\n');
}

/**
 * A small repository with about twenty debt items (complex functions, unused exports, knowledge
 * islands) and `commits` commits a week apart (for backfills). `salt` makes its files its own, so
 * that no scan of it is answered from another repository's cached facts.
 */
export function itemRepository(folder: string, salt: string, commits = 4): string {
  const start = Date.parse('2024-01-01T00:00:00Z');
  return createRepository(
    folder,
    Array.from({ length: commits }, (_, commit) => ({
      author: commit % 2 === 0 ? 'Ada Lovelace' : 'Grace Hopper',
      email: commit % 2 === 0 ? 'ada@example.com' : 'grace@example.com',
      date: new Date(start + commit * 7 * day).toISOString(),
      files:
        commit === 0
          ? {
              'package.json': `${JSON.stringify({ name: salt, version: '1.0.0', private: true, main: 'src/index.ts' })}\n`,
              'src/index.ts': 'import { used1 } from "./m1";\nimport { used2 } from "./m2";\nexport const main = () => used1(1) + used2(2);\n',
              ...Object.fromEntries(Array.from({ length: 6 }, (_, index) => [`src/m${index + 1}.ts`, complexModule(salt, index + 1)])),
            }
          : { [`notes/week-${commit}.md`]: `# Week ${commit} of ${salt}\n` },
    })),
  );
}

/** A repository whose scan takes a noticeable moment (a few thousand files of its own). */
export function slowRepository(folder: string, salt: string, files: number): string {
  const body = Array.from({ length: 60 }, (_, line) => `export const value${line}_${salt} = ${line};`).join('\n');
  return createRepository(folder, [
    {
      author: 'Bulk',
      email: 'bulk@example.com',
      date: '2024-01-01T00:00:00Z',
      files: Object.fromEntries(Array.from({ length: files }, (_, index) => [`src/part-${Math.floor(index / 400)}/file-${index}.ts`, `${body}\n// ${salt} ${index}\n`])),
    },
  ]);
}

/**
 * The dead-code draft fixture with weekly commits after it (for a backfill) and no gate that needs
 * the network or the repository's own tools: the draft installs nothing, edits, commits, re-scans its
 * worktree and rehearses its rollback.
 */
export function draftableRepository(folder: string): string {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const repo = buildDeadCodeRepository(folder, process.env['npm_config_registry'] ?? 'http://127.0.0.1:9/', tsc);
  // A draft needs its base to install: an install that does nothing (no registry is asked).
  const gates = { install: ['node', '-e', '0'], typecheck: false, lint: false, test: false, build: false };
  writeFileSync(join(repo, 'steward.config.json'), `${JSON.stringify({ drafts: { gates } })}\n`);
  for (const week of [1, 2, 3]) {
    if (week > 1) writeFileSync(join(repo, 'README.md'), `# Fixture\n\nThe old widget lives in src/documented.ts until the docs move. Week ${week}.\n`);
    const date = new Date(Date.parse('2024-06-01T00:00:00Z') + week * 7 * day).toISOString();
    const identity = { GIT_AUTHOR_NAME: 'Dev', GIT_AUTHOR_EMAIL: 'dev@example.com', GIT_COMMITTER_NAME: 'Dev', GIT_COMMITTER_EMAIL: 'dev@example.com', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
    git(repo, ['commit', '--quiet', '-am', `week ${week}`], identity);
  }
  return repo;
}

/** Reads Steward's database as another process would (WAL: never blocks the writers). */
export function readDatabase<T>(home: string, read: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(join(home, 'steward.db'), { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}
